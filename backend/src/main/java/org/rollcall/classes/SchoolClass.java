package org.rollcall.classes;

import java.time.ZoneId;
import java.util.UUID;

/** A teacher's class. Its timezone decides which calendar date "today" is for attendance. */
public record SchoolClass(UUID id, UUID teacherId, String name, ZoneId timezone) {}
