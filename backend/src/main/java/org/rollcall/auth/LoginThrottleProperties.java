package org.rollcall.auth;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Token buckets for login attempts: each key gets {@code capacity} attempts per {@code refillPeriod} window. */
@ConfigurationProperties("rollcall.login-throttle")
public record LoginThrottleProperties(Limit perEmail, Limit perAddress) {

    public record Limit(long capacity, Duration refillPeriod) {
    }
}
