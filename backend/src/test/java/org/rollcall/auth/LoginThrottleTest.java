package org.rollcall.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rollcall.support.ApiResponse;
import org.rollcall.support.RollcallIntegrationTest;
import org.rollcall.support.TestApi;
import org.rollcall.support.TestTeacher;
import org.springframework.beans.factory.annotation.Autowired;

/** Login attempts are limited per email and per client address (Bucket4j buckets in Redis). */
@RollcallIntegrationTest
class LoginThrottleTest {

    @Autowired
    TestApi api;

    @Test
    void tooManyAttemptsForOneEmailAnswer429EvenWithTheRightPassword() {
        TestTeacher teacher = api.newTeacher();
        // newTeacher() logged in once: 9 more attempts fit in the bucket of 10, each from a different address.
        for (int i = 0; i < 9; i++) {
            ApiResponse wrong = login(teacher.email(), "wrong password " + i, TestApi.randomAddress());
            assertThat(wrong.status()).isEqualTo(401);
        }
        ApiResponse blocked = login(teacher.email(), teacher.password(), TestApi.randomAddress());
        assertThat(blocked.status()).isEqualTo(429);
        assertThat(blocked.code()).isEqualTo("TOO_MANY_LOGIN_ATTEMPTS");
        assertThat(Long.parseLong(blocked.headers().getFirst("Retry-After"))).isBetween(1L, 300L);
    }

    @Test
    void tooManyAttemptsFromOneAddressAnswer429() {
        String address = TestApi.randomAddress();
        for (int i = 0; i < 30; i++) {
            assertThat(login(TestApi.uniqueEmail(), "some password", address).status()).isEqualTo(401);
        }
        ApiResponse blocked = login(TestApi.uniqueEmail(), "some password", address);
        assertThat(blocked.status()).isEqualTo(429);
        assertThat(blocked.code()).isEqualTo("TOO_MANY_LOGIN_ATTEMPTS");
        assertThat(blocked.headers().getFirst("Retry-After")).isNotBlank();

        TestTeacher other = api.newTeacher();
        assertThat(login(other.email(), other.password(), TestApi.randomAddress()).status()).isEqualTo(200);
    }

    private ApiResponse login(String email, String password, String address) {
        return api.post("/api/auth/login").from(address).json(Map.of("email", email, "password", password)).send();
    }
}
