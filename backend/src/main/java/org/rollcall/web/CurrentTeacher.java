package org.rollcall.web;

import java.util.UUID;

/**
 * The authenticated teacher. Declare it as a controller method parameter ({@code CurrentTeacher teacher}) on any
 * /api/** endpoint behind the bearer token; {@link CurrentTeacherArgumentResolver} fills it from the JWT subject.
 */
public record CurrentTeacher(UUID id) {}
