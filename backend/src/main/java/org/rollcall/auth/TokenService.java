package org.rollcall.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Service;

/** Issues access tokens (sub = teacher id, jti, iat, exp, gen) and revokes single tokens on logout. */
@Service
public class TokenService {

    private final JwtEncoder encoder;
    private final TokenRevocationStore revocations;
    private final Duration lifetime;
    private final Clock clock;

    TokenService(JwtEncoder encoder, TokenRevocationStore revocations, AuthProperties properties) {
        this.encoder = encoder;
        this.revocations = revocations;
        this.lifetime = properties.tokenLifetime();
        this.clock = Clock.systemUTC();
    }

    public AccessToken issue(UUID teacherId, int generation) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .subject(teacherId.toString())
                .id(UUID.randomUUID().toString())
                .issuedAt(now)
                .expiresAt(now.plus(lifetime))
                .claim(TokenRevocationValidator.GENERATION_CLAIM, generation)
                .build();
        String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
        return new AccessToken(token, "Bearer", lifetime.toSeconds());
    }

    public void logout(Jwt token) {
        revocations.denylist(token.getId(), remainingLifetime(token));
    }

    /** Keeps the token that made a password change valid for the account's new generation. */
    public void keepAcrossGeneration(Jwt token, int newGeneration) {
        revocations.keep(token.getId(), newGeneration, remainingLifetime(token));
    }

    private Duration remainingLifetime(Jwt token) {
        return Duration.between(clock.instant(), token.getExpiresAt());
    }
}
