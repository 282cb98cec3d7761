package org.rollcall.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.rollcall.web.ApiException;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Length is checked by bean validation on the request records; this refuses passwords that are long enough but
 * among the most common ones (a short list shipped in the jar: cheap, and it stops the worst choices).
 */
@Component
public class PasswordRules {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;

    private final Set<String> common;

    PasswordRules() {
        ClassPathResource list = new ClassPathResource("common-passwords.txt");
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(list.getInputStream(), StandardCharsets.UTF_8))) {
            common = reader.lines().map(String::strip).filter(line -> !line.isEmpty())
                    .map(line -> line.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void requireAcceptable(String password, String field) {
        if (common.contains(password.toLowerCase(Locale.ROOT))) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "PASSWORD_TOO_COMMON",
                    field + ": this password is one of the most common ones; choose another.");
        }
    }
}
