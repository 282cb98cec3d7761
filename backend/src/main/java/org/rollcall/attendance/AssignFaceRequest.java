package org.rollcall.attendance;

import jakarta.validation.constraints.NotNull;
import java.util.Set;
import java.util.UUID;

/**
 * "This face is this student."
 *
 * @param learn         add the face to the student's gallery (default true)
 * @param differentFrom students the teacher confirmed the face is not (overrides the look-alike guard for them)
 */
record AssignFaceRequest(@NotNull UUID studentId, Boolean learn, Set<UUID> differentFrom) {

    boolean learning() {
        return learn == null || learn;
    }

    Set<UUID> notThese() {
        return differentFrom == null ? Set.of() : differentFrom;
    }
}
