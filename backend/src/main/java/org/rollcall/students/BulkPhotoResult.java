package org.rollcall.students;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.UUID;

/**
 * What happened to one file of a bulk photo upload.
 *
 * @param rollNo  the roll number read from the file name
 * @param code    why it was refused (the enrolment gate's codes, e.g. NO_FACE, ALREADY_ENROLLED_AS)
 * @param message a sentence for the teacher, for every status but ENROLLED
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BulkPhotoResult(
        String file, String rollNo, Status status, String code, String message, UUID studentId, String studentName) {

    public enum Status {
        ENROLLED,
        REFUSED,
        NO_STUDENT,
        ALREADY_ENROLLED
    }
}
