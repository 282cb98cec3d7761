package org.rollcall.auth;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.rollcall.web.TooManyRequestsException;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * Token buckets (Bucket4j, state in Redis so all replicas share them) per email and per client address. Every
 * login attempt takes a token from both; an empty bucket answers 429 with Retry-After.
 */
@Component
class LoginThrottle {

    private static final String PREFIX = "rollcall:login-throttle:";
    private static final Duration REDIS_TIMEOUT = Duration.ofSeconds(2);

    private final ProxyManager<byte[]> buckets;
    private final BucketConfiguration perEmail;
    private final BucketConfiguration perAddress;

    LoginThrottle(LettuceConnectionFactory redis, LoginThrottleProperties properties) {
        // The Lettuce client Spring Data Redis already configured (address, password, TLS, timeouts).
        RedisClient client = (RedisClient) redis.getRequiredNativeClient();
        Duration longestRefill = max(properties.perEmail().refillPeriod(), properties.perAddress().refillPeriod());
        this.buckets = Bucket4jLettuce.casBasedBuilder(client)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(longestRefill))
                .requestTimeout(REDIS_TIMEOUT)
                .build();
        this.perEmail = configuration(properties.perEmail());
        this.perAddress = configuration(properties.perAddress());
    }

    void acquire(String email, String clientAddress) {
        take("address:" + clientAddress, perAddress, "Too many login attempts from this address; wait a moment.");
        take("email:" + OtpService.normalize(email), perEmail,
                "Too many login attempts for this account; wait a moment.");
    }

    private void take(String key, BucketConfiguration configuration, String message) {
        ConsumptionProbe probe = buckets.builder()
                .build((PREFIX + key).getBytes(StandardCharsets.UTF_8), () -> configuration)
                .tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new TooManyRequestsException("TOO_MANY_LOGIN_ATTEMPTS", message,
                    Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    private static BucketConfiguration configuration(LoginThrottleProperties.Limit limit) {
        return BucketConfiguration.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.capacity())
                        .refillIntervally(limit.capacity(), limit.refillPeriod()))
                .build();
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
