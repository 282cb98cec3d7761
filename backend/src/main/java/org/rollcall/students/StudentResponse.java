package org.rollcall.students;

import java.util.List;
import java.util.UUID;

/**
 * A student with their enrolment faces.
 *
 * @param needsReEnrolment true when no face of the current model is stored: the student cannot be recognised
 */
public record StudentResponse(
        UUID id, String name, String rollNo, String email, boolean needsReEnrolment, List<FaceResponse> faces) {}
