package org.rollcall.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.rollcall.support.ApiResponse;
import org.rollcall.support.Mailbox;
import org.rollcall.support.RollcallIntegrationTest;
import org.rollcall.support.TestApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

/** The one-time code rules: hashed, short-lived, single use, five tries, cooldown, hourly cap, per purpose. */
@RollcallIntegrationTest
class OtpRulesTest {

    @Autowired
    TestApi api;

    @Autowired
    StringRedisTemplate redis;

    @Test
    void theCodeIsSixDigitsStoredOnlyAsAHashThatExpiresInFiveMinutes() {
        String email = TestApi.uniqueEmail();
        requestCode(email);
        String code = Mailbox.awaitCode(email, 1);
        assertThat(code).matches("\\d{6}");

        String key = "rollcall:otp:code:sign_up:" + email;
        Object stored = redis.opsForHash().get(key, "hash");
        assertThat(stored).isNotNull();
        assertThat(stored.toString()).hasSize(64).doesNotContain(code);
        assertThat(redis.getExpire(key)).isBetween(1L, 300L);
    }

    @Test
    void aCodeWorksOnce() {
        String email = TestApi.uniqueEmail();
        requestCode(email);
        String code = Mailbox.awaitCode(email, 1);

        assertThat(verify(email, code).status()).isEqualTo(204);
        ApiResponse again = verify(email, code);
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.code()).isEqualTo("INVALID_CODE");
    }

    @Test
    void fiveWrongTriesKillTheCode() {
        String email = TestApi.uniqueEmail();
        requestCode(email);
        String code = Mailbox.awaitCode(email, 1);
        String wrong = code.equals("000000") ? "111111" : "000000";

        for (int i = 0; i < 5; i++) {
            ApiResponse attempt = verify(email, wrong);
            assertThat(attempt.status()).isEqualTo(400);
            assertThat(attempt.code()).isEqualTo("INVALID_CODE");
        }
        ApiResponse right = verify(email, code);
        assertThat(right.status()).isEqualTo(400);
        assertThat(right.code()).isEqualTo("INVALID_CODE");
    }

    @Test
    void theRightCodeStillWorksAfterFourWrongTries() {
        String email = TestApi.uniqueEmail();
        requestCode(email);
        String code = Mailbox.awaitCode(email, 1);
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 4; i++) {
            verify(email, wrong);
        }
        assertThat(verify(email, code).status()).isEqualTo(204);
    }

    @Test
    void askingAgainWithinTheCooldownAnswers429WithRetryAfter() {
        String email = TestApi.uniqueEmail();
        requestCode(email);
        ApiResponse again =
                api.post("/api/auth/email-otp").json(Map.of("email", email)).send();
        assertThat(again.status()).isEqualTo(429);
        assertThat(again.code()).isEqualTo("OTP_COOLDOWN");
        assertThat(Long.parseLong(again.headers().getFirst("Retry-After"))).isBetween(1L, 60L);
        assertThat(Mailbox.awaitMails(email, 1)).hasSize(1);
    }

    @Test
    void atMostFiveCodesPerHourAndEmail() {
        String email = TestApi.uniqueEmail();
        for (int i = 1; i <= 5; i++) {
            requestCode(email);
            // A used code lifts the cooldown, so only the hourly cap remains.
            assertThat(verify(email, Mailbox.awaitCode(email, i)).status()).isEqualTo(204);
        }
        ApiResponse sixth =
                api.post("/api/auth/email-otp").json(Map.of("email", email)).send();
        assertThat(sixth.status()).isEqualTo(429);
        assertThat(sixth.code()).isEqualTo("OTP_HOURLY_LIMIT");
        assertThat(Long.parseLong(sixth.headers().getFirst("Retry-After"))).isBetween(1L, 3600L);
    }

    @Test
    void aPasswordResetCodeCannotVerifyASignUp() {
        var teacher = api.newTeacher();
        api.post("/api/auth/password-reset/otp")
                .json(Map.of("email", teacher.email()))
                .send();
        String resetCode = Mailbox.awaitCode(teacher.email(), 2);

        ApiResponse crossUse = verify(teacher.email(), resetCode);
        assertThat(crossUse.status()).isEqualTo(400);
        assertThat(crossUse.code()).isEqualTo("INVALID_CODE");
        assertThat(api.post("/api/auth/password-reset")
                        .json(Map.of(
                                "email",
                                teacher.email(),
                                "code",
                                resetCode,
                                "newPassword",
                                "a fresh violin harbour code"))
                        .send()
                        .status())
                .isEqualTo(204);
    }

    @Test
    void fortyConcurrentWrongCodesAreComparedExactlyFiveTimesAndTheCounterKeepsItsExpiry() throws Exception {
        for (int round = 0; round < 3; round++) {
            String email = TestApi.uniqueEmail();
            requestCode(email);
            String code = Mailbox.awaitCode(email, 1);
            String wrong = code.equals("000000") ? "111111" : "000000";
            String key = "rollcall:otp:code:sign_up:" + email;

            CountDownLatch start = new CountDownLatch(1);
            List<Future<ApiResponse>> answers = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(40)) {
                for (int i = 0; i < 40; i++) {
                    answers.add(pool.submit(() -> {
                        start.await();
                        return verify(email, wrong);
                    }));
                }
                start.countDown();
                // While the guesses land, the code's hash must never be seen without an expiry.
                for (int look = 0; look < 50 && redis.hasKey(key); look++) {
                    Long ttl = redis.getExpire(key);
                    assertThat(ttl).as("expiry of %s", key).isNotEqualTo(-1L);
                }
            }
            List<String> details = new ArrayList<>();
            for (Future<ApiResponse> answer : answers) {
                ApiResponse response = answer.get();
                assertThat(response.status()).isEqualTo(400);
                assertThat(response.code()).isEqualTo("INVALID_CODE");
                details.add(response.json().get("detail").asString());
            }
            long compared = details.stream()
                            .filter(d -> d.startsWith("The code is wrong;"))
                            .count()
                    + details.stream()
                            .filter(d -> d.startsWith("Too many wrong codes"))
                            .count();
            assertThat(compared)
                    .as("guesses compared with the code, of %s", details)
                    .isEqualTo(5);
            assertThat(details.stream().filter(d -> d.startsWith("Too many wrong codes")))
                    .hasSize(1);
            assertThat(redis.hasKey(key)).isFalse();
            assertThat(redis.keys("rollcall:otp:*" + email))
                    .allSatisfy(k ->
                            assertThat(redis.getExpire(k)).as("expiry of %s", k).isPositive());
            assertThat(verify(email, code).status())
                    .as("the right code after five wrong ones")
                    .isEqualTo(400);
        }
    }

    @Test
    void aWrongCodeSaysHowManyTriesAreLeft() {
        String email = TestApi.uniqueEmail();
        requestCode(email);
        String code = Mailbox.awaitCode(email, 1);
        String wrong = code.equals("000000") ? "111111" : "000000";
        assertThat(verify(email, wrong).json().get("detail").asString())
                .isEqualTo("The code is wrong; 4 more tries before you need a new one.");
    }

    private void requestCode(String email) {
        assertThat(api.post("/api/auth/email-otp")
                        .json(Map.of("email", email))
                        .send()
                        .status())
                .isEqualTo(202);
    }

    private ApiResponse verify(String email, String code) {
        return api.post("/api/auth/email-verification")
                .json(Map.of("email", email, "code", code))
                .send();
    }
}
