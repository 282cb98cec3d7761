package org.rollcall.attendance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes the faces of markings whose review window has closed (embeddings, crops and thumbnails of everyone in the
 * class photos are not kept longer than the teacher needs to correct them). The marking row itself stays a little
 * longer so a late correction is answered 410 rather than 404. Idempotent: several replicas may run it at once.
 */
@Component
class MarkingCleanup {

    private static final Logger log = LoggerFactory.getLogger(MarkingCleanup.class);
    /** How long a closed marking's row (no faces, no photo: class, date, times) is kept to answer 410. */
    static final Duration TOMBSTONE = Duration.ofDays(30);

    private final MarkingRepository markings;
    private final Clock clock;

    MarkingCleanup(MarkingRepository markings, Clock clock) {
        this.markings = markings;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "${rollcall.attendance.review-cleanup-interval:PT10M}")
    void deleteClosed() {
        Instant now = clock.instant();
        int faces = markings.deleteClosedFaces(now);
        int rows = markings.deleteMarkingsClosedBefore(now.minus(TOMBSTONE));
        if (faces > 0 || rows > 0) {
            log.info("Review window closed: deleted {} marking faces and {} old markings", faces, rows);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableScheduling
    static class Scheduling {}
}
