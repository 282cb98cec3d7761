package org.rollcall.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.crypto.SecretKey;
import org.rollcall.local.LocalProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** HS256 tokens through Spring Security's Nimbus support; decoding also runs the revocation checks. */
@Configuration(proxyBeanMethods = false)
class JwtConfiguration {

    /** Replicas' clocks may differ a little; a minute (Spring's default) would keep expired tokens alive too long. */
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(5);

    @Bean
    SecretKey jwtKey(
            AuthProperties properties,
            LocalProperties local,
            @Value("${spring.datasource.url:}") String externalDatabaseUrl) {
        return JwtSecretResolver.resolve(properties.jwtSecret(), !externalDatabaseUrl.isBlank(), local.dataDir());
    }

    @Bean
    JwtEncoder jwtEncoder(SecretKey jwtKey) {
        return NimbusJwtEncoder.withSecretKey(jwtKey)
                .algorithm(MacAlgorithm.HS256)
                .build();
    }

    @Bean
    JwtDecoder jwtDecoder(SecretKey jwtKey, TokenRevocationValidator revocation, Clock clock) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(jwtKey)
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
        // expiry is judged by the same clock that issued the token (TokenService)
        JwtTimestampValidator timestamps = new JwtTimestampValidator(CLOCK_SKEW);
        timestamps.setClock(clock);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                List.of(timestamps, new JwtClaimValidator<>(JwtClaimNames.EXP, exp -> exp != null), revocation)));
        return decoder;
    }
}
