package org.rollcall.attendance;

/** How a presence was recorded. */
public enum AttendanceSource {
    /** recognised in a class photo */
    PHOTO,
    /** set by the teacher by hand */
    MANUAL
}
