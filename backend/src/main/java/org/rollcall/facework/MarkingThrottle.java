package org.rollcall.facework;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import org.rollcall.web.ErrorCode;
import org.rollcall.web.TooManyRequestsException;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * Photos sent for marking per teacher (a Bucket4j bucket in Redis, shared by all replicas, like the login throttle):
 * a class needs a few photos a lesson, a script sending hundreds gets 429 with Retry-After.
 */
@Component
public class MarkingThrottle {

    private static final String PREFIX = "rollcall:marking-throttle:";

    private final ProxyManager<byte[]> buckets;
    private final BucketConfiguration perTeacher;
    /*
     * The bucket is updated by compare-and-swap in Redis: twenty concurrent requests of one teacher would retry
     * against each other for seconds. Within this replica they take turns per teacher (striped locks); only
     * replicas still race, and rarely.
     */
    private final ReentrantLock[] stripes = new ReentrantLock[64];

    MarkingThrottle(LettuceConnectionFactory redis, FaceWorkProperties limits) {
        RedisClient client = (RedisClient) redis.getRequiredNativeClient();
        this.buckets = Bucket4jLettuce.casBasedBuilder(client)
                .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(limits.markingPeriod()))
                .requestTimeout(Duration.ofSeconds(2))
                .build();
        this.perTeacher = BucketConfiguration.builder()
                .addLimit(bandwidth -> bandwidth
                        .capacity(limits.markingPhotos())
                        .refillGreedy(limits.markingPhotos(), limits.markingPeriod()))
                .build();
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    /** Takes one token per photo, or answers 429. */
    public void acquire(UUID teacher, int photos) {
        ReentrantLock stripe = stripes[Math.floorMod(teacher.hashCode(), stripes.length)];
        ConsumptionProbe probe;
        stripe.lock();
        try {
            probe = buckets.builder()
                    .build((PREFIX + teacher).getBytes(StandardCharsets.UTF_8), () -> perTeacher)
                    .tryConsumeAndReturnRemaining(Math.max(1, photos));
        } finally {
            stripe.unlock();
        }
        if (!probe.isConsumed()) {
            throw new TooManyRequestsException(
                    ErrorCode.TOO_MANY_MARKINGS,
                    "You have sent many photos for marking in a short time; wait a moment and try again.",
                    Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }
}
