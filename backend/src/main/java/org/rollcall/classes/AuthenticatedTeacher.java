package org.rollcall.classes;

import java.util.UUID;

import org.springframework.security.oauth2.jwt.Jwt;

/** The teacher a request acts for: the access token's subject is the teacher's id. */
public final class AuthenticatedTeacher {

    private AuthenticatedTeacher() {
    }

    public static UUID id(Jwt token) {
        return UUID.fromString(token.getSubject());
    }
}
