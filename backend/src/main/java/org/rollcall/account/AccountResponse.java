package org.rollcall.account;

import java.time.Instant;
import java.util.UUID;

public record AccountResponse(UUID id, String email, String displayName, Instant createdAt) {

    static AccountResponse of(Teacher teacher) {
        return new AccountResponse(teacher.id(), teacher.email(), teacher.displayName(), teacher.createdAt());
    }
}
