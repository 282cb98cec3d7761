package org.rollcall.auth;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.rollcall.account.PasswordRules;

public record RegisterRequest(
        @NotBlank @Email @Size(max = 254) String email,

        @NotBlank
        @Size(
                min = PasswordRules.MIN_LENGTH,
                max = PasswordRules.MAX_LENGTH,
                message = "must be {min} to {max} characters long")
        String password,

        @NotBlank @Size(max = 100) String displayName) {}
