package org.rollcall.auth;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.rollcall.account.PasswordRules;

public record PasswordResetRequest(
        @NotBlank @Email @Size(max = 254) String email,

        @NotBlank @Pattern(regexp = "\\d{6}", message = "must be the 6-digit code from the mail")
        String code,

        @NotBlank
        @Size(
                min = PasswordRules.MIN_LENGTH,
                max = PasswordRules.MAX_LENGTH,
                message = "must be {min} to {max} characters long")
        String newPassword) {}
