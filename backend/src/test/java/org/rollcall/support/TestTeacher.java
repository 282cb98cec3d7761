package org.rollcall.support;

import java.util.UUID;

/** A registered, signed-in teacher; {@code address} is the X-Forwarded-For address its requests come from. */
public record TestTeacher(UUID id, String email, String password, String displayName, String token, String address) {}
