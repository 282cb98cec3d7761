package org.rollcall.face;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rollcall.face.FaceEngineSettings.Standardisation;
import org.rollcall.support.TestPhotos;

/** The fused recogniser against the two networks alone, on faces of the npm sample photos. */
class FusedRecogniserTest {

    private static OnnxFaceEngine fused;
    private static OnnxFaceEngine dlib;
    private static OnnxFaceEngine mobileFaceNet;

    @BeforeAll
    static void start() {
        fused = new OnnxFaceEngine(FaceEngineSettings.defaults());
        dlib = new OnnxFaceEngine(FaceEngineSettings.of(Map.of("rollcall.face.recogniser", "dlib")));
        mobileFaceNet = new OnnxFaceEngine(FaceEngineSettings.of(Map.of("rollcall.face.recogniser", "mobilefacenet")));
    }

    @AfterAll
    static void stop() {
        fused.close();
        dlib.close();
        mobileFaceNet.close();
    }

    @Test
    void theFusedScoreIsTheWeightedSumOfEachNetworksStandardisedCosine() {
        byte[] ann = portrait("sample6.jpg", 0.8f, 1);
        byte[] annAgain = portrait("sample6.jpg", 0.5f, 0.7);
        byte[] bob = portrait("sample4.jpg", 0.8f, 1);
        FaceEngineSettings.Recognition r = fused.settings().recognition();

        for (byte[] other : List.of(annAgain, bob)) {
            double expected = standardised(r.dlib(), dlib, ann, other)
                    + standardised(r.mobileFaceNet(), mobileFaceNet, ann, other);
            assertThat((double) fused.score(embedding(fused, ann), embedding(fused, other)))
                    .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-3));
        }
        assertThat(fused.score(embedding(fused, ann), embedding(fused, annAgain)))
                .isGreaterThan(fused.settings().scores().threshold());
        assertThat(fused.score(embedding(fused, ann), embedding(fused, bob)))
                .isLessThan(fused.settings().scores().threshold());
    }

    @Test
    void eachRecogniserHasItsOwnModelIdAndVectorLength() {
        byte[] ann = portrait("sample6.jpg", 0.8f, 1);
        assertThat(embedding(dlib, ann)).hasSize(128);
        assertThat(embedding(mobileFaceNet, ann)).hasSize(192);
        float[] both = embedding(fused, ann);
        assertThat(both).hasSize(320);
        double norm = 0;
        for (float x : both) {
            norm += x * x;
        }
        assertThat(norm).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(List.of(fused.modelId(), dlib.modelId(), mobileFaceNet.modelId()))
                .doesNotHaveDuplicates();
        assertThat(dlib.modelId()).isEqualTo("dlib-resnet-v1/sp5-chip150-p0.25+flip"); // enrolments of v1 stay valid
        assertThat(fused.modelId()).contains("dlib").contains("mfn").hasSizeLessThanOrEqualTo(64);
    }

    @Test
    void aStoredCropIsReEmbeddedToTheVectorTheEngineGaveWhenItEnrolledTheFace() {
        byte[] photo = portrait("sample6.jpg", 0.8f, 1);
        Enrolment enrolled = fused.enrol(photo);
        float threshold = fused.settings().scores().threshold();

        // the stored crop is the enrolment's middle view: with the shifted views switched off, the very same vector
        try (OnnxFaceEngine oneView =
                new OnnxFaceEngine(FaceEngineSettings.of(Map.of("rollcall.face.enrol-jitter", "0")))) {
            Enrolment plain = oneView.enrol(photo);
            assertThat(oneView.embed(FaceCrop.read(plain.face().crop().png())))
                    .containsExactly(plain.face().embedding(), org.assertj.core.data.Offset.offset(1e-5f));
        }
        float[] again = fused.embed(FaceCrop.read(enrolled.face().crop().png()));
        assertThat(fused.score(enrolled.face().embedding(), again)).isGreaterThan(threshold + 4 * margin());
        // the JPEG thumbnail kept before crops were stored still gives the same person
        float[] fromThumbnail =
                fused.embed(FaceCrop.read(enrolled.thumbnailJpeg()).widened());
        assertThat(fused.score(enrolled.face().embedding(), fromThumbnail)).isGreaterThan(threshold);
    }

    private static float margin() {
        return fused.settings().scores().margin();
    }

    private static double standardised(Standardisation s, OnnxFaceEngine engine, byte[] a, byte[] b) {
        double cosine = engine.score(embedding(engine, a), embedding(engine, b));
        return s.weight() * (cosine - s.impostorMean()) / s.impostorStd();
    }

    private static byte[] portrait(String sample, float grow, double scale) {
        BufferedImage photo = TestPhotos.image(sample);
        DetectedFace face = largest(fused.findFaces(TestPhotos.jpeg(photo)));
        return TestPhotos.jpeg(TestPhotos.scaleBilinear(TestPhotos.crop(photo, face.box(), grow), scale));
    }

    private static float[] embedding(OnnxFaceEngine engine, byte[] photo) {
        return largest(engine.findFaces(photo)).embedding();
    }

    private static DetectedFace largest(List<DetectedFace> faces) {
        return faces.stream()
                .max(Comparator.comparing(f -> f.quality().interOcularPx()))
                .orElseThrow();
    }
}
