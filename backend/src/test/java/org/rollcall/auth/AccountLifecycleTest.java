package org.rollcall.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rollcall.support.ApiResponse;
import org.rollcall.support.Mailbox;
import org.rollcall.support.RollcallIntegrationTest;
import org.rollcall.support.TestApi;
import org.rollcall.support.TestTeacher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The whole account journey over HTTP: sign-up by code, login, account, password change, logout, reset, delete. */
@RollcallIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class AccountLifecycleTest {

    @Autowired
    TestApi api;

    @Autowired
    JdbcClient jdbc;

    @Test
    void signUpVerifyRegisterLoginAndFetchTheAccount(CapturedOutput logs) {
        String email = TestApi.uniqueEmail();
        assertThat(api.post("/api/auth/email-otp")
                        .json(Map.of("email", email))
                        .send()
                        .status())
                .isEqualTo(202);
        String code = Mailbox.awaitCode(email, 1);
        assertThat(Mailbox.mailsTo(email).getFirst()).doesNotContain(TestApi.PASSWORD);

        ApiResponse early = api.post("/api/auth/register")
                .json(Map.of("email", TestApi.uniqueEmail(), "password", TestApi.PASSWORD, "displayName", "X"))
                .send();
        assertThat(early.status()).isEqualTo(403);
        assertThat(early.code()).isEqualTo("EMAIL_NOT_VERIFIED");

        assertThat(api.post("/api/auth/email-verification")
                        .json(Map.of("email", email, "code", code))
                        .send()
                        .status())
                .isEqualTo(204);
        ApiResponse registered = api.post("/api/auth/register")
                .json(Map.of("email", email.toUpperCase(), "password", TestApi.PASSWORD, "displayName", " Ada "))
                .send();
        assertThat(registered.status()).isEqualTo(201);
        assertThat(registered.json().get("email").asString()).isEqualTo(email);
        assertThat(registered.json().get("displayName").asString()).isEqualTo("Ada");
        assertThat(registered.json().get("createdAt").isNull()).isFalse();

        ApiResponse login = api.post("/api/auth/login")
                .from(TestApi.randomAddress())
                .json(Map.of("email", email, "password", TestApi.PASSWORD))
                .send();
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.json().get("tokenType").asString()).isEqualTo("Bearer");
        assertThat(login.json().get("expiresIn").asLong()).isEqualTo(3600);

        ApiResponse account = api.get("/api/account")
                .bearer(login.json().get("accessToken").asString())
                .send();
        assertThat(account.status()).isEqualTo(200);
        assertThat(account.json().get("id").asString())
                .isEqualTo(registered.json().get("id").asString());
        assertThat(account.json().get("email").asString()).isEqualTo(email);
        assertThat(account.json().has("passwordHash")).isFalse();

        String hash = jdbc.sql("SELECT password_hash FROM teacher WHERE email = :email")
                .param("email", email)
                .query(String.class)
                .single();
        assertThat(hash).startsWith("$argon2id$").doesNotContain(TestApi.PASSWORD);
        assertThat(logs.getAll()).doesNotContain(TestApi.PASSWORD);
    }

    @Test
    void aSecondRegistrationOfTheSameEmailIsRefused() {
        TestTeacher teacher = api.newTeacher();
        assertThat(api.post("/api/auth/email-otp")
                        .json(Map.of("email", teacher.email()))
                        .send()
                        .status())
                .isEqualTo(202);
        // The sign-up mail is followed by a notice without a code: the email already has an account.
        String notice = Mailbox.awaitMails(teacher.email(), 2).get(1);
        assertThat(notice).contains("already has an account").doesNotContain("Code:");
    }

    @Test
    void registeringTwiceWithOneVerificationAnswersConflict() {
        String email = TestApi.uniqueEmail();
        api.post("/api/auth/email-otp").json(Map.of("email", email)).send();
        api.post("/api/auth/email-verification")
                .json(Map.of("email", email, "code", Mailbox.awaitCode(email, 1)))
                .send();
        api.post("/api/auth/register")
                .json(Map.of("email", email, "password", TestApi.PASSWORD, "displayName", "A"))
                .send();
        ApiResponse again = api.post("/api/auth/register")
                .json(Map.of("email", email, "password", TestApi.PASSWORD, "displayName", "B"))
                .send();
        // The verification was used up by the first registration.
        assertThat(again.status()).isEqualTo(403);
        assertThat(again.code()).isEqualTo("EMAIL_NOT_VERIFIED");
    }

    @Test
    void changingThePasswordKeepsThisTokenAndKillsTheOthers() {
        TestTeacher teacher = api.newTeacher();
        String other = api.login(teacher.email(), teacher.password(), teacher.address());
        String newPassword = "a much better passphrase";

        ApiResponse wrong = api.put("/api/account/password")
                .as(teacher)
                .json(Map.of("currentPassword", "not the password", "newPassword", newPassword))
                .send();
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.code()).isEqualTo("WRONG_PASSWORD");

        ApiResponse changed = api.put("/api/account/password")
                .as(teacher)
                .json(Map.of("currentPassword", teacher.password(), "newPassword", newPassword))
                .send();
        assertThat(changed.status()).isEqualTo(204);

        assertThat(api.get("/api/account").as(teacher).send().status()).isEqualTo(200);
        ApiResponse revoked = api.get("/api/account").bearer(other).send();
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.code()).isEqualTo("UNAUTHORIZED");

        ApiResponse oldPassword = api.post("/api/auth/login")
                .from(teacher.address())
                .json(Map.of("email", teacher.email(), "password", teacher.password()))
                .send();
        assertThat(oldPassword.status()).isEqualTo(401);
        assertThat(oldPassword.code()).isEqualTo("INVALID_CREDENTIALS");
        String fresh = api.login(teacher.email(), newPassword, teacher.address());
        assertThat(api.get("/api/account").bearer(fresh).send().status()).isEqualTo(200);
    }

    @Test
    void logoutDenylistsTheTokenOnly() {
        TestTeacher teacher = api.newTeacher();
        String other = api.login(teacher.email(), teacher.password(), teacher.address());

        assertThat(api.post("/api/auth/logout").as(teacher).send().status()).isEqualTo(204);

        ApiResponse after = api.get("/api/account").as(teacher).send();
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.isProblem()).isTrue();
        assertThat(api.get("/api/account").bearer(other).send().status()).isEqualTo(200);
    }

    @Test
    void passwordResetByMailedCodeKillsEveryEarlierToken() {
        TestTeacher teacher = api.newTeacher();
        assertThat(api.post("/api/auth/password-reset/otp")
                        .json(Map.of("email", teacher.email()))
                        .send()
                        .status())
                .isEqualTo(202);
        String code = Mailbox.awaitCode(teacher.email(), 2);
        String newPassword = "reset to something new";

        ApiResponse reset = api.post("/api/auth/password-reset")
                .json(Map.of("email", teacher.email(), "code", code, "newPassword", newPassword))
                .send();
        assertThat(reset.status()).isEqualTo(204);

        assertThat(api.get("/api/account").as(teacher).send().status()).isEqualTo(401);
        String fresh = api.login(teacher.email(), newPassword, teacher.address());
        assertThat(api.get("/api/account").bearer(fresh).send().status()).isEqualTo(200);

        ApiResponse reused = api.post("/api/auth/password-reset")
                .json(Map.of("email", teacher.email(), "code", code, "newPassword", "yet another lantern phrase"))
                .send();
        assertThat(reused.status()).isEqualTo(400);
        assertThat(reused.code()).isEqualTo("INVALID_CODE");
    }

    @Test
    void passwordResetAnswersTheSameForUnknownEmailsAndMailsNothing() {
        String unknown = TestApi.uniqueEmail();
        ApiResponse answer = api.post("/api/auth/password-reset/otp")
                .json(Map.of("email", unknown))
                .send();
        TestTeacher teacher = api.newTeacher();
        ApiResponse known = api.post("/api/auth/password-reset/otp")
                .json(Map.of("email", teacher.email()))
                .send();

        assertThat(answer.status()).isEqualTo(202).isEqualTo(known.status());
        assertThat(answer.body()).isEqualTo(known.body());
        Mailbox.awaitMails(teacher.email(), 2);
        assertThat(Mailbox.mailsTo(unknown)).isEmpty();
    }

    @Test
    void deletingTheAccountErasesItAndKillsItsTokens() {
        TestTeacher teacher = api.newTeacher();

        ApiResponse wrong = api.delete("/api/account")
                .as(teacher)
                .json(Map.of("password", "wrong password"))
                .send();
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.code()).isEqualTo("WRONG_PASSWORD");

        assertThat(api.delete("/api/account")
                        .as(teacher)
                        .json(Map.of("password", teacher.password()))
                        .send()
                        .status())
                .isEqualTo(204);
        assertThat(jdbc.sql("SELECT count(*) FROM teacher WHERE id = :id")
                        .param("id", teacher.id())
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(api.get("/api/account").as(teacher).send().status()).isEqualTo(401);
        ApiResponse login = api.post("/api/auth/login")
                .from(teacher.address())
                .json(Map.of("email", teacher.email(), "password", teacher.password()))
                .send();
        assertThat(login.status()).isEqualTo(401);
    }
}
