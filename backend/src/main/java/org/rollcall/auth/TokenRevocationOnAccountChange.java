package org.rollcall.auth;

import org.rollcall.account.PasswordChanged;
import org.rollcall.account.TeacherDeleted;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Kills the tokens of an account whose password changed or which was deleted. It runs inside the account's
 * transaction (the events are synchronous), so a Redis that cannot take the new generation rolls the change back.
 */
@Component
class TokenRevocationOnAccountChange {

    private final TokenRevocationStore revocations;
    private final TokenService tokens;

    TokenRevocationOnAccountChange(TokenRevocationStore revocations, TokenService tokens) {
        this.revocations = revocations;
        this.tokens = tokens;
    }

    @EventListener
    void on(PasswordChanged event) {
        revocations.publishGeneration(event.teacherId(), event.tokenGeneration());
        if (event.keepAskingSession()) {
            tokens.keepAcrossGeneration(askingToken(event), event.tokenGeneration());
        }
    }

    @EventListener
    void on(TeacherDeleted event) {
        revocations.publishGeneration(event.teacherId(), TokenRevocationStore.DELETED);
    }

    /** The bearer token of the request that changed the password: account knows teachers, not tokens. */
    private static Jwt askingToken(PasswordChanged event) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken jwt
                && event.teacherId().toString().equals(jwt.getToken().getSubject())) {
            return jwt.getToken();
        }
        // A programming error (a password change on behalf of a teacher outside their own request), not a client's.
        throw new IllegalStateException("A password change that keeps the asking session came without its token");
    }
}
