package org.rollcall.auth;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import org.rollcall.web.ErrorCode;
import org.rollcall.web.TooManyRequestsException;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Token buckets (Bucket4j, state in Redis so all replicas share them). Every attempt takes a token per client
 * address and per email+address pair: guessing one account from one place stops quickly. A softer bucket per email
 * catches guessing from many addresses; it refills steadily, so it only delays (Retry-After of seconds), and an
 * address the teacher has signed in from before skips it: strangers' bad attempts alone cannot lock a teacher out.
 */
@Component
class LoginThrottle {

    private static final String PREFIX = "rollcall:login-throttle:";
    private static final String KNOWN = "rollcall:login-known:";
    private static final Duration REDIS_TIMEOUT = Duration.ofSeconds(2);

    private final ProxyManager<byte[]> buckets;
    private final BucketConfiguration perPair;
    private final BucketConfiguration perEmail;
    private final BucketConfiguration perAddress;
    private final StringRedisTemplate redis;
    private final Duration knownAddressLifetime;

    LoginThrottle(LettuceConnectionFactory redis, StringRedisTemplate templates, LoginThrottleProperties properties) {
        // The Lettuce client Spring Data Redis already configured (address, password, TLS, timeouts).
        RedisClient client = (RedisClient) redis.getRequiredNativeClient();
        Duration longestRefill = max(
                max(
                        properties.perEmail().refillPeriod(),
                        properties.perAddress().refillPeriod()),
                properties.perPair().refillPeriod());
        this.buckets = Bucket4jLettuce.casBasedBuilder(client)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(longestRefill))
                .requestTimeout(REDIS_TIMEOUT)
                .build();
        this.perPair = configuration(properties.perPair());
        this.perEmail = steadyConfiguration(properties.perEmail());
        this.perAddress = configuration(properties.perAddress());
        this.redis = templates;
        this.knownAddressLifetime = properties.knownAddressLifetime();
    }

    void acquire(String email, String clientAddress) {
        String normalized = OtpService.normalize(email);
        take("address:" + clientAddress, perAddress, "Too many login attempts from this address; wait a moment.");
        take(
                "pair:" + pair(normalized, clientAddress),
                perPair,
                "Too many login attempts for this account from here; wait a few minutes.");
        if (!Boolean.TRUE.equals(redis.hasKey(KNOWN + pair(normalized, clientAddress)))) {
            take(
                    "email:" + normalized,
                    perEmail,
                    "Many sign-in attempts were made for this account from elsewhere; wait a few seconds and try again.");
        }
    }

    /** After a successful login, this address is one the teacher uses: the per-email bucket no longer applies. */
    void succeeded(String email, String clientAddress) {
        redis.opsForValue().set(KNOWN + pair(OtpService.normalize(email), clientAddress), "1", knownAddressLifetime);
    }

    /** Hashed, so Redis holds no list of who signed in from where. */
    private static String pair(String email, String clientAddress) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((email + "\n" + clientAddress).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void take(String key, BucketConfiguration configuration, String message) {
        ConsumptionProbe probe = buckets.builder()
                .build((PREFIX + key).getBytes(StandardCharsets.UTF_8), () -> configuration)
                .tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new TooManyRequestsException(
                    ErrorCode.TOO_MANY_LOGIN_ATTEMPTS, message, Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    private static BucketConfiguration configuration(LoginThrottleProperties.Limit limit) {
        return BucketConfiguration.builder()
                .addLimit(bandwidth ->
                        bandwidth.capacity(limit.capacity()).refillIntervally(limit.capacity(), limit.refillPeriod()))
                .build();
    }

    /* Refilled one token at a time (greedy), so an empty bucket means a wait of seconds, not of the whole period. */
    private static BucketConfiguration steadyConfiguration(LoginThrottleProperties.Limit limit) {
        return BucketConfiguration.builder()
                .addLimit(bandwidth ->
                        bandwidth.capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.refillPeriod()))
                .build();
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
