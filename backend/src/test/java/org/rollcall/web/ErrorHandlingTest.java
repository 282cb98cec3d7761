package org.rollcall.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rollcall.account.PasswordRules;
import org.rollcall.support.ApiResponse;
import org.rollcall.support.RollcallIntegrationTest;
import org.rollcall.support.TestApi;
import org.rollcall.support.TestTeacher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;

/** Client mistakes get a clear 4xx problem+json with a stable code, never a 500, and write nothing. */
@RollcallIntegrationTest
class ErrorHandlingTest {

    @Autowired
    TestApi api;

    @Autowired
    JdbcClient jdbc;

    @Test
    void validationErrorsNameTheField() {
        ApiResponse response = api.post("/api/auth/email-otp")
                .json(Map.of("email", "not an email"))
                .send();
        assertProblem(response, 400, "VALIDATION_FAILED");
        assertThat(response.json().get("detail").asString()).isEqualTo("Email must be an email address");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("email");
    }

    @Test
    void aShortPasswordIsRefusedAndNothingIsWritten() {
        TestTeacher teacher = api.newTeacher();
        ApiResponse response = api.put("/api/account/password")
                .as(teacher)
                .json(Map.of("currentPassword", teacher.password(), "newPassword", "short"))
                .send();
        assertProblem(response, 400, "VALIDATION_FAILED");
        assertThat(response.json().get("detail").asString())
                .isEqualTo(
                        "New password must be %d to %d characters long",
                        PasswordRules.MIN_LENGTH, PasswordRules.MAX_LENGTH);
        assertThat(api.get("/api/account").as(teacher).send().status()).isEqualTo(200);
    }

    @Test
    void aCommonPasswordIsRefusedAndNothingIsWritten() {
        TestTeacher teacher = api.newTeacher();
        ApiResponse response = api.put("/api/account/password")
                .as(teacher)
                .json(Map.of("currentPassword", teacher.password(), "newPassword", "Password123"))
                .send();
        assertProblem(response, 400, "PASSWORD_TOO_COMMON");
        Integer generation = jdbc.sql("SELECT token_generation FROM teacher WHERE id = :id")
                .param("id", teacher.id())
                .query(Integer.class)
                .single();
        assertThat(generation).isZero();
        assertThat(api.login(teacher.email(), teacher.password(), teacher.address()))
                .isNotBlank();
    }

    @Test
    void unknownFieldsAreRefused() {
        ApiResponse response = api.post("/api/auth/login")
                .json(Map.of("email", "a@example.test", "password", "whatever1234", "admin", true))
                .send();
        assertProblem(response, 400, "UNKNOWN_FIELD");
        assertThat(response.json().get("detail").asString()).contains("admin");
    }

    @Test
    void wrongTypesAreRefused() {
        ApiResponse response = api.post("/api/auth/login")
                .json("{\"email\": {\"nested\": 1}, \"password\": \"whatever1234\"}")
                .send();
        assertProblem(response, 400, "INVALID_VALUE");
        assertThat(response.json().get("detail").asString()).contains("email");
    }

    @Test
    void malformedJsonIsRefused() {
        assertProblem(api.post("/api/auth/login").json("{\"email\": ").send(), 400, "MALFORMED_JSON");
        assertProblem(api.post("/api/auth/login").json("").send(), 400, "MALFORMED_JSON");
    }

    @Test
    void oversizeJsonBodiesAreRefused() {
        String huge = "{\"email\": \"" + "a".repeat(200_000) + "@example.test\"}";
        assertProblem(api.post("/api/auth/email-otp").json(huge).send(), 413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void oversizeChunkedJsonBodiesAreRefused() throws Exception {
        String huge = "{\"email\": \"" + "a".repeat(200_000) + "@example.test\"}";
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + api.port() + "/api/auth/email-otp"))
                .header("Content-Type", "application/json")
                // An input-stream body has no Content-Length: it is sent chunked.
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(huge.getBytes(StandardCharsets.UTF_8))))
                .build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(response.body()).contains("\"code\":\"PAYLOAD_TOO_LARGE\"");
        }
    }

    @Test
    void oversizeUploadsAnswerImageTooLarge() {
        TestTeacher teacher = api.newTeacher();
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("photo", new ByteArrayResource(new byte[16 * 1024 * 1024]) {
            @Override
            public String getFilename() {
                return "big.jpg";
            }
        });
        ApiResponse response =
                api.post("/api/account").as(teacher).multipart(parts).send();
        assertProblem(response, 413, "IMAGE_TOO_LARGE");
    }

    @Test
    void unknownPathsWrongMethodsAndMediaTypesHaveCodes() {
        TestTeacher teacher = api.newTeacher();
        assertProblem(api.get("/api/no-such-thing").as(teacher).send(), 404, "NOT_FOUND");
        assertProblem(api.get("/api/auth/logout").as(teacher).send(), 405, "METHOD_NOT_ALLOWED");
        assertProblem(
                api.post("/api/auth/login")
                        .body(MediaType.TEXT_PLAIN, "hello".getBytes())
                        .send(),
                415,
                "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void protectedEndpointsNeedAToken() {
        assertProblem(api.get("/api/account").send(), 401, "UNAUTHORIZED");
        assertProblem(api.get("/api/classes").send(), 401, "UNAUTHORIZED");
    }

    private static void assertProblem(ApiResponse response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.isProblem()).as(response.toString()).isTrue();
        assertThat(response.code()).isEqualTo(code);
    }
}
