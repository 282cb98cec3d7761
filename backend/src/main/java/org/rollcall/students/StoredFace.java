package org.rollcall.students;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.rollcall.face.FaceQuality;

/**
 * A face as stored (without its embedding and thumbnail, which are read only where needed).
 *
 * @param markingId   for a LEARNED face, the marking it was learned from (null once that marking is deleted)
 * @param learnedDate for a LEARNED face, the attendance date of that marking
 */
record StoredFace(
        UUID id,
        UUID studentId,
        String modelId,
        FaceQuality quality,
        Instant createdAt,
        FaceSource source,
        UUID markingId,
        LocalDate learnedDate) {}
