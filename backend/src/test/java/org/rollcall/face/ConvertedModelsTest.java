package org.rollcall.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
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
import org.rollcall.face.model.TfliteConverter;
import org.rollcall.face.onnx.OnnxRuntimeLoader;
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
        byte[] onnx = TfjsGraphConverter.toOnnx(
                FaceModels.read(FaceModels.BLAZEFACE_JSON),
                FaceModels.read(FaceModels.BLAZEFACE_BIN),
                "input",
                new long[] {-1, 3, 256, 256},
                Map.of(
                        "Identity",
                        new long[] {-1, 512, 1},
                        "Identity_1",
                        new long[] {-1, 384, 1},
                        "Identity_2",
                        new long[] {-1, 512, 16},
                        "Identity_3",
                        new long[] {-1, 384, 16}));
        byte[] rgb = ReferenceInputs.blazeFaceRgb();
        float[] input = new float[3 * 256 * 256];
        for (int i = 0; i < 256 * 256; i++) {
            for (int c = 0; c < 3; c++) {
                input[c * 256 * 256 + i] = (rgb[3 * i + c] & 0xFF) / 127.5f - 1;
            }
        }
        JsonNode reference = json("blazeface.json");

        try (OrtSession session = OnnxRuntimeLoader.session(ENV, onnx, 1);
                OnnxTensor x = OnnxTensor.createTensor(ENV, FloatBuffer.wrap(input), new long[] {1, 3, 256, 256});
                OrtSession.Result out = session.run(Map.of(BlazeFaceDetector.INPUT, x))) {
            float[][] s16 = ((float[][][]) out.get("Identity_out").orElseThrow().getValue())[0];
            float[][] s8 =
                    ((float[][][]) out.get("Identity_1_out").orElseThrow().getValue())[0];
            float[][] r16 =
                    ((float[][][]) out.get("Identity_2_out").orElseThrow().getValue())[0];
            float[][] r8 =
                    ((float[][][]) out.get("Identity_3_out").orElseThrow().getValue())[0];
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
                    assertThat((double) ours[k])
                            .as("anchor %d regressor %d", anchor, k)
                            .isCloseTo(
                                    top.get("regressors").get(k).asDouble(), org.assertj.core.data.Offset.offset(0.02));
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
                OnnxTensor x = OnnxTensor.createTensor(ENV, FloatBuffer.wrap(input), new long[] {1, 3, 150, 150});
                OrtSession.Result out = session.run(Map.of("image", x))) {
            float[] ours = ((float[][]) out.get(0).getValue())[0];
            double cosine = OnnxFaceEngineTest.cos(ours, faceApi)
                    / Math.sqrt(OnnxFaceEngineTest.cos(ours, ours) * OnnxFaceEngineTest.cos(faceApi, faceApi));
            assertThat(cosine).isGreaterThanOrEqualTo(0.999);
            assertThat(Math.sqrt(OnnxFaceEngineTest.cos(ours, ours)))
                    .isCloseTo(
                            Math.sqrt(OnnxFaceEngineTest.cos(faceApi, faceApi)),
                            org.assertj.core.data.Percentage.withPercentage(2));
        }
    }

    @Test
    void mobileFaceNetConvertedFromTfliteMatchesAnIndependentInterpreter() throws OrtException {
        byte[] tflite = FaceModels.read(FaceModels.MOBILEFACENET);
        byte[] onnx = TfliteConverter.toOnnx(tflite, "image", "embedding");
        TfliteReference reference = new TfliteReference(tflite);
        byte[] face = ReferenceInputs.mobileFaceNetRgb();
        byte[] mirror = ReferenceInputs.mirrored(face, 112);

        try (OrtSession session = OnnxRuntimeLoader.session(ENV, onnx, 1)) {
            float[][] ours = runMobileFaceNet(session, face, mirror);
            float[] expected = reference.run(normalisedNhwc(face), 112, 112, 3);
            float[] expectedMirror = reference.run(normalisedNhwc(mirror), 112, 112, 3);

            assertThat(ours[0]).hasSize(192);
            assertThat(cosine(ours[0], expected)).isGreaterThanOrEqualTo(0.9999);
            assertThat(cosine(ours[1], expectedMirror)).isGreaterThanOrEqualTo(0.9999);
            assertThat(Math.sqrt(dot(ours[0], ours[0])))
                    .isCloseTo(
                            Math.sqrt(dot(expected, expected)), org.assertj.core.data.Percentage.withPercentage(0.1));
            // an ArcFace-trained network sees one person in a face and its mirror image
            assertThat(cosine(ours[0], ours[1])).isGreaterThanOrEqualTo(0.95);
        }
    }

    @Test
    void oNetConvertedFromTfliteMatchesAnIndependentInterpreter() throws OrtException {
        byte[] tflite = FaceModels.read(FaceModels.ONET);
        byte[] onnx = TfliteConverter.toOnnx(tflite, "image", "landmarks", 2);
        float[] nhwc = normalisedNhwc(ReferenceInputs.onetRgb());
        float[] expected = new TfliteReference(tflite).run(nhwc, 48, 48, 3, 2);
        float[] nchw = new float[nhwc.length];
        for (int i = 0; i < 48 * 48; i++) {
            for (int c = 0; c < 3; c++) {
                nchw[c * 48 * 48 + i] = nhwc[3 * i + c];
            }
        }

        try (OrtSession session = OnnxRuntimeLoader.session(ENV, onnx, 1);
                OnnxTensor input = OnnxTensor.createTensor(ENV, FloatBuffer.wrap(nchw), new long[] {1, 3, 48, 48});
                OrtSession.Result result = session.run(Map.of("image", input))) {
            float[] ours = ((float[][]) result.get(0).getValue())[0];

            assertThat(expected).hasSize(10);
            for (int k = 0; k < 10; k++) {
                // the five points as shares of the box
                assertThat(ours[k]).isCloseTo(expected[k], org.assertj.core.data.Offset.offset(1e-4f));
                assertThat(expected[k]).isBetween(0f, 1f);
            }
        }
    }

    @Test
    void tfliteConverterRefusesOtherFiles() {
        assertThatThrownBy(() -> TfliteConverter.toOnnx(FaceModels.read(FaceModels.BLAZEFACE_BIN), "x", "y"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TFL3");
        assertThatThrownBy(() -> TfliteConverter.toOnnx(new byte[3], "x", "y"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** MobileFaceNet's input: RGB, (v - 127.5) / 128. */
    private static float[] normalisedNhwc(byte[] rgb) {
        float[] out = new float[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            out[i] = ((rgb[i] & 0xFF) - 127.5f) / 128f;
        }
        return out;
    }

    private static float[][] runMobileFaceNet(OrtSession session, byte[]... images) throws OrtException {
        int plane = 112 * 112;
        float[] input = new float[images.length * 3 * plane];
        for (int n = 0; n < images.length; n++) {
            float[] nhwc = normalisedNhwc(images[n]);
            for (int i = 0; i < plane; i++) {
                for (int c = 0; c < 3; c++) {
                    input[(n * 3 + c) * plane + i] = nhwc[3 * i + c];
                }
            }
        }
        try (OnnxTensor x =
                        OnnxTensor.createTensor(ENV, FloatBuffer.wrap(input), new long[] {images.length, 3, 112, 112});
                OrtSession.Result out = session.run(Map.of("image", x))) {
            return (float[][]) out.get(0).getValue();
        }
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (double) a[i] * b[i];
        }
        return sum;
    }

    private static double cosine(float[] a, float[] b) {
        return dot(a, b) / Math.sqrt(dot(a, a) * dot(b, b));
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
                                .getBytes(StandardCharsets.UTF_8),
                        new byte[0],
                        "input",
                        new long[] {1, 3, 4, 4},
                        Map.of("x", new long[] {1, 3, 4, 4})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Sin");
        assertThatThrownBy(() -> ShapePredictor.read(new byte[] {1, 5})).isInstanceOf(IllegalArgumentException.class);
    }

    private static JsonNode json(String name) {
        try (InputStream in =
                ConvertedModelsTest.class.getClassLoader().getResourceAsStream("face-reference/" + name)) {
            return JsonMapper.builder().build().readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
