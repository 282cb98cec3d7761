package org.rollcall.attendance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A marking: the faces of one request's photos and what they did, as it stands after corrections.
 *
 * @param markedAt      when the photos were marked
 * @param reviewUntil   corrections are accepted until then; afterwards the faces are deleted
 * @param photos        how many photos the marking had
 * @param marked        students written present from faces of this marking
 * @param alreadyMarked students recognised who were already present for the date
 * @param unknown       faces given to nobody
 * @param keptAbsent    students recognised but kept absent (unmarked by hand that day)
 */
public record MarkResponse(
        UUID markingId,
        LocalDate date,
        Instant markedAt,
        Instant reviewUntil,
        int photos,
        List<FaceResult> faces,
        int marked,
        int alreadyMarked,
        int unknown,
        int keptAbsent) {}
