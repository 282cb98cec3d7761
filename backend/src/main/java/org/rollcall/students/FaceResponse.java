package org.rollcall.students;

import java.time.Instant;
import java.util.UUID;

import org.rollcall.face.FaceQuality;

/**
 * One enrolment face with its quality report.
 *
 * @param current false when the face was embedded by another model than the engine's: it is left out of matching
 *                until the student is enrolled again
 */
public record FaceResponse(UUID id, String modelId, boolean current, FaceQuality quality, Instant createdAt) {
}
