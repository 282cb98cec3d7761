package org.rollcall.auth;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** One-time codes sent by mail (sign-up and password reset). */
@ConfigurationProperties("rollcall.otp")
public record OtpProperties(
        Duration lifetime, int maxAttempts, Duration resendCooldown, int hourlyCap, Duration verifiedEmailLifetime) {}
