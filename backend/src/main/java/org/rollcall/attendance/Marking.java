package org.rollcall.attendance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One marking request (its photos are not kept; its faces are, until reviewUntil). */
record Marking(UUID id, UUID classId, LocalDate date, int photoCount, Instant createdAt, Instant reviewUntil) {

    boolean open(Instant now) {
        return now.isBefore(reviewUntil);
    }
}
