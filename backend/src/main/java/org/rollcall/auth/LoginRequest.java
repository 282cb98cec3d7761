package org.rollcall.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.rollcall.account.PasswordRules;

public record LoginRequest(
        @NotBlank @Size(max = 254) String email,
        @NotBlank @Size(max = PasswordRules.MAX_LENGTH) String password) {}
