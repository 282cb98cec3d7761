package org.rollcall.auth;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.rollcall.account.AccountResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Which of these need no token is said once, in {@link org.rollcall.web.PublicEndpoints}. */
@RestController
@RequestMapping("/api/auth")
@Tag(name = "Authentication")
class AuthController {

    private final AuthService auth;

    AuthController(AuthService auth) {
        this.auth = auth;
    }

    @PostMapping("/email-otp")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Mail a sign-up code (same answer whether or not the email has an account)")
    void sendSignUpCode(@Valid @RequestBody EmailRequest request) {
        auth.sendSignUpCode(request.email());
    }

    @PostMapping("/email-verification")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Check the sign-up code; the email may then register")
    void verifyEmail(@Valid @RequestBody EmailVerificationRequest request) {
        auth.verifyEmail(request.email(), request.code());
    }

    @PostMapping("/register")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create the account of a verified email")
    AccountResponse register(@Valid @RequestBody RegisterRequest request) {
        return auth.register(request.email(), request.password(), request.displayName());
    }

    @PostMapping("/login")
    @Operation(summary = "Exchange email and password for a bearer token")
    AccessToken login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        return auth.login(request.email(), request.password(), http.getRemoteAddr());
    }

    @PostMapping("/refresh")
    @Operation(summary = "Exchange a valid token for a fresh one (the old one stops working), within the session limit")
    AccessToken refresh(@AuthenticationPrincipal Jwt token) {
        return auth.refresh(token);
    }

    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Denylist this token until it expires")
    void logout(@AuthenticationPrincipal Jwt token) {
        auth.logout(token);
    }

    @PostMapping("/password-reset/otp")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Mail a password-reset code if the account exists (the answer is the same either way)")
    void sendPasswordResetCode(@Valid @RequestBody EmailRequest request) {
        auth.sendPasswordResetCode(request.email());
    }

    @PostMapping("/password-reset")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Set a new password with the mailed code; every earlier token stops working")
    void resetPassword(@Valid @RequestBody PasswordResetRequest request) {
        auth.resetPassword(request.email(), request.code(), request.newPassword());
    }
}
