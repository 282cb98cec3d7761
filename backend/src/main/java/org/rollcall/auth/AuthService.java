package org.rollcall.auth;

import java.util.UUID;
import org.rollcall.account.AccountResponse;
import org.rollcall.account.AccountService;
import org.rollcall.account.PasswordRules;
import org.rollcall.account.Teacher;
import org.rollcall.account.TeacherRepository;
import org.rollcall.mail.MailDispatcher;
import org.rollcall.mail.MailMessage;
import org.rollcall.web.ApiException;
import org.rollcall.web.ErrorCode;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sign-up by mailed code, login, renewal, logout and password reset. */
@Service
class AuthService {

    private final OtpService otps;
    private final AccountService accounts;
    private final TokenService tokens;
    private final LoginThrottle throttle;
    private final MailDispatcher mail;
    private final PasswordRules passwordRules;
    private final long codeMinutes;
    private final TeacherRepository teachers;

    AuthService(
            OtpService otps,
            AccountService accounts,
            TokenService tokens,
            LoginThrottle throttle,
            MailDispatcher mail,
            PasswordRules passwordRules,
            OtpProperties otpProperties,
            TeacherRepository teachers) {
        this.teachers = teachers;
        this.otps = otps;
        this.accounts = accounts;
        this.tokens = tokens;
        this.throttle = throttle;
        this.mail = mail;
        this.passwordRules = passwordRules;
        this.codeMinutes = otpProperties.lifetime().toMinutes();
    }

    void sendSignUpCode(String email) {
        String code = otps.issue(OtpPurpose.SIGN_UP, email);
        if (accounts.exists(email)) {
            mail.dispatch(new MailMessage(
                    email,
                    "Your Rollcall account",
                    "Someone asked to sign up to Rollcall with this email, but it already has an account.\n"
                            + "If you forgot your password, use \"Forgot password\" on the login page.\n"));
            return;
        }
        mail.dispatch(new MailMessage(
                email,
                "Your Rollcall sign-up code",
                "Enter this code to confirm your email address:\n\nCode: " + code + "\n\n" + "It expires in "
                        + codeMinutes + " minutes. If you did not ask for it, ignore this mail.\n"));
    }

    void verifyEmail(String email, String code) {
        otps.verify(OtpPurpose.SIGN_UP, email, code);
        otps.markEmailVerified(email);
    }

    @Transactional
    AccountResponse register(String email, String password, String displayName) {
        String normalized = OtpService.normalize(email);
        if (!otps.isEmailVerified(normalized)) {
            throw new ApiException(
                    ErrorCode.EMAIL_NOT_VERIFIED, "Confirm this email with the code we mail you before registering.");
        }
        Teacher teacher = accounts.register(normalized, password, displayName);
        otps.forgetVerifiedEmail(normalized);
        return accounts.get(teacher.id());
    }

    AccessToken login(String email, String password, String clientAddress) {
        throttle.acquire(email, clientAddress);
        Teacher teacher = accounts.authenticate(OtpService.normalize(email), password);
        throttle.succeeded(email, clientAddress);
        return tokens.issue(teacher.id(), teacher.tokenGeneration());
    }

    AccessToken refresh(Jwt token) {
        UUID teacherId = UUID.fromString(token.getSubject());
        int generation = teachers.findTokenGeneration(teacherId)
                .orElseThrow(() -> new ApiException(ErrorCode.UNAUTHORIZED, "This account no longer exists."));
        return tokens.refresh(token, generation);
    }

    void logout(Jwt token) {
        tokens.logout(token);
    }

    void sendPasswordResetCode(String email) {
        String code = otps.issue(OtpPurpose.PASSWORD_RESET, email);
        if (accounts.exists(email)) {
            mail.dispatch(new MailMessage(
                    email,
                    "Your Rollcall password reset code",
                    "Enter this code to choose a new password:\n\nCode: " + code + "\n\n"
                            + "It expires in " + codeMinutes + " minutes. If you did not ask for it, ignore this "
                            + "mail: your password stays as it is.\n"));
        }
    }

    void resetPassword(String email, String code, String newPassword) {
        String normalized = OtpService.normalize(email);
        // Checked before the code is consumed, so a refused password does not cost the teacher the code. The name
        // is checked once the code has proved the account (checking it here would tell strangers whose it is).
        passwordRules.requireAcceptable(newPassword, "newPassword", normalized, null);
        otps.verify(OtpPurpose.PASSWORD_RESET, normalized, code);
        if (!accounts.resetPassword(normalized, newPassword)) {
            throw new ApiException(ErrorCode.INVALID_CODE, "The code is wrong or has expired; ask for a new one.");
        }
    }
}
