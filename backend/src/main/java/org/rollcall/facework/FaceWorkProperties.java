package org.rollcall.facework;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bounds on the face engine's work (detection and embedding of uploaded photos), which is what a photo costs.
 *
 * @param concurrency        photos worked on at once; 0 means one per processor core
 * @param perTeacherRunning  photos of one teacher worked on at once
 * @param perTeacherWaiting  photos of one teacher waiting for their turn; more answer 503 with Retry-After
 * @param maxWaiting         photos waiting in all; more answer 503 with Retry-After
 * @param maxWait            longest a photo waits for its turn before the request answers 503
 * @param markingPhotos      photos one teacher may send for marking per {@code markingPeriod} (429 beyond)
 * @param markingPeriod      the period of that allowance, refilled steadily
 */
@ConfigurationProperties("rollcall.face-work")
public record FaceWorkProperties(
        @DefaultValue("0") int concurrency,
        @DefaultValue("1") int perTeacherRunning,
        @DefaultValue("20") int perTeacherWaiting,
        @DefaultValue("40") int maxWaiting,
        @DefaultValue("60s") Duration maxWait,
        @DefaultValue("60") int markingPhotos,
        @DefaultValue("1m") Duration markingPeriod) {

    int effectiveConcurrency() {
        return concurrency > 0 ? concurrency : Runtime.getRuntime().availableProcessors();
    }
}
