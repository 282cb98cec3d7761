package org.rollcall.auth;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record EmailVerificationRequest(
        @NotBlank @Email @Size(max = 254) String email,

        @NotBlank @Pattern(regexp = "\\d{6}", message = "must be the 6-digit code from the mail")
        String code) {}
