package org.rollcall.face;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.springframework.boot.context.properties.bind.AbstractBindHandler;
import org.springframework.boot.context.properties.bind.BindContext;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * Every limit and threshold of the face engine, grouped by the step that uses it, bound by Spring Boot's
 * {@link Binder} from {@code rollcall.face.*}: in the application from its Environment (application.yml,
 * environment variables such as {@code ROLLCALL_FACE_RECOGNISER}), in the CLI from Java system properties
 * ({@link #of}). The defaults and what each key means are in one place, {@code face-defaults.properties} next to
 * this class (calibration figures included); a key missing there fails the binding.
 *
 * <p>Adding a setting: one component in its group's record, one line in the properties file. A component binds to
 * its name in kebab case ({@code smallFaceMinScore}: {@code small-face-min-score}); {@code @Name} spells the keys
 * that predate the groups (operators' environment variables name them), and {@code @Name("")} puts a group's keys
 * directly under {@code rollcall.face.}.
 */
public record FaceEngineSettings(
        @Name("") Limits limits,
        @Name("") Detection detection,
        @Name("") Gate gate,
        @Name("") Recognition recognition,
        @Name("") Matching matching,
        int threads) {

    /** {@code threads} 0 means one per available processor. */
    public FaceEngineSettings {
        threads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }

    /** Decoding: checked before a pixel is decoded. */
    public record Limits(long maxImageBytes, long maxImagePixels, int maxImageSide, int maxDecodedSide) {}

    /** BlazeFace and its zoomed small-face pass. */
    public record Detection(
            @Name("detector-min-score") float minScore,
            float smallFaceMinScore,
            float nmsIou,
            int smallFaceMinImageSide,
            int smallFaceInputSize) {}

    /** The enrolment gate: what a photo must show to be enrolled (served as is by {@code GET /api/face/rules}). */
    public record Gate(
            @Name("enrol-min-inter-ocular-px") float minInterOcularPx,
            @Name("enrol-max-yaw-deg") float maxYawDeg,
            @Name("enrol-max-pitch-deg") float maxPitchDeg,
            @Name("enrol-max-roll-deg") float maxRollDeg,
            @Name("enrol-min-sharpness") float minSharpness,
            @Name("enrol-min-brightness") float minBrightness,
            @Name("enrol-other-face-ratio") float otherFaceRatio) {}

    /**
     * How one recogniser's cosine is standardised for fusion: {@code weight * (cosine - impostorMean) / impostorStd}.
     */
    public record Standardisation(float impostorMean, float impostorStd, float weight) {}

    /**
     * @param enrolJitter enrolment embeddings average the chip and four chips with the landmarks shifted by this
     *                    fraction of the distance between the eyes (0 = one chip)
     * @param flip        enrolment photos: embed the mirrored crops too and average
     * @param classPhotoFlip the same for the faces of class photos (twice the work per face)
     */
    public record Recognition(
            Recogniser recogniser,
            @Name("flip-augmentation") boolean flip,
            boolean classPhotoFlip,
            float enrolJitter,
            @Name("fusion.dlib") Standardisation dlib,
            @Name("fusion.mobilefacenet") Standardisation mobileFaceNet) {}

    /**
     * Face sizes for the matcher, the same for every recogniser, and each recogniser's score thresholds (under its
     * name: {@code rollcall.face.<recogniser>.match-threshold}), since each scores on its own scale.
     *
     * @param minInterOcularPx smaller faces are never accepted
     * @param smallFacePx      below this distance between the eyes the threshold rises linearly
     */
    public record Matching(
            @Name("match-min-inter-ocular-px") float minInterOcularPx,
            @Name("match-small-face-px") float smallFacePx,
            Scores dlib,
            @Name("mobilefacenet") Scores mobileFaceNet,
            Scores fused) {

        public Scores of(Recogniser recogniser) {
            return switch (recogniser) {
                case DLIB -> dlib;
                case MOBILEFACENET -> mobileFaceNet;
                case FUSED -> fused;
            };
        }
    }

    /**
     * On one recogniser's score (a cosine for one network, the fused standardised sum for both).
     *
     * @param threshold          score a face needs to be accepted as a subject
     * @param margin             how far the best subject must be ahead of the second best
     * @param smallFaceThreshold the threshold the rise reaches at {@link Matching#minInterOcularPx}
     * @param duplicateThreshold an enrolment photo matching another student this well is ALREADY_ENROLLED_AS
     */
    public record Scores(
            @Name("match-threshold") float threshold,
            @Name("match-margin") float margin,
            @Name("match-small-face-threshold") float smallFaceThreshold,
            @Name("enrol-duplicate-threshold") float duplicateThreshold) {}

    /** The configured recogniser's thresholds. */
    public Scores scores() {
        return matching.of(recognition.recogniser());
    }

    public static final String PREFIX = "rollcall.face";
    private static final String DEFAULTS = "org/rollcall/face/face-defaults.properties";

    /** A setting without a value would bind as 0 or false: refused instead. */
    private static final BindHandler EVERY_SETTING_SET = new AbstractBindHandler() {
        @Override
        public void onFinish(ConfigurationPropertyName name, Bindable<?> target, BindContext context, Object result) {
            if (result == null) {
                throw new IllegalStateException("No value for " + name + " (face-defaults.properties has every key)");
            }
        }
    };

    /** The settings {@code rollcall.face.*} of the binder's sources (the defaults must be among them). */
    public static FaceEngineSettings bind(Binder binder) {
        return binder.bind(PREFIX, Bindable.of(FaceEngineSettings.class), EVERY_SETTING_SET)
                .get();
    }

    /** The shipped defaults ({@code face-defaults.properties}). */
    public static FaceEngineSettings defaults() {
        return of(Map.of());
    }

    /**
     * The shipped defaults with some {@code rollcall.face.*} keys overridden (e.g. {@code fused.match-threshold}; the
     * CLI passes the system properties), as the application's Environment would.
     */
    public static FaceEngineSettings of(Map<?, ?> overrides) {
        return bind(new Binder(
                new MapConfigurationPropertySource(overrides), new MapConfigurationPropertySource(shippedDefaults())));
    }

    /** The contents of {@code face-defaults.properties}. */
    public static Properties shippedDefaults() {
        Properties defaults = new Properties();
        try (InputStream in = FaceEngineSettings.class.getClassLoader().getResourceAsStream(DEFAULTS)) {
            defaults.load(Objects.requireNonNull(in, DEFAULTS));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return defaults;
    }
}
