package org.rollcall.account;

import java.time.Instant;
import java.util.UUID;

/** A teacher account row. */
public record Teacher(
        UUID id, String email, String displayName, String passwordHash, Instant createdAt, int tokenGeneration) {}
