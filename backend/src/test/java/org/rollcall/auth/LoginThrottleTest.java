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
    void tenAttemptsForOneEmailFromOneAddressAnswer429EvenWithTheRightPassword() {
        TestTeacher teacher = api.newTeacher();
        String stranger = TestApi.randomAddress();
        for (int i = 0; i < 10; i++) {
            assertThat(login(teacher.email(), "wrong password " + i, stranger).status())
                    .isEqualTo(401);
        }
        ApiResponse blocked = login(teacher.email(), teacher.password(), stranger);
        assertThat(blocked.status()).isEqualTo(429);
        assertThat(blocked.code()).isEqualTo("TOO_MANY_LOGIN_ATTEMPTS");
        assertThat(Long.parseLong(blocked.headers().getFirst("Retry-After"))).isBetween(1L, 300L);
        // the teacher, from the address it signed in from before, is not held up by the stranger
        assertThat(login(teacher.email(), teacher.password(), teacher.address()).status())
                .isEqualTo(200);
    }

    @Test
    void strangersGuessingFromManyAddressesOnlyDelayNewAddressesAndNeverLockTheTeacherOut() {
        TestTeacher teacher = api.newTeacher();
        int refused = 0;
        ApiResponse lastRefusal = null;
        for (int i = 0; i < 40; i++) {
            ApiResponse attempt = login(teacher.email(), "wrong password " + i, TestApi.randomAddress());
            assertThat(attempt.status()).isIn(401, 429);
            if (attempt.status() == 429) {
                refused++;
                lastRefusal = attempt;
            }
        }
        assertThat(refused)
                .as("attempts from new addresses beyond the per-email bucket")
                .isPositive();
        // a delay of seconds (steady refill), not a lock-out for the whole period
        assertThat(Long.parseLong(lastRefusal.headers().getFirst("Retry-After")))
                .isBetween(1L, 30L);
        assertThat(lastRefusal.json().get("detail").asString()).contains("wait a few seconds");
        for (int i = 0; i < 3; i++) {
            assertThat(login(teacher.email(), teacher.password(), teacher.address())
                            .status())
                    .isEqualTo(200);
        }
    }

    @Test
    void tooManyAttemptsFromOneAddressAnswer429() {
        String address = TestApi.randomAddress();
        for (int i = 0; i < 30; i++) {
            assertThat(login(TestApi.uniqueEmail(), "some password", address).status())
                    .isEqualTo(401);
        }
        ApiResponse blocked = login(TestApi.uniqueEmail(), "some password", address);
        assertThat(blocked.status()).isEqualTo(429);
        assertThat(blocked.code()).isEqualTo("TOO_MANY_LOGIN_ATTEMPTS");
        assertThat(blocked.headers().getFirst("Retry-After")).isNotBlank();

        TestTeacher other = api.newTeacher();
        assertThat(login(other.email(), other.password(), TestApi.randomAddress())
                        .status())
                .isEqualTo(200);
    }

    private ApiResponse login(String email, String password, String address) {
        return api.post("/api/auth/login")
                .from(address)
                .json(Map.of("email", email, "password", password))
                .send();
    }
}
