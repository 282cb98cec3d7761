package org.rollcall.face;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Function;

/**
 * Every limit and threshold of the face engine, grouped by the step that uses it. The defaults
 * ({@code face-defaults.properties} next to this class, which documents each key) come from calibration on
 * development photos (see the face issue notes); the application reads {@code rollcall.face.*} onto these, the CLI
 * reads Java system properties of the same names. Adding a setting: one component in its group's record, one line
 * in {@code from}, one line in the properties file.
 */
public record FaceEngineSettings(Limits limits, Detection detection, Gate gate, Recognition recognition,
                                 Matching matching, int threads) {

    /** Decoding: checked before a pixel is decoded. */
    public record Limits(long maxImageBytes, long maxImagePixels, int maxImageSide, int maxDecodedSide) {
    }

    /** BlazeFace and its zoomed small-face pass. */
    public record Detection(float minScore, float smallFaceMinScore, float nmsIou, int smallFaceMinImageSide,
                            int smallFaceInputSize) {
    }

    /** The enrolment gate: what a photo must show to be enrolled. */
    public record Gate(float minInterOcularPx, float maxYawDeg, float maxPitchDeg, float maxRollDeg,
                       float minSharpness, float minBrightness, float otherFaceRatio) {
    }

    /**
     * How one recogniser's cosine is standardised for fusion: {@code weight * (cosine - impostorMean) / impostorStd}.
     */
    public record Standardisation(float impostorMean, float impostorStd, float weight) {
    }

    /**
     * @param enrolJitter enrolment embeddings average the chip and four chips with the landmarks shifted by this
     *                    fraction of the distance between the eyes (0 = one chip)
     * @param flip        embed the mirrored crops too and average
     */
    public record Recognition(Recogniser recogniser, boolean flip, float enrolJitter, Standardisation dlib,
                              Standardisation mobileFaceNet) {
    }

    /**
     * On the configured recogniser's score (a cosine for one network, the fused standardised sum for both).
     *
     * @param threshold           score a face needs to be accepted as a subject
     * @param margin              how far the best subject must be ahead of the second best
     * @param minInterOcularPx    smaller faces are never accepted
     * @param smallFacePx         below this distance between the eyes the threshold rises linearly
     * @param smallFaceThreshold  the threshold the rise reaches at {@code minInterOcularPx}
     * @param duplicateThreshold  an enrolment photo matching another student this well is ALREADY_ENROLLED_AS
     */
    public record Matching(float threshold, float margin, float minInterOcularPx, float smallFacePx,
                           float smallFaceThreshold, float duplicateThreshold) {
    }

    private static final String DEFAULTS = "org/rollcall/face/face-defaults.properties";
    private static final String PREFIX = "rollcall.face.";

    /** The shipped defaults ({@code face-defaults.properties}). */
    public static FaceEngineSettings defaults() {
        return from(key -> null);
    }

    /**
     * Settings from a lookup of {@code rollcall.face.*} keys (kebab-case, e.g. {@code fused.match-threshold}); keys
     * the lookup does not know keep their shipped default. Score thresholds are read under the configured
     * recogniser's name ({@code rollcall.face.<recogniser>.match-threshold}), since each recogniser scores on its
     * own scale.
     */
    public static FaceEngineSettings from(Function<String, String> lookup) {
        Properties defaults = new Properties();
        try (InputStream in = FaceEngineSettings.class.getClassLoader().getResourceAsStream(DEFAULTS)) {
            defaults.load(Objects.requireNonNull(in, DEFAULTS));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Function<String, String> v = key -> {
            String value = lookup.apply(PREFIX + key);
            value = value != null ? value : defaults.getProperty(PREFIX + key);
            if (value == null) {
                throw new IllegalStateException("No value for " + PREFIX + key);
            }
            return value.strip();
        };
        Function<String, Float> f = key -> Float.parseFloat(v.apply(key));
        Function<String, Integer> i = key -> Integer.parseInt(v.apply(key));
        Recogniser recogniser = Recogniser.of(v.apply("recogniser"));
        String r = recogniser.key() + ".";
        int threads = i.apply("threads");
        return new FaceEngineSettings(
                new Limits(Long.parseLong(v.apply("max-image-bytes")), Long.parseLong(v.apply("max-image-pixels")),
                        i.apply("max-image-side"), i.apply("max-decoded-side")),
                new Detection(f.apply("detector-min-score"), f.apply("small-face-min-score"), f.apply("nms-iou"),
                        i.apply("small-face-min-image-side"), i.apply("small-face-input-size")),
                new Gate(f.apply("enrol-min-inter-ocular-px"), f.apply("enrol-max-yaw-deg"),
                        f.apply("enrol-max-pitch-deg"), f.apply("enrol-max-roll-deg"), f.apply("enrol-min-sharpness"),
                        f.apply("enrol-min-brightness"), f.apply("enrol-other-face-ratio")),
                new Recognition(recogniser, Boolean.parseBoolean(v.apply("flip-augmentation")),
                        f.apply("enrol-jitter"),
                        new Standardisation(f.apply("fusion.dlib.impostor-mean"), f.apply("fusion.dlib.impostor-std"),
                                f.apply("fusion.dlib.weight")),
                        new Standardisation(f.apply("fusion.mobilefacenet.impostor-mean"),
                                f.apply("fusion.mobilefacenet.impostor-std"), f.apply("fusion.mobilefacenet.weight"))),
                new Matching(f.apply(r + "match-threshold"), f.apply(r + "match-margin"),
                        f.apply("match-min-inter-ocular-px"), f.apply("match-small-face-px"),
                        f.apply(r + "match-small-face-threshold"), f.apply(r + "enrol-duplicate-threshold")),
                threads > 0 ? threads : Runtime.getRuntime().availableProcessors());
    }

    /** The same settings without flip test-time augmentation (benchmarks compare). */
    public FaceEngineSettings withoutFlip() {
        Recognition x = recognition;
        return new FaceEngineSettings(limits, detection, gate,
                new Recognition(x.recogniser(), false, x.enrolJitter(), x.dlib(), x.mobileFaceNet()), matching, threads);
    }

    /** The same settings with the small-face pass switched off (benchmarks compare). */
    public FaceEngineSettings withoutSmallFacePass() {
        Detection d = detection;
        return new FaceEngineSettings(limits, new Detection(d.minScore(), d.smallFaceMinScore(), d.nmsIou(),
                Integer.MAX_VALUE, d.smallFaceInputSize()), gate, recognition, matching, threads);
    }

    /** The same settings with another threshold and margin (the CLI's calibration and tests use this). */
    public FaceEngineSettings withMatch(float threshold, float margin) {
        Matching m = matching;
        return new FaceEngineSettings(limits, detection, gate, recognition, new Matching(threshold, margin,
                m.minInterOcularPx(), m.smallFacePx(), m.smallFaceThreshold(), m.duplicateThreshold()), threads);
    }
}
