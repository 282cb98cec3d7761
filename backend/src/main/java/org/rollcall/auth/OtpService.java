package org.rollcall.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import org.rollcall.web.ApiException;
import org.rollcall.web.ErrorCode;
import org.rollcall.web.TooManyRequestsException;
import org.springframework.data.redis.core.RedisOperations;
import org.springframework.data.redis.core.SessionCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Service;

/**
 * Six-digit codes from SecureRandom, stored in Redis only as an HMAC (keyed by the server secret) with a short
 * lifetime. A code is single use and dies after {@code maxAttempts} wrong tries; a new one can be asked for once per
 * cooldown and a few times per hour. Everything is keyed by purpose and email, whether or not an account exists,
 * so the answers reveal nothing about accounts.
 */
@Service
class OtpService {

    private static final String PREFIX = "rollcall:otp:";
    private static final String HASH = "hash";
    private static final String ATTEMPTS = "attempts";
    private static final Duration HOUR = Duration.ofHours(1);

    private static final long NO_CODE = -1;
    private static final long LAST_TRY_FAILED = -2;

    /*
     * Check and count in one step, so concurrent guesses cannot all read the same count: Redis runs a script alone.
     * The count is only written into a hash that exists (HINCRBY after HGET in the same script), so it always keeps
     * the code's expiry. The hashes compared are HMACs under the server key, so comparing them with Lua's == tells a
     * guesser nothing about the code. Answers: 0 right (code and cooldown deleted), n > 0 wrong with n tries left,
     * -1 no code, -2 wrong on the last try (code deleted).
     */
    private static final RedisScript<Long> CHECK_AND_COUNT = RedisScript.of("""
            local stored = redis.call('HGET', KEYS[1], 'hash')
            if not stored then return -1 end
            if stored == ARGV[1] then
              redis.call('DEL', KEYS[1], KEYS[2])
              return 0
            end
            local attempts = redis.call('HINCRBY', KEYS[1], 'attempts', 1)
            local left = tonumber(ARGV[2]) - attempts
            if left <= 0 then
              redis.call('DEL', KEYS[1])
              return -2
            end
            return left
            """, Long.class);

    /* The hourly counter is created with its expiry in the same step as its first count. */
    private static final RedisScript<Long> COUNT_IN_WINDOW = RedisScript.of("""
            local n = redis.call('INCR', KEYS[1])
            if n == 1 or redis.call('TTL', KEYS[1]) < 0 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
            return n
            """, Long.class);

    private final StringRedisTemplate redis;
    private final OtpProperties properties;
    private final SecretKey hmacKey;
    private final SecureRandom random = new SecureRandom();

    OtpService(StringRedisTemplate redis, OtpProperties properties, SecretKey jwtKey) {
        this.redis = redis;
        this.properties = properties;
        this.hmacKey = jwtKey;
    }

    /** Creates a code (replacing an earlier one) or answers 429 when asked too often. */
    String issue(OtpPurpose purpose, String email) {
        String subject = subject(purpose, email);
        Boolean first =
                redis.opsForValue().setIfAbsent(PREFIX + "cooldown:" + subject, "1", properties.resendCooldown());
        if (!Boolean.TRUE.equals(first)) {
            throw new TooManyRequestsException(
                    ErrorCode.OTP_COOLDOWN,
                    ErrorCode.OTP_COOLDOWN.sentence(),
                    remaining(PREFIX + "cooldown:" + subject, properties.resendCooldown()));
        }
        String hourlyKey = PREFIX + "hourly:" + subject;
        Long sent = redis.execute(COUNT_IN_WINDOW, List.of(hourlyKey), Long.toString(HOUR.toSeconds()));
        if (sent == null || sent > properties.hourlyCap()) {
            throw new TooManyRequestsException(
                    ErrorCode.OTP_HOURLY_LIMIT,
                    "Too many codes were asked for this email; try again later.",
                    remaining(hourlyKey, HOUR));
        }
        String code = "%06d".formatted(random.nextInt(1_000_000));
        String codeKey = PREFIX + "code:" + subject;
        String hash = hmac(subject, code);
        redis.execute(new SessionCallback<List<Object>>() {
            @Override
            @SuppressWarnings("unchecked")
            public <K, V> List<Object> execute(RedisOperations<K, V> operations) {
                RedisOperations<String, String> ops = (RedisOperations<String, String>) operations;
                // MULTI/EXEC: the code never exists without its expiry.
                ops.multi();
                ops.delete(codeKey);
                ops.opsForHash().putAll(codeKey, Map.of(HASH, hash, ATTEMPTS, "0"));
                ops.expire(codeKey, properties.lifetime());
                return ops.exec();
            }
        });
        return code;
    }

    /** Consumes the code if it is right; otherwise counts a wrong try and answers 400 INVALID_CODE. */
    void verify(OtpPurpose purpose, String email, String code) {
        String subject = subject(purpose, email);
        Long outcome = redis.execute(
                CHECK_AND_COUNT,
                List.of(PREFIX + "code:" + subject, PREFIX + "cooldown:" + subject),
                hmac(subject, code),
                Integer.toString(properties.maxAttempts()));
        if (outcome == null || outcome == NO_CODE) {
            throw invalid("The code is wrong or has expired; ask for a new one.");
        }
        if (outcome == LAST_TRY_FAILED) {
            throw invalid("Too many wrong codes; ask for a new one.");
        }
        if (outcome > 0) {
            throw invalid(
                    outcome == 1
                            ? "The code is wrong; 1 more try before you need a new one."
                            : "The code is wrong; %d more tries before you need a new one.".formatted(outcome));
        }
    }

    void markEmailVerified(String email) {
        redis.opsForValue().set(PREFIX + "verified:" + normalize(email), "1", properties.verifiedEmailLifetime());
    }

    boolean isEmailVerified(String email) {
        return Boolean.TRUE.equals(redis.hasKey(PREFIX + "verified:" + normalize(email)));
    }

    void forgetVerifiedEmail(String email) {
        redis.delete(PREFIX + "verified:" + normalize(email));
    }

    private Duration remaining(String key, Duration fallback) {
        Long seconds = redis.getExpire(key);
        return seconds == null || seconds <= 0 ? fallback : Duration.ofSeconds(seconds);
    }

    private String hmac(String subject, String code) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hmacKey);
            // The prefix separates these inputs from JWT signing inputs made with the same key.
            mac.update(("rollcall-otp\n" + subject + "\n" + code).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static String subject(OtpPurpose purpose, String email) {
        return purpose.name().toLowerCase(Locale.ROOT) + ":" + normalize(email);
    }

    static String normalize(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    private static ApiException invalid(String message) {
        return new ApiException(ErrorCode.INVALID_CODE, message);
    }
}
