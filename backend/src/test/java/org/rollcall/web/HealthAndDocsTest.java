package org.rollcall.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rollcall.support.ApiResponse;
import org.rollcall.support.RollcallIntegrationTest;
import org.rollcall.support.TestApi;
import org.springframework.beans.factory.annotation.Autowired;

@RollcallIntegrationTest
class HealthAndDocsTest {

    @Autowired
    TestApi api;

    @Test
    void readinessIncludesPostgresqlAndRedis() {
        ApiResponse readiness = api.get("/actuator/health/readiness").send();
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().get("status").asString()).isEqualTo("UP");
        assertThat(api.get("/actuator/health/liveness").send().status()).isEqualTo(200);
    }

    @Test
    void theOpenApiDocumentDescribesTheApiWithBearerAuth() {
        ApiResponse docs = api.get("/v3/api-docs").send();
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").has("/api/auth/login")).isTrue();
        assertThat(docs.json().get("paths").has("/api/account")).isTrue();
        assertThat(docs.json().get("components").get("securitySchemes").has("bearer"))
                .isTrue();
        // CurrentTeacher comes from the token, not from the request.
        assertThat(docs.body()).doesNotContain("CurrentTeacher");
    }

    @Test
    void swaggerUiIsPublic() {
        ApiResponse ui = api.get("/swagger-ui/index.html").send();
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.body()).containsIgnoringCase("swagger");
    }
}
