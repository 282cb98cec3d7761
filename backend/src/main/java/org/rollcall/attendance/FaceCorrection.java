package org.rollcall.attendance;

/** What the teacher said about a face of a marking. */
public enum FaceCorrection {
    /** "this face is this student" */
    ASSIGNED,
    /** "not this student": the face is unknown now */
    REJECTED
}
