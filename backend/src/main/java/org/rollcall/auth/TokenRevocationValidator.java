package org.rollcall.auth;

import java.util.UUID;
import org.rollcall.account.TeacherRepository;
import org.rollcall.web.ServiceUnavailableException;
import org.springframework.dao.DataAccessException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * Rejects tokens that are well signed and unexpired but revoked: logged out (denylisted), issued before a password
 * change or reset, or of a deleted account. If Redis or PostgreSQL cannot answer, it throws 503 rather than let an
 * unchecked token through.
 */
@Component
class TokenRevocationValidator implements OAuth2TokenValidator<Jwt> {

    static final String GENERATION_CLAIM = "gen";

    private final TokenRevocationStore store;
    private final TeacherRepository teachers;

    TokenRevocationValidator(TokenRevocationStore store, TeacherRepository teachers) {
        this.store = store;
        this.teachers = teachers;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt jwt) {
        UUID teacherId;
        try {
            teacherId = UUID.fromString(jwt.getSubject());
        } catch (IllegalArgumentException | NullPointerException e) {
            return invalid("The token has no valid subject");
        }
        Object generationClaim = jwt.getClaims().get(GENERATION_CLAIM);
        if (jwt.getId() == null || !(generationClaim instanceof Number tokenGeneration)) {
            return invalid("The token lacks jti or gen");
        }
        TokenRevocationStore.TokenState state = readState(jwt.getId(), teacherId);
        if (state.denylisted()) {
            return invalid("The token was logged out");
        }
        int current = state.generation() != null ? state.generation() : loadGeneration(teacherId);
        boolean kept = state.keptFor() != null && state.keptFor() == current;
        if (tokenGeneration.intValue() < current && !kept) {
            return invalid("The token was revoked");
        }
        return OAuth2TokenValidatorResult.success();
    }

    private TokenRevocationStore.TokenState readState(String jti, UUID teacherId) {
        try {
            return store.read(jti, teacherId);
        } catch (RuntimeException e) {
            throw new ServiceUnavailableException("Cannot check the token: Redis is unreachable.", e);
        }
    }

    private int loadGeneration(UUID teacherId) {
        try {
            int generation = teachers.findTokenGeneration(teacherId).orElse(TokenRevocationStore.DELETED);
            store.cacheGenerationIfAbsent(teacherId, generation);
            return generation;
        } catch (DataAccessException e) {
            throw new ServiceUnavailableException("Cannot check the token: a backing service is unreachable.", e);
        }
    }

    private static OAuth2TokenValidatorResult invalid(String description) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
    }
}
