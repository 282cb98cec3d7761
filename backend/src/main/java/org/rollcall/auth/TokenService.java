package org.rollcall.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.rollcall.web.ApiException;
import org.rollcall.web.ErrorCode;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Service;

/**
 * Issues access tokens (sub = teacher id, jti, iat, exp, gen, and {@code sst}: when the session began with a
 * password), renews them within the session limit and revokes single tokens on logout.
 */
@Service
class TokenService {

    static final String SESSION_START_CLAIM = "sst";

    private final JwtEncoder encoder;
    private final TokenRevocationStore revocations;
    private final Duration lifetime;
    private final Duration maxSession;
    private final Clock clock;

    TokenService(JwtEncoder encoder, TokenRevocationStore revocations, AuthProperties properties, Clock clock) {
        this.encoder = encoder;
        this.revocations = revocations;
        this.lifetime = properties.tokenLifetime();
        this.maxSession = properties.maxSession();
        this.clock = clock;
    }

    /** A token for a teacher who has just given the password: a new session begins. */
    AccessToken issue(UUID teacherId, int generation) {
        return issue(teacherId, generation, clock.instant());
    }

    /**
     * A fresh token for a valid one, in the same session: the old one is denylisted at once (single use: of two
     * concurrent renewals of one token only one succeeds), and no token outlives the session limit.
     *
     * @param generation the account's current token generation (the old token passed the revocation check)
     */
    AccessToken refresh(Jwt token, int generation) {
        Instant now = clock.instant();
        Instant sessionStart = sessionStart(token);
        if (!now.isBefore(sessionStart.plus(maxSession))) {
            throw new ApiException(
                    ErrorCode.SESSION_EXPIRED,
                    "You have been signed in for " + maxSession.toHours() + " hours; please sign in again.");
        }
        if (!revocations.denylistIfFirst(token.getId(), remainingLifetime(token))) {
            throw new ApiException(ErrorCode.UNAUTHORIZED, "This sign-in was already renewed; please sign in again.");
        }
        return issue(UUID.fromString(token.getSubject()), generation, sessionStart);
    }

    private AccessToken issue(UUID teacherId, int generation, Instant sessionStart) {
        Instant now = clock.instant();
        Instant end = now.plus(lifetime);
        Instant sessionEnd = sessionStart.plus(maxSession);
        if (end.isAfter(sessionEnd)) {
            end = sessionEnd;
        }
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .subject(teacherId.toString())
                .id(UUID.randomUUID().toString())
                .issuedAt(now)
                .expiresAt(end)
                .claim(TokenRevocationValidator.GENERATION_CLAIM, generation)
                .claim(SESSION_START_CLAIM, sessionStart.getEpochSecond())
                .build();
        String token = encoder.encode(JwtEncoderParameters.from(
                        JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
        return new AccessToken(token, "Bearer", Duration.between(now, end).toSeconds());
    }

    /** Tokens issued before sessions were limited have no sst: their session began when they were issued. */
    private static Instant sessionStart(Jwt token) {
        Object claim = token.getClaims().get(SESSION_START_CLAIM);
        if (claim instanceof Number seconds) {
            return Instant.ofEpochSecond(seconds.longValue());
        }
        return token.getIssuedAt() != null ? token.getIssuedAt() : Instant.EPOCH;
    }

    void logout(Jwt token) {
        revocations.denylist(token.getId(), remainingLifetime(token));
    }

    /** Keeps the token that made a password change valid for the account's new generation. */
    void keepAcrossGeneration(Jwt token, int newGeneration) {
        revocations.keep(token.getId(), newGeneration, remainingLifetime(token));
    }

    private Duration remainingLifetime(Jwt token) {
        return Duration.between(clock.instant(), token.getExpiresAt());
    }
}
