package org.rollcall.auth;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * JWT settings; jwtSecret comes from ROLLCALL_JWT_SECRET (see JwtSecretResolver for what happens when it is empty).
 *
 * @param tokenLifetime how long one token lives; the app renews it before then (POST /api/auth/refresh)
 * @param maxSession    how long renewals may go on after the password was typed: then the teacher signs in again
 */
@ConfigurationProperties("rollcall.auth")
public record AuthProperties(
        String jwtSecret,
        Duration tokenLifetime,
        @DefaultValue("12h") Duration maxSession) {}
