package org.rollcall.face;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Function;

/**
 * Every limit and threshold of the face engine. The defaults ({@code face-defaults.properties} next to this class)
 * come from calibration on development photos (see the face issue note); the application reads
 * {@code rollcall.face.*} onto these.
 *
 * @param maxImageBytes          larger uploads are refused (IMAGE_TOO_LARGE) before decoding
 * @param maxImagePixels         declared width x height above this is refused before decoding
 * @param maxImageSide           declared width or height above this is refused before decoding
 * @param maxDecodedSide         photos whose long side is a multiple of this are decoded with subsampling
 * @param detectorMinScore       BlazeFace score for a box of the full-frame view
 * @param smallFaceMinScore      stricter score for a box only the zoomed small-face pass found
 * @param nmsIou                 overlap above which two boxes are the same face
 * @param smallFaceMinImageSide  the small-face pass runs on photos whose long side is at least this
 * @param smallFaceInputSize     largest network input side of the small-face pass, which runs at half the photo's
 *                               resolution (multiple of 32; the full view is 256)
 * @param matchThreshold         cosine similarity a face needs to be accepted as a subject
 * @param matchMargin            how far the best subject must be ahead of the second best
 * @param matchMinInterOcularPx  smaller faces are never accepted (strangers get accepted there)
 * @param matchSmallFacePx       below this distance between the eyes the match threshold rises linearly (small
 *                               faces carry less detail, so look-alikes score higher); at most
 *                               {@code matchMinInterOcularPx} switches the rise off
 * @param matchSmallFaceThreshold the threshold the rise reaches at {@code matchMinInterOcularPx}
 * @param enrolMinInterOcularPx  FACE_TOO_SMALL below this
 * @param enrolMaxYawDeg         NOT_FRONTAL above this head turn
 * @param enrolMaxPitchDeg       NOT_FRONTAL above this head tilt
 * @param enrolMaxRollDeg        NOT_FRONTAL above this in-plane rotation
 * @param enrolMinSharpness      TOO_BLURRY below this variance of the Laplacian on the chip
 * @param enrolMinBrightness     TOO_DARK below this mean luma of the chip
 * @param enrolOtherFaceRatio    another face at least this fraction of the largest face's size makes MULTIPLE_FACES
 * @param enrolDuplicateThreshold a new enrolment photo matching another student at least this well (with the match
 *                               margin) is refused as ALREADY_ENROLLED_AS; lower than the match threshold, because two
 *                               enrolment photos of one child often score below it
 * @param enrolJitter            enrolment embeddings average the chip and four chips with the landmarks shifted by this
 *                               fraction of the distance between the eyes (0 = one chip)
 * @param flipAugmentation       embed the mirrored chip too and average (changes the model id)
 * @param threads                faces are aligned and embedded on this many threads
 */
public record FaceEngineSettings(
        long maxImageBytes,
        long maxImagePixels,
        int maxImageSide,
        int maxDecodedSide,
        float detectorMinScore,
        float smallFaceMinScore,
        float nmsIou,
        int smallFaceMinImageSide,
        int smallFaceInputSize,
        float matchThreshold,
        float matchMargin,
        float matchMinInterOcularPx,
        float matchSmallFacePx,
        float matchSmallFaceThreshold,
        float enrolMinInterOcularPx,
        float enrolMaxYawDeg,
        float enrolMaxPitchDeg,
        float enrolMaxRollDeg,
        float enrolMinSharpness,
        float enrolMinBrightness,
        float enrolOtherFaceRatio,
        float enrolDuplicateThreshold,
        float enrolJitter,
        boolean flipAugmentation,
        int threads) {

    private static final String DEFAULTS = "org/rollcall/face/face-defaults.properties";
    private static final String PREFIX = "rollcall.face.";

    /** The shipped defaults ({@code face-defaults.properties}). */
    public static FaceEngineSettings defaults() {
        return from(key -> null);
    }

    /**
     * Settings from a lookup of {@code rollcall.face.*} keys (kebab-case, e.g. {@code match-threshold}); keys the
     * lookup does not know keep their shipped default.
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
        int threads = Integer.parseInt(v.apply("threads"));
        return new FaceEngineSettings(
                Long.parseLong(v.apply("max-image-bytes")),
                Long.parseLong(v.apply("max-image-pixels")),
                Integer.parseInt(v.apply("max-image-side")),
                Integer.parseInt(v.apply("max-decoded-side")),
                Float.parseFloat(v.apply("detector-min-score")),
                Float.parseFloat(v.apply("small-face-min-score")),
                Float.parseFloat(v.apply("nms-iou")),
                Integer.parseInt(v.apply("small-face-min-image-side")),
                Integer.parseInt(v.apply("small-face-input-size")),
                Float.parseFloat(v.apply("match-threshold")),
                Float.parseFloat(v.apply("match-margin")),
                Float.parseFloat(v.apply("match-min-inter-ocular-px")),
                Float.parseFloat(v.apply("match-small-face-px")),
                Float.parseFloat(v.apply("match-small-face-threshold")),
                Float.parseFloat(v.apply("enrol-min-inter-ocular-px")),
                Float.parseFloat(v.apply("enrol-max-yaw-deg")),
                Float.parseFloat(v.apply("enrol-max-pitch-deg")),
                Float.parseFloat(v.apply("enrol-max-roll-deg")),
                Float.parseFloat(v.apply("enrol-min-sharpness")),
                Float.parseFloat(v.apply("enrol-min-brightness")),
                Float.parseFloat(v.apply("enrol-other-face-ratio")),
                Float.parseFloat(v.apply("enrol-duplicate-threshold")),
                Float.parseFloat(v.apply("enrol-jitter")),
                Boolean.parseBoolean(v.apply("flip-augmentation")),
                threads > 0 ? threads : Runtime.getRuntime().availableProcessors());
    }

    /** The same settings without flip test-time augmentation (benchmarks compare). */
    public FaceEngineSettings withoutFlip() {
        return new FaceEngineSettings(maxImageBytes, maxImagePixels, maxImageSide, maxDecodedSide, detectorMinScore,
                smallFaceMinScore, nmsIou, smallFaceMinImageSide, smallFaceInputSize, matchThreshold, matchMargin,
                matchMinInterOcularPx, matchSmallFacePx, matchSmallFaceThreshold, enrolMinInterOcularPx,
                enrolMaxYawDeg, enrolMaxPitchDeg, enrolMaxRollDeg, enrolMinSharpness, enrolMinBrightness,
                enrolOtherFaceRatio, enrolDuplicateThreshold, enrolJitter, false, threads);
    }

    /** The same settings with the small-face pass switched off (benchmarks compare). */
    public FaceEngineSettings withoutSmallFacePass() {
        return new FaceEngineSettings(maxImageBytes, maxImagePixels, maxImageSide, maxDecodedSide, detectorMinScore,
                smallFaceMinScore, nmsIou, Integer.MAX_VALUE, smallFaceInputSize, matchThreshold, matchMargin,
                matchMinInterOcularPx, matchSmallFacePx, matchSmallFaceThreshold, enrolMinInterOcularPx,
                enrolMaxYawDeg, enrolMaxPitchDeg, enrolMaxRollDeg, enrolMinSharpness, enrolMinBrightness,
                enrolOtherFaceRatio, enrolDuplicateThreshold, enrolJitter, flipAugmentation, threads);
    }

    /** The same settings with other matcher parameters (the CLI's calibration and tests use this). */
    public FaceEngineSettings withMatch(float threshold, float margin) {
        return new FaceEngineSettings(maxImageBytes, maxImagePixels, maxImageSide, maxDecodedSide, detectorMinScore,
                smallFaceMinScore, nmsIou, smallFaceMinImageSide, smallFaceInputSize, threshold, margin,
                matchMinInterOcularPx, matchSmallFacePx, matchSmallFaceThreshold, enrolMinInterOcularPx,
                enrolMaxYawDeg, enrolMaxPitchDeg, enrolMaxRollDeg, enrolMinSharpness, enrolMinBrightness,
                enrolOtherFaceRatio, enrolDuplicateThreshold, enrolJitter, flipAugmentation, threads);
    }
}
