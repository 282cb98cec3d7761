package org.rollcall.account;

import java.util.UUID;

/** Published (synchronously, inside the registration transaction) when a teacher account is created. */
public record TeacherRegistered(UUID teacherId, String displayName) {}
