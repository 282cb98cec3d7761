package org.rollcall.students;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rollcall.face.FaceEngineSettings;
import org.rollcall.support.ApiResponse;
import org.rollcall.support.RollcallIntegrationTest;
import org.rollcall.support.TestApi;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** GET /api/face/rules serves the limits the running engine enrols with. */
@RollcallIntegrationTest
class FaceRulesTest {

    @Autowired
    TestApi api;

    @Autowired
    FaceEngineSettings settings;

    @Test
    void servesTheEnginesGateAndTheUploadLimits() {
        ApiResponse response = api.get("/api/face/rules").as(api.newTeacher()).send();

        assertThat(response.status()).isEqualTo(200);
        JsonNode gate = response.json().get("gate");
        FaceEngineSettings.Gate expected = settings.gate();
        assertThat(gate.get("minInterOcularPx").asDouble()).isEqualTo(expected.minInterOcularPx());
        assertThat(gate.get("maxYawDeg").asDouble()).isEqualTo(expected.maxYawDeg());
        assertThat(gate.get("maxPitchDeg").asDouble()).isEqualTo(expected.maxPitchDeg());
        assertThat(gate.get("maxRollDeg").asDouble()).isEqualTo(expected.maxRollDeg());
        assertThat(gate.get("minSharpness").asDouble()).isEqualTo(expected.minSharpness());
        assertThat(gate.get("minBrightness").asDouble()).isEqualTo(expected.minBrightness());
        assertThat(gate.get("otherFaceRatio").asDouble()).isEqualTo(expected.otherFaceRatio());
        // the shipped limits, so that a gate of zeros (an unbound record) cannot pass
        assertThat(gate.get("minInterOcularPx").asDouble()).isGreaterThan(10);
        assertThat(gate.get("maxYawDeg").asDouble()).isBetween(10.0, 60.0);
        JsonNode upload = response.json().get("upload");
        assertThat(upload.get("maxPhotoBytes").asLong())
                .isEqualTo(settings.limits().maxImageBytes());
        assertThat(upload.get("maxPhotos").asInt()).isEqualTo(5);
    }

    @Test
    void onlyForSignedInTeachers() {
        ApiResponse response = api.get("/api/face/rules").send();

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.code()).isEqualTo("UNAUTHORIZED");
    }
}
