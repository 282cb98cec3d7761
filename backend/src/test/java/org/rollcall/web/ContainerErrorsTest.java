package org.rollcall.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rollcall.support.ApiResponse;
import org.rollcall.support.RollcallIntegrationTest;
import org.rollcall.support.TestApi;
import org.rollcall.support.TestTeacher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.util.LinkedMultiValueMap;

/** What the outside attack got as HTML from Tomcat, and the headers it missed. */
@RollcallIntegrationTest
class ContainerErrorsTest {

    @Autowired
    TestApi api;

    @Test
    void requestsTomcatRefusesItselfAreAnsweredAsProblemJsonWithoutServerDetails() throws IOException {
        for (String requestLine : new String[] {
            "GET /\\evil.example/phish HTTP/1.1",
            "GET /some% HTTP/1.1",
            "GET /api/classes/%zz HTTP/1.1",
            "GET /a|b HTTP/1.1"
        }) {
            String answer = raw(requestLine + "\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertThat(answer).as(requestLine).startsWith("HTTP/1.1 400");
            assertThat(answer)
                    .as(requestLine)
                    .containsIgnoringCase("Content-Type: application/problem+json")
                    .contains("\"code\":\"BAD_REQUEST\"")
                    .contains("\"status\":400")
                    .doesNotContainIgnoringCase("<html")
                    .doesNotContain("Tomcat")
                    .doesNotContain("Exception");
        }
    }

    @Test
    void theErrorPageItselfIsProblemJson() {
        ApiResponse response = api.get("/error").header("Accept", "text/html").send();
        assertThat(response.isProblem()).as(response.toString()).isTrue();
        assertThat(response.body()).doesNotContainIgnoringCase("<html").doesNotContain("timestamp");
    }

    @Test
    void tooManyPartsSaysSoInsteadOfTalkingAboutPhotoSizes() {
        TestTeacher teacher = api.newTeacher();
        UUID classId = api.client(teacher.token()).createClass("Parts", "UTC");
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        // more than Tomcat's part limit (server.tomcat.max-part-count: 120, raised for bulk photo uploads)
        for (int i = 0; i < 130; i++) {
            parts.add("photo", new ByteArrayResource(new byte[] {1, 2, 3}) {
                @Override
                public String getFilename() {
                    return "p.jpg";
                }
            });
        }
        ApiResponse response = api.post("/api/classes/" + classId + "/attendance")
                .as(teacher)
                .multipart(parts)
                .send();
        assertThat(response.status()).as(response.toString()).isEqualTo(413);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.code()).isEqualTo("TOO_MANY_PARTS");
        assertThat(response.json().get("detail").asString())
                .contains("too many parts")
                .doesNotContain("MB");
    }

    @Test
    void pagesCarryReferrerAndPermissionsPoliciesAndHstsOnlyOverHttps() {
        ApiResponse page = api.get("/signin.html").send();
        assertThat(page.headers().getFirst("Referrer-Policy")).isEqualTo("same-origin");
        assertThat(page.headers().getFirst("Permissions-Policy"))
                .startsWith("camera=(self)")
                .contains("microphone=()")
                .contains("geolocation=()");
        assertThat(page.headers().getFirst("Strict-Transport-Security")).isNull();
        ApiResponse problem = api.get("/api/account").send();
        assertThat(problem.headers().getFirst("Referrer-Policy")).isEqualTo("same-origin");

        // behind the TLS-terminating proxy (forward headers are trusted in these tests, as with "native" in production)
        ApiResponse overHttps =
                api.get("/signin.html").header("X-Forwarded-Proto", "https").send();
        assertThat(overHttps.headers().getFirst("Strict-Transport-Security"))
                .isEqualTo("max-age=31536000 ; includeSubDomains");
    }

    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", api.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
