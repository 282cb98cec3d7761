package org.rollcall.students;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.rollcall.face.FaceQuality;

/**
 * One face of a student with its quality report.
 *
 * @param current     false when the face was embedded by another model than the engine's: it is left out of matching
 *                    until the student is enrolled again
 * @param source      ENROLMENT (an uploaded photo) or LEARNED (confirmed by the teacher on a marking)
 * @param markingId   the marking a LEARNED face came from, while that marking is kept; null otherwise
 * @param learnedDate the attendance date a LEARNED face came from; null for enrolment faces
 */
public record FaceResponse(
        UUID id,
        String modelId,
        boolean current,
        FaceQuality quality,
        Instant createdAt,
        FaceSource source,
        UUID markingId,
        LocalDate learnedDate) {}
