package org.rollcall.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rollcall.face.FaceEngineSettings;
import org.rollcall.support.ApiResponse;
import org.rollcall.support.RollcallIntegrationTest;
import org.rollcall.support.TestApi;
import org.rollcall.support.TestTeacher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.JsonNode;

/** GET /api/limits serves the limits the server enforces, without a token; the public endpoints are exactly those. */
@RollcallIntegrationTest
class LimitsTest {

    @Autowired
    TestApi api;

    @Autowired
    Environment environment;

    @Autowired
    FaceEngineSettings face;

    private int property(String name) {
        return Binder.get(environment).bind(name, Integer.class).get();
    }

    @Test
    void servesEachFeaturesLimitsWithoutAToken() {
        ApiResponse response = api.get("/api/limits").send();

        assertThat(response.status()).isEqualTo(200);
        JsonNode attendance = response.json().get("attendance");
        assertThat(attendance.get("maxPhotos").asInt())
                .isEqualTo(property("rollcall.attendance.max-photos"))
                .isEqualTo(10);
        assertThat(attendance.get("maxRangeDays").asInt()).isEqualTo(property("rollcall.attendance.max-range-days"));
        assertThat(attendance.get("defaultRangeDays").asInt())
                .isEqualTo(property("rollcall.attendance.default-range-days"))
                .isEqualTo(30);
        JsonNode enrolment = response.json().get("enrolment");
        assertThat(enrolment.get("maxPhotos").asInt())
                .isEqualTo(property("rollcall.students.max-photos"))
                .isEqualTo(5);
        assertThat(enrolment.get("maxPhotoBytes").asLong())
                .isEqualTo(face.limits().maxImageBytes())
                .isEqualTo(DataSize.ofMegabytes(15).toBytes());
        JsonNode password = response.json().get("password");
        assertThat(password.get("minLength").asInt()).isEqualTo(10);
        assertThat(password.get("maxLength").asInt()).isEqualTo(128);
    }

    @Test
    void aPhotoPartMayBeAsLargeAsTheFaceEngineTakesAndNoLarger() {
        DataSize part = Binder.get(environment)
                .bind("spring.servlet.multipart.max-file-size", DataSize.class)
                .get();

        assertThat(part.toBytes()).isEqualTo(face.limits().maxImageBytes());
    }

    @Test
    void thePublicEndpointsNeedNoTokenAndTheOthersDo() {
        for (PublicEndpoints.Endpoint open : PublicEndpoints.ALL) {
            TestApi.Request request = api.request(open.method(), open.path());
            ApiResponse response = (open.method() == HttpMethod.GET ? request : request.json(Map.of())).send();
            // an empty body is refused for what it is (400), not for the missing token
            assertThat(response.status()).as(open.toString()).isNotEqualTo(401).isNotEqualTo(403);
        }
        ApiResponse refresh = api.post("/api/auth/refresh").send();
        assertThat(refresh.status()).isEqualTo(401);
        assertThat(refresh.headers().getFirst("WWW-Authenticate")).startsWith("Bearer");
        assertThat(api.get("/api/classes").send().status()).isEqualTo(401);
    }

    /** The browser app goes to sign in on exactly this challenge, so a revoked token must get it too. */
    @Test
    void aRevokedTokenIsChallengedAndAWrongPasswordIsNot() {
        TestTeacher teacher = api.newTeacher();
        assertThat(api.post("/api/auth/logout").as(teacher).send().status()).isEqualTo(204);

        ApiResponse revoked = api.get("/api/classes").as(teacher).send();
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.headers().getFirst("WWW-Authenticate")).startsWith("Bearer");
        ApiResponse wrongPassword = api.post("/api/auth/login")
                .json(Map.of("email", teacher.email(), "password", "not the password at all"))
                .send();
        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(wrongPassword.code()).isEqualTo("INVALID_CREDENTIALS");
        assertThat(wrongPassword.headers().getFirst("WWW-Authenticate")).isNull();
    }

    @Test
    void theOpenApiDocumentMarksExactlyThePublicEndpointsAsNeedingNoToken() {
        JsonNode paths = api.get("/v3/api-docs").send().json().get("paths");

        for (PublicEndpoints.Endpoint open : PublicEndpoints.ALL) {
            JsonNode operation = paths.get(open.path()).get(open.method().name().toLowerCase());
            assertThat(operation.has("security")).as(open.toString()).isTrue();
            assertThat(operation.get("security").isEmpty()).as(open.toString()).isTrue();
        }
        // the others keep the document's bearer requirement
        assertThat(paths.get("/api/auth/refresh").get("post").has("security")).isFalse();
        assertThat(paths.get("/api/classes").get("get").has("security")).isFalse();
    }
}
