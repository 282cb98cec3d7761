package org.rollcall.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.rollcall.support.TestApi;
import org.rollcall.web.ApiException;

class PasswordRulesTest {

    private final PasswordRules rules = new PasswordRules();

    @Test
    void longButEasyPasswordsAreRefusedWithTheReasonInWords() {
        assertRefused(
                "aaaaaaaaaa",
                null,
                null,
                "PASSWORD_TOO_WEAK",
                "New password is too easy to guess: repeated letters or words");
        assertRefused("abcdefghijkl", null, null, "PASSWORD_TOO_WEAK", "sequences like");
        assertRefused("Password123", null, null, "PASSWORD_TOO_COMMON", "one of the most common passwords");
        assertRefused("qwertyuiop", null, null, "PASSWORD_TOO_COMMON", "one of the most common passwords");
        assertRefused("replicated new password", null, null, "PASSWORD_TOO_WEAK", "common passwords or words");
        assertRefused("x".repeat(PasswordRules.MAX_LENGTH), null, null, "PASSWORD_TOO_WEAK", "too easy to guess");
    }

    @Test
    void aPasswordContainingTheEmailOrTheNameIsRefused() {
        String email = "mira.lopez@school.example";
        assertRefused(email, email, "Mira Lopez", "PASSWORD_PERSONAL", "must not contain your email address");
        assertRefused("MIRA.LOPEZ@SCHOOL.EXAMPLE!", email, "Mira Lopez", "PASSWORD_PERSONAL", "email address");
        assertRefused("mira.lopez violet harbour", email, null, "PASSWORD_PERSONAL", "email address");
        assertRefused(
                "violet harbour Lopez cactus", email, "Mira Lopez", "PASSWORD_PERSONAL", "must not contain your name");
        // short name words appear inside unrelated words by chance and are not held against the teacher
        assertThatCode(() -> rules.requireAcceptable(
                        "banana violet harbour lantern", "newPassword", "an@x.example", "Ana Li"))
                .doesNotThrowAnyException();
    }

    @Test
    void goodPassphrasesPass() {
        for (String good : new String[] {
            "violet harbour cactus lantern",
            TestApi.PASSWORD,
            "a brand new classroom password",
            "Tr0ub4dor&3 is not my style"
        }) {
            assertThatCode(() -> rules.requireAcceptable(good, "password", "someone@school.example", "Sam Teacher"))
                    .as(good)
                    .doesNotThrowAnyException();
        }
    }

    private void assertRefused(String password, String email, String name, String code, String words) {
        assertThatThrownBy(() -> rules.requireAcceptable(password, "newPassword", email, name))
                .as(password)
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code().code()).isEqualTo(code);
                    assertThat(e.getMessage()).contains(words);
                    assertThat(e.status().value()).isEqualTo(400);
                });
    }
}
