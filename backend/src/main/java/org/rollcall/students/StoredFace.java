package org.rollcall.students;

import java.time.Instant;
import java.util.UUID;

import org.rollcall.face.FaceQuality;

/** An enrolment face as stored (without its embedding and thumbnail, which are read only where needed). */
record StoredFace(UUID id, UUID studentId, String modelId, FaceQuality quality, Instant createdAt) {
}
