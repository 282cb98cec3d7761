package org.rollcall.auth;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Token buckets for login attempts: each key gets {@code capacity} attempts per {@code refillPeriod}.
 *
 * @param perPair               one email from one client address (strict, refilled per period)
 * @param perEmail              one email from anywhere (soft: refilled steadily, skipped for known addresses)
 * @param perAddress            one client address, whatever the email
 * @param knownAddressLifetime  how long an address stays known after a successful login
 */
@ConfigurationProperties("rollcall.login-throttle")
public record LoginThrottleProperties(
        Limit perPair,
        Limit perEmail,
        Limit perAddress,
        @DefaultValue("30d") Duration knownAddressLifetime) {

    public record Limit(long capacity, Duration refillPeriod) {}
}
