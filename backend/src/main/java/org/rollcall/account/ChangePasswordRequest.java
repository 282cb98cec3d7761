package org.rollcall.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record ChangePasswordRequest(
        @NotBlank String currentPassword,

        @NotBlank
        @Size(
                min = PasswordRules.MIN_LENGTH,
                max = PasswordRules.MAX_LENGTH,
                message = "must be {min} to {max} characters long")
        String newPassword) {}
