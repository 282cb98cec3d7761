package org.rollcall.attendance;

/** What marking did with one face of a class photo, as it stands after the teacher's corrections. */
public enum FaceStatus {
    /** recognised (or given by the teacher), and the student was written present from this face */
    MARKED,
    /** recognised, and the student was already present for the date: nothing written */
    ALREADY_MARKED,
    /** not recognised as any student of the class (or the teacher said it is not the student it was taken for) */
    UNKNOWN,
    /**
     * recognised, but not written: the student was marked absent by hand that day (or unmarked since), and a photo
     * does not overrule the teacher; she can still mark the student present from this face
     */
    KEPT_ABSENT
}
