package org.rollcall.attendance;

/** What marking did with one face of a class photo. */
public enum FaceStatus {
    /** recognised, and written present by this request */
    MARKED,
    /** recognised, and the student was already present for the date: nothing written */
    ALREADY_MARKED,
    /** not recognised as any student of the class */
    UNKNOWN
}
