package org.rollcall.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rollcall.support.TestApi.check;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.rollcall.support.ApiResponse;
import org.rollcall.support.IntegrationTestSupport;
import org.rollcall.support.TestApi;
import org.rollcall.support.TestTeacher;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sliding renewal of tokens (a lesson must not end at the sign-in page): a token is exchanged for a fresh one and
 * dies at once, once only, within the absolute session limit (12 h); logout and a password change still kill tokens.
 * Extends {@link IntegrationTestSupport} for its movable clock.
 */
class SessionRenewalTest extends IntegrationTestSupport {

    @Test
    void aTokenIsRenewedOnceAndTheOldOneStopsWorking() {
        TestTeacher signedIn = api.newTeacher();
        TestApi.Client first = api.client(signedIn.token());

        JsonNode renewed =
                check(first.postJson("/api/auth/refresh", Map.of()), 200).json();

        assertThat(renewed.get("tokenType").asString()).isEqualTo("Bearer");
        assertThat(renewed.get("expiresIn").asLong()).isBetween(3500L, 3600L);
        TestApi.Client second = first.as(renewed.get("accessToken").asString());
        check(second.get("/api/account"), 200);
        assertProblem(first.get("/api/account"), 401, "UNAUTHORIZED");
        assertProblem(first.postJson("/api/auth/refresh", Map.of()), 401, "UNAUTHORIZED");
        assertThat(claims(renewed.get("accessToken").asString()).get("sst").asLong())
                .isEqualTo(claims(signedIn.token()).get("sst").asLong());

        // logout of the renewed token still ends the session
        check(second.postJson("/api/auth/logout", Map.of()), 204);
        assertProblem(second.postJson("/api/auth/refresh", Map.of()), 401, "UNAUTHORIZED");
        assertProblem(first.as(null).postJson("/api/auth/refresh", Map.of()), 401, "UNAUTHORIZED");
    }

    @Test
    void twoRenewalsOfOneTokenAtOnceGiveOneFreshToken() throws Exception {
        TestApi.Client teacher = newTeacher();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                Callable<Integer> call = () -> {
                    start.await();
                    return teacher.postJson("/api/auth/refresh", Map.of()).status();
                };
                results.add(pool.submit(call));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            assertThat(statuses).containsOnly(200, 401);
            assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void renewalStopsAtTheSessionLimitAndAPasswordChangeStillRevokesRenewedTokens() {
        Instant signIn = Instant.now();
        clock.standAt(signIn, ZoneOffset.UTC);
        TestTeacher signedIn = api.newTeacher();
        TestApi.Client teacher = api.client(signedIn.token());
        // renewed every 50 minutes through the day: the last token ends exactly at the limit
        for (int minutes = 50; minutes < 12 * 60; minutes += 50) {
            clock.standAt(signIn.plus(Duration.ofMinutes(minutes)), ZoneOffset.UTC);
            JsonNode renewed =
                    check(teacher.postJson("/api/auth/refresh", Map.of()), 200).json();
            teacher = teacher.as(renewed.get("accessToken").asString());
            JsonNode claims = claims(renewed.get("accessToken").asString());
            assertThat(claims.get("exp").asLong())
                    .isLessThanOrEqualTo(signIn.plus(Duration.ofHours(12)).getEpochSecond() + 1);
        }
        clock.standAt(signIn.plus(Duration.ofHours(12)), ZoneOffset.UTC);
        ApiResponse tooLate = teacher.postJson("/api/auth/refresh", Map.of());
        assertProblem(tooLate, 401, "SESSION_EXPIRED");
        assertThat(tooLate.json().get("detail").asString()).contains("12 hours");

        clock.reset();
        TestApi.Client fresh = api.client(api.login(signedIn.email(), TestApi.PASSWORD, signedIn.address()));
        TestApi.Client renewed = fresh.as(check(fresh.postJson("/api/auth/refresh", Map.of()), 200)
                .json()
                .get("accessToken")
                .asString());
        TestApi.Client other = api.client(api.login(signedIn.email(), TestApi.PASSWORD, signedIn.address()));
        check(
                other.putJson(
                        "/api/account/password",
                        Map.of("currentPassword", TestApi.PASSWORD, "newPassword", "Quiet lantern 47 orbits Vega")),
                204);
        assertProblem(renewed.get("/api/account"), 401, "UNAUTHORIZED");
        assertProblem(renewed.postJson("/api/auth/refresh", Map.of()), 401, "UNAUTHORIZED");
        // the token that changed the password is renewed into the new generation
        TestApi.Client changer = other.as(check(other.postJson("/api/auth/refresh", Map.of()), 200)
                .json()
                .get("accessToken")
                .asString());
        check(changer.get("/api/account"), 200);
    }

    private static JsonNode claims(String jwt) {
        String payload = jwt.split("\\.")[1];
        return JsonMapper.builder()
                .build()
                .readTree(new String(Base64.getUrlDecoder().decode(payload)));
    }
}
