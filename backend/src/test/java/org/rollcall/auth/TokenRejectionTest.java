package org.rollcall.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rollcall.support.ApiResponse;
import org.rollcall.support.RollcallIntegrationTest;
import org.rollcall.support.TestApi;
import org.rollcall.support.TestServices;
import org.rollcall.support.TestTeacher;
import org.springframework.beans.factory.annotation.Autowired;

/** Every kind of bad token gets 401 problem+json; a correctly forged one (the control) passes. */
@RollcallIntegrationTest
class TokenRejectionTest {

    @Autowired
    TestApi api;

    @Test
    void aTokenSignedWithTheServerSecretIsAccepted() throws JOSEException {
        TestTeacher teacher = api.newTeacher();
        String token =
                sign(TestServices.JWT_SECRET, claims(teacher.id(), Instant.now().plusSeconds(600), 0));
        assertThat(api.get("/api/account").bearer(token).send().status()).isEqualTo(200);
    }

    @Test
    void noTokenIsRefused() {
        ApiResponse response = api.get("/api/account").send();
        assertUnauthorized(response);
        assertThat(response.headers().getFirst("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void aMalformedTokenIsRefused() {
        assertUnauthorized(api.get("/api/account").bearer("not-a-jwt").send());
        assertUnauthorized(api.get("/api/account").bearer("a.b.c").send());
    }

    @Test
    void aTokenWithABadSignatureIsRefused() throws JOSEException {
        TestTeacher teacher = api.newTeacher();
        String forged = sign(
                "another-secret-0123456789-abcdefghijklmnopqrstuvwxyz",
                claims(teacher.id(), Instant.now().plusSeconds(600), 0));
        assertUnauthorized(api.get("/api/account").bearer(forged).send());

        String[] parts = teacher.token().split("\\.");
        String tampered = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        assertUnauthorized(api.get("/api/account").bearer(tampered).send());
    }

    @Test
    void anotherAlgorithmWithTheRightSecretIsRefused() throws JOSEException {
        TestTeacher teacher = api.newTeacher();
        // Signed with the server's own secret: only the algorithm is wrong.
        SignedJWT hs384 = new SignedJWT(
                new JWSHeader(JWSAlgorithm.HS384),
                claims(teacher.id(), Instant.now().plusSeconds(600), 0));
        hs384.sign(new MACSigner(TestServices.JWT_SECRET.getBytes(StandardCharsets.UTF_8)));
        assertUnauthorized(api.get("/api/account").bearer(hs384.serialize()).send());
    }

    @Test
    void anUnsignedAlgNoneTokenIsRefused() {
        TestTeacher teacher = api.newTeacher();
        String unsigned = new PlainJWT(claims(teacher.id(), Instant.now().plusSeconds(600), 0)).serialize();
        assertThat(unsigned).endsWith(".");
        assertUnauthorized(api.get("/api/account").bearer(unsigned).send());
    }

    @Test
    void anExpiredTokenIsRefused() throws JOSEException {
        TestTeacher teacher = api.newTeacher();
        String expired =
                sign(TestServices.JWT_SECRET, claims(teacher.id(), Instant.now().minus(Duration.ofMinutes(2)), 0));
        assertUnauthorized(api.get("/api/account").bearer(expired).send());
    }

    @Test
    void aTokenOfAnAccountThatDoesNotExistIsRefused() throws JOSEException {
        String token = sign(
                TestServices.JWT_SECRET, claims(UUID.randomUUID(), Instant.now().plusSeconds(600), 0));
        assertUnauthorized(api.get("/api/account").bearer(token).send());
    }

    @Test
    void aTokenWithoutGenerationIsRefused() throws JOSEException {
        TestTeacher teacher = api.newTeacher();
        JWTClaimsSet noGeneration = new JWTClaimsSet.Builder(
                        claims(teacher.id(), Instant.now().plusSeconds(600), 0))
                .claim(TokenRevocationValidator.GENERATION_CLAIM, null)
                .build();
        assertUnauthorized(api.get("/api/account")
                .bearer(sign(TestServices.JWT_SECRET, noGeneration))
                .send());
    }

    private static void assertUnauthorized(ApiResponse response) {
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.code()).isEqualTo("UNAUTHORIZED");
        // the browser app tells "sign in again" from other 401s (a wrong password) by this challenge
        assertThat(response.headers().getFirst("WWW-Authenticate")).startsWith("Bearer");
    }

    private static JWTClaimsSet claims(UUID subject, Instant expiresAt, int generation) {
        return new JWTClaimsSet.Builder()
                .subject(subject.toString())
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(expiresAt.minus(Duration.ofMinutes(60))))
                .expirationTime(Date.from(expiresAt))
                .claim(TokenRevocationValidator.GENERATION_CLAIM, generation)
                .build();
    }

    private static String sign(String secret, JWTClaimsSet claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }
}
