package org.rollcall.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rollcall.support.ApiResponse;
import org.rollcall.support.AppInstance;
import org.rollcall.support.Ports;
import org.rollcall.support.TestApi;
import org.rollcall.support.TestServices;
import org.rollcall.support.TestTeacher;
import redis.embedded.RedisServer;

/**
 * With Redis unreachable no token can be checked against the denylist, so authenticated requests fail closed
 * with 503. Uses a Redis of its own so the shared one stays up for the other tests.
 */
class RedisDownTest {

    static int redisPort;
    static RedisServer redis;
    static AppInstance app;

    @BeforeAll
    static void start() {
        redisPort = Ports.free();
        redis = TestServices.startRedis(redisPort);
        app = AppInstance.onSharedServices(Map.of("spring.data.redis.url", "redis://127.0.0.1:" + redisPort));
    }

    @AfterAll
    static void stop() throws Exception {
        app.close();
        redis.stop();
    }

    @Test
    void authenticatedRequestsAnswer503WhileRedisIsDownAndRecoverAfterwards() throws Exception {
        TestApi api = app.api();
        TestTeacher teacher = api.newTeacher();
        assertThat(api.get("/api/account").as(teacher).send().status()).isEqualTo(200);

        redis.stop();
        try {
            ApiResponse down = api.get("/api/account").as(teacher).send();
            assertThat(down.status()).isEqualTo(503);
            assertThat(down.isProblem()).isTrue();
            assertThat(down.code()).isEqualTo("SERVICE_UNAVAILABLE");

            ApiResponse login = api.post("/api/auth/login")
                    .from(teacher.address())
                    .json(Map.of("email", teacher.email(), "password", teacher.password()))
                    .send();
            assertThat(login.status()).isEqualTo(503);
            assertThat(login.code()).isEqualTo("SERVICE_UNAVAILABLE");
        } finally {
            redis.start();
        }

        assertThat(awaitStatus(api, teacher, 200, Duration.ofSeconds(30))).isEqualTo(200);
    }

    private static int awaitStatus(TestApi api, TestTeacher teacher, int wanted, Duration timeout)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        int status;
        do {
            status = api.get("/api/account").as(teacher).send().status();
            if (status == wanted) {
                return status;
            }
            Thread.sleep(200);
        } while (Instant.now().isBefore(deadline));
        return status;
    }
}
