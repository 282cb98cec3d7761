package org.rollcall.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rollcall.face.detect.BlazeFaceDetector;
import org.rollcall.face.model.DlibResnetConverter;
import org.rollcall.face.model.FaceModels;
import org.rollcall.face.model.ShapePredictor;
import org.rollcall.face.model.TfjsGraphConverter;
import org.rollcall.face.onnx.OnnxRuntimeLoader;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The networks converted in Java against outputs recorded from the original implementations (see ReferenceInputs
 * and backend/src/test/node/record-references.mjs).
 */
class ConvertedModelsTest {

    private static final OrtEnvironment ENV = OnnxRuntimeLoader.environment();

    @Test
    void blazeFaceConvertedFromTfjsMatchesTfjs() throws OrtException {
        byte[] onnx = TfjsGraphConverter.toOnnx(FaceModels.read(FaceModels.BLAZEFACE_JSON),
                FaceModels.read(FaceModels.BLAZEFACE_BIN), "input", new long[]{-1, 3, 256, 256},
                Map.of("Identity", new long[]{-1, 512, 1}, "Identity_1", new long[]{-1, 384, 1},
                        "Identity_2", new long[]{-1, 512, 16}, "Identity_3", new long[]{-1, 384, 16}));
        byte[] rgb = ReferenceInputs.blazeFaceRgb();
        float[] input = new float[3 * 256 * 256];
        for (int i = 0; i < 256 * 256; i++) {
            for (int c = 0; c < 3; c++) {
                input[c * 256 * 256 + i] = (rgb[3 * i + c] & 0xFF) / 127.5f - 1;
            }
        }
        JsonNode reference = json("blazeface.json");

        try (OrtSession session = OnnxRuntimeLoader.session(ENV, onnx, 1);
             OnnxTensor x = OnnxTensor.createTensor(ENV, FloatBuffer.wrap(input), new long[]{1, 3, 256, 256});
             OrtSession.Result out = session.run(Map.of(BlazeFaceDetector.INPUT, x))) {
            float[][] s16 = ((float[][][]) out.get("Identity_out").orElseThrow().getValue())[0];
            float[][] s8 = ((float[][][]) out.get("Identity_1_out").orElseThrow().getValue())[0];
            float[][] r16 = ((float[][][]) out.get("Identity_2_out").orElseThrow().getValue())[0];
            float[][] r8 = ((float[][][]) out.get("Identity_3_out").orElseThrow().getValue())[0];
            JsonNode logits = reference.get("logits");
            assertThat(logits.size()).isEqualTo(896);
            double worst = 0;
            for (int i = 0; i < 896; i++) {
                float ours = i < 512 ? s16[i][0] : s8[i - 512][0];
                worst = Math.max(worst, Math.abs(ours - logits.get(i).asDouble()));
            }
            assertThat(worst).as("largest logit difference").isLessThan(2e-3);
            assertThat(reference.get("top").get(0).get("regressors").size()).isEqualTo(16);
            for (JsonNode top : reference.get("top")) {
                int anchor = top.get("anchor").asInt();
                float[] ours = anchor < 512 ? r16[anchor] : r8[anchor - 512];
                for (int k = 0; k < 16; k++) {
                    assertThat((double) ours[k]).as("anchor %d regressor %d", anchor, k)
                            .isCloseTo(top.get("regressors").get(k).asDouble(), org.assertj.core.data.Offset.offset(0.02));
                }
            }
        }
    }

    @Test
    void dlibResnetConvertedFromItsDatAgreesWithFaceApisQuantisedCopy() throws OrtException {
        byte[] onnx = DlibResnetConverter.toOnnx(FaceModels.read(FaceModels.RESNET));
        byte[] rgb = ReferenceInputs.resnetRgb();
        float[] input = new float[3 * 150 * 150];
        for (int i = 0; i < 150 * 150; i++) {
            for (int c = 0; c < 3; c++) {
                input[c * 150 * 150 + i] = rgb[3 * i + c] & 0xFF;
            }
        }
        JsonNode descriptor = json("resnet-face-api.json").get("descriptor");
        float[] faceApi = new float[128];
        for (int i = 0; i < 128; i++) {
            faceApi[i] = (float) descriptor.get(i).asDouble();
        }

        try (OrtSession session = OnnxRuntimeLoader.session(ENV, onnx, 1);
             OnnxTensor x = OnnxTensor.createTensor(ENV, FloatBuffer.wrap(input), new long[]{1, 3, 150, 150});
             OrtSession.Result out = session.run(Map.of("image", x))) {
            float[] ours = ((float[][]) out.get(0).getValue())[0];
            double cosine = OnnxFaceEngineTest.cos(ours, faceApi)
                    / Math.sqrt(OnnxFaceEngineTest.cos(ours, ours) * OnnxFaceEngineTest.cos(faceApi, faceApi));
            assertThat(cosine).isGreaterThanOrEqualTo(0.999);
            assertThat(Math.sqrt(OnnxFaceEngineTest.cos(ours, ours)))
                    .isCloseTo(Math.sqrt(OnnxFaceEngineTest.cos(faceApi, faceApi)), org.assertj.core.data.Percentage.withPercentage(2));
        }
    }

    @Test
    void shapePredictorReadsDlibsFivePointModel() {
        ShapePredictor predictor = ShapePredictor.read(FaceModels.read(FaceModels.SHAPE_PREDICTOR));

        assertThat(predictor.pointCount()).isEqualTo(5);
        float[] mean = predictor.meanShape();
        // dlib's order: eye on the image's right (outer, inner), eye on the left (outer, inner), nose
        assertThat(mean[0]).isGreaterThan(mean[2]);
        assertThat(mean[2]).isGreaterThan(mean[6]);
        assertThat(mean[6]).isGreaterThan(mean[4]);
        assertThat(mean[9]).isGreaterThan(mean[1] + 0.2f);
        // a uniform image gives features that are all equal: the cascade still returns points in the box
        float[] points = predictor.predict((x, y) -> 128, 10, 20, 100);
        for (int i = 0; i < points.length; i += 2) {
            assertThat(points[i]).isBetween(10f, 110f);
            assertThat(points[i + 1]).isBetween(20f, 120f);
        }
    }

    @Test
    void convertersRefuseFilesThatAreNotTheirModels() {
        assertThatThrownBy(() -> DlibResnetConverter.toOnnx("not a dlib network".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TfjsGraphConverter.toOnnx(
                "{\"modelTopology\":{\"node\":[{\"name\":\"x\",\"op\":\"Sin\",\"input\":[\"input\"]}]},\"weightsManifest\":[]}"
                        .getBytes(StandardCharsets.UTF_8), new byte[0], "input", new long[]{1, 3, 4, 4},
                Map.of("x", new long[]{1, 3, 4, 4})))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Sin");
        assertThatThrownBy(() -> ShapePredictor.read(new byte[]{1, 5}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static JsonNode json(String name) {
        try (InputStream in = ConvertedModelsTest.class.getClassLoader()
                .getResourceAsStream("face-reference/" + name)) {
            return JsonMapper.builder().build().readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
