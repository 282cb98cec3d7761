package org.rollcall.attendance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A student present on a date.
 *
 * @param score    the recognition similarity for PHOTO, null for MANUAL
 * @param markedBy the teacher who marked (null if that account is gone)
 */
public record AttendanceRecord(
        UUID studentId, LocalDate date, AttendanceSource source, Float score, Instant markedAt, UUID markedBy) {}
