package org.rollcall.students;

/** Where a stored face came from. */
public enum FaceSource {
    /** an enrolment photo the teacher uploaded for the student */
    ENROLMENT,
    /** a face of a class photo the teacher confirmed was this student (see the review of a marking) */
    LEARNED
}
