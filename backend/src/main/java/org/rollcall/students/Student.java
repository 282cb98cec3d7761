package org.rollcall.students;

import java.util.UUID;

/** @param email optional */
public record Student(UUID id, UUID classId, String rollNo, String name, String email) {}
