package org.rollcall.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rollcall.support.ApiResponse;
import org.rollcall.support.Mailbox;
import org.rollcall.support.RollcallIntegrationTest;
import org.rollcall.support.TestApi;
import org.rollcall.support.TestTeacher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The outside attack registered with "aaaaaaaaaa" and with the account's own email: both are refused now. */
@RollcallIntegrationTest
class WeakPasswordTest {

    @Autowired
    TestApi api;

    @Autowired
    JdbcClient jdbc;

    @Test
    void signUpRefusesARepeatedLetterAndTheOwnEmailAndWritesNothing() {
        String email = TestApi.uniqueEmail();
        assertThat(api.post("/api/auth/email-otp")
                        .json(Map.of("email", email))
                        .send()
                        .status())
                .isEqualTo(202);
        String code = Mailbox.awaitCode(email, 1);
        assertThat(api.post("/api/auth/email-verification")
                        .json(Map.of("email", email, "code", code))
                        .send()
                        .status())
                .isEqualTo(204);

        assertRefused(
                register(email, "aaaaaaaaaa", "Mira Lopez"),
                "PASSWORD_TOO_WEAK",
                "Password is too easy to guess: repeated letters or words");
        assertRefused(
                register(email, email, "Mira Lopez"),
                "PASSWORD_PERSONAL",
                "Password must not contain your email address");
        assertRefused(
                register(email, "lopez violet harbour", "Mira Lopez"),
                "PASSWORD_PERSONAL",
                "Password must not contain your name");
        assertThat(jdbc.sql("SELECT count(*) FROM teacher WHERE email = :e")
                        .param("e", email)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(register(email, "violet harbour cactus lantern", "Mira Lopez")
                        .status())
                .isEqualTo(201);
    }

    @Test
    void changingThePasswordToTheOwnNameIsRefusedAndTheOldOneKeepsWorking() {
        TestTeacher teacher = api.newTeacher("Rosalind Okafor");
        ApiResponse response = api.put("/api/account/password")
                .as(teacher)
                .json(Map.of("currentPassword", teacher.password(), "newPassword", "rosalind okafor 2026"))
                .send();
        assertRefused(response, "PASSWORD_PERSONAL", "New password must not contain your name");
        assertThat(api.login(teacher.email(), teacher.password(), teacher.address()))
                .isNotBlank();
    }

    private ApiResponse register(String email, String password, String name) {
        return api.post("/api/auth/register")
                .json(Map.of("email", email, "password", password, "displayName", name))
                .send();
    }

    private static void assertRefused(ApiResponse response, String code, String words) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.code()).isEqualTo(code);
        assertThat(response.json().get("detail").asString()).contains(words);
    }
}
