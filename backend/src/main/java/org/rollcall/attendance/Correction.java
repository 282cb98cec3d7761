package org.rollcall.attendance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A manual change of a student's presence on a date.
 *
 * @param correctedBy the teacher who made it (null if that account is gone)
 */
public record Correction(LocalDate date, Action action, UUID correctedBy, Instant correctedAt) {

    public enum Action {
        MARK,
        UNMARK
    }
}
