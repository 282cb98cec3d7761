package org.rollcall.auth;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * What revokes tokens, kept in Redis so every replica sees it:
 * <ul>
 * <li>{@code denylist:<jti>} — a logged-out token, kept until the token would have expired;</li>
 * <li>{@code token-generation:<teacher>} — tokens carrying an older {@code gen} claim are dead (password change or
 * reset bumps it; a deleted account gets {@link #DELETED}); PostgreSQL holds the truth, Redis a copy;</li>
 * <li>{@code token-kept:<jti>} — the one token that changed the password stays valid for the new generation.</li>
 * </ul>
 * All three are read with one MGET per authenticated request.
 */
@Component
class TokenRevocationStore {

    static final int DELETED = Integer.MAX_VALUE;
    private static final String PREFIX = "rollcall:";

    private final StringRedisTemplate redis;
    private final Duration generationCacheLifetime;

    TokenRevocationStore(StringRedisTemplate redis, AuthProperties properties) {
        this.redis = redis;
        // Longer than any token lives: once it expires, every token it could judge has expired too.
        this.generationCacheLifetime = properties.tokenLifetime().multipliedBy(2);
    }

    void denylist(String jti, Duration remainingLifetime) {
        if (!remainingLifetime.isNegative() && !remainingLifetime.isZero()) {
            redis.opsForValue().set(denylistKey(jti), "1", remainingLifetime);
        }
    }

    /** Denylists the token unless it already is: true for the one caller that did it (renewal is single use). */
    boolean denylistIfFirst(String jti, Duration remainingLifetime) {
        if (remainingLifetime.isNegative() || remainingLifetime.isZero()) {
            return false;
        }
        return Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(denylistKey(jti), "1", remainingLifetime));
    }

    /** Overwrites the cached generation; called while the database transaction that changed it is still open. */
    void publishGeneration(UUID teacherId, int generation) {
        redis.opsForValue().set(generationKey(teacherId), Integer.toString(generation), generationCacheLifetime);
    }

    /** Fills a cache miss without overwriting a newer value a concurrent password change may have written. */
    void cacheGenerationIfAbsent(UUID teacherId, int generation) {
        redis.opsForValue()
                .setIfAbsent(generationKey(teacherId), Integer.toString(generation), generationCacheLifetime);
    }

    void keep(String jti, int generation, Duration remainingLifetime) {
        if (!remainingLifetime.isNegative() && !remainingLifetime.isZero()) {
            redis.opsForValue().set(keptKey(jti), Integer.toString(generation), remainingLifetime);
        }
    }

    TokenState read(String jti, UUID teacherId) {
        List<String> values =
                redis.opsForValue().multiGet(Arrays.asList(denylistKey(jti), generationKey(teacherId), keptKey(jti)));
        if (values == null) {
            throw new IllegalStateException("Redis MGET answered nothing");
        }
        return new TokenState(values.get(0) != null, parse(values.get(1)), parse(values.get(2)));
    }

    private static Integer parse(String value) {
        return value == null ? null : Integer.valueOf(value);
    }

    private static String denylistKey(String jti) {
        return PREFIX + "denylist:" + jti;
    }

    private static String generationKey(UUID teacherId) {
        return PREFIX + "token-generation:" + teacherId;
    }

    private static String keptKey(String jti) {
        return PREFIX + "token-kept:" + jti;
    }

    /** generation and keptFor are null when Redis has no value. */
    record TokenState(boolean denylisted, Integer generation, Integer keptFor) {}
}
