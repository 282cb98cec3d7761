package org.rollcall.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The matcher's rules on embeddings with known cosines (dlib's cosine scale; threshold 0.92, margin 0.03, 18 px minimum). */
class OneToOneMatcherTest {

    private static final int DIM = 128;
    private static OnnxFaceEngine engine;
    private final Random random = new Random(3);

    @BeforeAll
    static void start() {
        // dlib alone scores by the plain cosine
        engine = new OnnxFaceEngine(FaceEngineSettings.of(Map.of(
                "rollcall.face.recogniser",
                "dlib",
                "rollcall.face.dlib.match-threshold",
                "0.92",
                "rollcall.face.dlib.match-margin",
                "0.03")));
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @Test
    void acceptsTheBestSubjectAboveThresholdAndMargin() {
        float[] a = unit();
        float[] b = orthogonalTo(a);
        List<Assignment<String>> result =
                match(List.of(probe(mix(a, b, 0.97), 40)), List.of(entry("A", a), entry("B", b)));

        assertThat(result).singleElement().satisfies(r -> {
            assertThat(r.subject()).isEqualTo("A");
            assertThat(r.score()).isCloseTo(0.97f, org.assertj.core.data.Offset.offset(1e-3f));
            assertThat(r.secondBest()).isLessThan(0.3f);
        });
    }

    @Test
    void refusesBelowTheThresholdTooCloseToTheSecondBestOrTooSmall() {
        float[] a = unit();
        float[] b = orthogonalTo(a);
        float[] close = normalise(add(a, b, 1, 0.9)); // about equally close to A (0.74) and B (0.67)
        float[] nearA = mix(a, b, 0.99);
        float[] alsoNearA = normalise(add(a, nearA, 1, 1));
        List<GalleryEntry<String>> gallery = List.of(entry("A", a), entry("B", b), entry("C", alsoNearA));

        assertThat(match(List.of(probe(mix(a, b, 0.90), 40)), gallery).get(0).subject())
                .as("below threshold")
                .isNull();
        assertThat(match(List.of(probe(close, 40)), gallery).get(0).subject()).isNull();
        assertThat(match(List.of(probe(a, 40)), gallery).get(0).subject())
                .as("A and C both above 0.99: no margin")
                .isNull();
        assertThat(match(List.of(probe(b, 12)), gallery).get(0).subject())
                .as("face too small")
                .isNull();
        assertThat(match(List.of(probe(b, 18)), gallery).get(0).subject()).isEqualTo("B");
    }

    @Test
    void belowTheSmallFaceSizeTheThresholdRisesLinearlyToTheMinimumSize() throws OrtException {
        float[] a = unit();
        float[] b = orthogonalTo(a);
        List<GalleryEntry<String>> gallery = List.of(entry("A", a), entry("B", b));
        try (OneToOneMatcher matcher = matcher(0.92f, 32, 0.96f)) {
            assertThat(matcher.thresholdFor(40)).isEqualTo(0.92f);
            assertThat(matcher.thresholdFor(32)).isEqualTo(0.92f);
            assertThat(matcher.thresholdFor(25)).isCloseTo(0.94f, org.assertj.core.data.Offset.offset(1e-6f));
            assertThat(matcher.thresholdFor(18)).isCloseTo(0.96f, org.assertj.core.data.Offset.offset(1e-6f));

            float[] scores95 = mix(a, b, 0.95);
            assertThat(matcher.match(List.of(probe(scores95, 32)), Gallery.once(gallery))
                            .get(0)
                            .subject())
                    .isEqualTo("A");
            assertThat(matcher.match(List.of(probe(scores95, 26)), Gallery.once(gallery))
                            .get(0)
                            .subject())
                    .as("threshold 0.937 at 26 px")
                    .isEqualTo("A");
            assertThat(matcher.match(List.of(probe(scores95, 20)), Gallery.once(gallery))
                            .get(0)
                            .subject())
                    .as("threshold 0.954 at 20 px")
                    .isNull();
            assertThat(matcher.match(List.of(probe(mix(a, b, 0.97), 18)), Gallery.once(gallery))
                            .get(0)
                            .subject())
                    .isEqualTo("A");
        }
        try (OneToOneMatcher off = matcher(0.92f, 18, 0.96f);
                OneToOneMatcher lower = matcher(0.92f, 32, 0.90f)) {
            assertThat(off.thresholdFor(18))
                    .as("a small-face size at the minimum switches the rise off")
                    .isEqualTo(0.92f);
            assertThat(lower.thresholdFor(20))
                    .as("never below the plain threshold")
                    .isEqualTo(0.92f);
        }
    }

    @Test
    void aSubjectIsMarkedByOneFaceOnlyTheStrongest() {
        float[] a = unit();
        float[] b = orthogonalTo(a);
        List<Assignment<String>> result = match(
                List.of(probe(mix(a, b, 0.95), 40), probe(mix(a, b, 0.99), 40), probe(b, 40)),
                List.of(entry("A", a), entry("B", b)));

        assertThat(result).extracting(Assignment::subject).containsExactly(null, "A", "B");
        assertThat(result).extracting(Assignment::probeIndex).containsExactly(0, 1, 2);
    }

    @Test
    void aSubjectWithSeveralPhotosScoresItsBestPhoto() {
        float[] a1 = unit();
        float[] a2 = orthogonalTo(a1);
        float[] other = orthogonalTo(a2);
        List<GalleryEntry<String>> gallery =
                new ArrayList<>(List.of(entry("A", a1), entry("B", other), entry("A", a2)));
        for (int i = 0; i < 200; i++) {
            gallery.add(entry("noise" + i, unit()));
        }

        List<Assignment<String>> viaList = match(List.of(probe(a2, 40)), gallery);
        List<Assignment<String>> viaPrepared = engine.match(List.of(probe(a2, 40)), Gallery.of(gallery));

        assertThat(viaList.get(0).subject()).isEqualTo("A");
        assertThat(viaList.get(0).score()).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-4f));
        assertThat(viaPrepared).isEqualTo(viaList);
    }

    @Test
    void emptyInputsAndMismatchedEmbeddings() {
        assertThat(match(List.of(), List.of(entry("A", unit())))).isEmpty();
        assertThat(match(List.of(probe(unit(), 40)), List.of()))
                .singleElement()
                .satisfies(r -> assertThat(r.subject()).isNull());
        assertThatThrownBy(() -> match(List.of(probe(new float[64], 40)), List.of(entry("A", unit()))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Gallery.of(List.of(entry("A", unit()), entry("B", new float[64]))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<Assignment<String>> match(List<DetectedFace> probes, List<GalleryEntry<String>> gallery) {
        return engine.match(probes, gallery);
    }

    /** Margin 0.03 and 18 px minimum as the engine above, with the given small-face rule. */
    private static OneToOneMatcher matcher(float threshold, float smallFacePx, float smallFaceThreshold) {
        return new OneToOneMatcher(
                threshold,
                0.03f,
                18,
                smallFacePx,
                smallFaceThreshold,
                OneToOneMatcher.ScoreScale.COSINE,
                OrtEnvironment.getEnvironment(),
                1);
    }

    private static GalleryEntry<String> entry(String subject, float[] embedding) {
        return new GalleryEntry<>(subject, embedding);
    }

    private static DetectedFace probe(float[] embedding, float interOcularPx) {
        return new DetectedFace(
                new Box(0, 0, 100, 100),
                List.of(),
                0.9f,
                new FaceQuality(interOcularPx, 0, 0, 0, 100, 120),
                embedding,
                null);
    }

    /** A unit vector whose cosine with a is {@code cos} and which lies in the plane of a and b (b orthogonal). */
    private static float[] mix(float[] a, float[] b, double cos) {
        return normalise(add(a, b, cos, Math.sqrt(1 - cos * cos)));
    }

    private float[] unit() {
        float[] v = new float[DIM];
        for (int i = 0; i < DIM; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return normalise(v);
    }

    private float[] orthogonalTo(float[] a) {
        float[] v = unit();
        double dot = OnnxFaceEngineTest.cos(a, v);
        return normalise(add(v, a, 1, -dot));
    }

    private static float[] add(float[] x, float[] y, double wx, double wy) {
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = (float) (wx * x[i] + wy * y[i]);
        }
        return out;
    }

    private static float[] normalise(float[] v) {
        double n = Math.sqrt(OnnxFaceEngineTest.cos(v, v));
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / n);
        }
        return out;
    }
}
