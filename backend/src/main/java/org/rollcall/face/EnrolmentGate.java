package org.rollcall.face;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The enrolment gate, the last step of {@link FaceEngine#enrol}: which face of the photo is the student's, and
 * whether it is good enough to be compared with class photos for months. Refuses with the first failed rule, its
 * reason and the measured value in a sentence for a teacher.
 */
public final class EnrolmentGate {

    private final FaceEngineSettings.Gate rules;

    public EnrolmentGate(FaceEngineSettings.Gate rules) {
        this.rules = rules;
    }

    /**
     * @param found  every face found in the photo
     * @param chosen the face the teacher picked (index into the faces by size, largest first), or -1: the only one
     * @return the student's face, not yet judged by {@link #check}
     * @throws FaceRejectedException NO_FACE, MULTIPLE_FACES (with every face's box), NO_SUCH_FACE
     */
    public DetectedFace choose(List<DetectedFace> found, int chosen) {
        if (found.isEmpty()) {
            throw new FaceRejectedException(RejectReason.NO_FACE, "No face was found in the photo.");
        }
        List<DetectedFace> faces = new ArrayList<>(found);
        faces.sort(Comparator.comparing((DetectedFace f) -> f.quality().interOcularPx())
                .reversed());
        DetectedFace face;
        if (chosen >= 0) {
            if (chosen >= faces.size()) {
                throw new FaceRejectedException(
                        RejectReason.NO_SUCH_FACE,
                        "The photo shows " + count(faces.size()) + "; there is no face number " + (chosen + 1) + ".");
            }
            face = faces.get(chosen);
        } else {
            face = faces.get(0);
            List<DetectedFace> others = faces.stream()
                    .skip(1)
                    .filter(f -> isAnotherFace(f, faces.get(0)))
                    .toList();
            if (!others.isEmpty()) {
                throw new FaceRejectedException(
                        RejectReason.MULTIPLE_FACES,
                        "The photo shows " + count(others.size() + 1)
                                + "; choose the student's face, or use a photo of the student alone.",
                        faces.stream().map(DetectedFace::box).toList());
            }
        }
        return face;
    }

    private static String count(int faces) {
        return faces == 1 ? "one face" : faces + " faces";
    }

    /**
     * Whether a smaller detection is a second person rather than a part of the largest face (a tight crop makes
     * BlazeFace find a face in the face: its centre then lies inside the largest box) or a face far in the background.
     */
    private boolean isAnotherFace(DetectedFace other, DetectedFace largest) {
        Box big = largest.box();
        Box b = other.box();
        double cx = b.x() + b.width() / 2;
        double cy = b.y() + b.height() / 2;
        boolean inside = cx >= big.x() && cx <= big.x() + big.width() && cy >= big.y() && cy <= big.y() + big.height();
        return !inside
                && other.quality().interOcularPx()
                        >= rules.otherFaceRatio() * largest.quality().interOcularPx();
    }

    /** The rules on one face's measurements; refuses with the first failed rule and the measured value. */
    public void check(FaceQuality q) {
        FaceEngineSettings.Gate g = rules;
        if (q.interOcularPx() < g.minInterOcularPx()) {
            throw new FaceRejectedException(
                    RejectReason.FACE_TOO_SMALL,
                    String.format(
                            "The face is too small: %.0f px between the eyes, at least %.0f px are needed.",
                            q.interOcularPx(), g.minInterOcularPx()));
        }
        if (Math.abs(q.yawDeg()) > g.maxYawDeg()
                || Math.abs(q.pitchDeg()) > g.maxPitchDeg()
                || Math.abs(q.rollDeg()) > g.maxRollDeg()) {
            throw new FaceRejectedException(
                    RejectReason.NOT_FRONTAL,
                    String.format(
                            "The face is not frontal enough (turn %.0f°, tilt %.0f°, rotation %.0f°; at most %.0f°, %.0f° "
                                    + "and %.0f°).",
                            q.yawDeg(), q.pitchDeg(), q.rollDeg(), g.maxYawDeg(), g.maxPitchDeg(), g.maxRollDeg()));
        }
        if (q.brightness() < g.minBrightness()) {
            throw new FaceRejectedException(
                    RejectReason.TOO_DARK,
                    String.format(
                            "The face is too dark (brightness %.0f of 255, at least %.0f needed).",
                            q.brightness(), g.minBrightness()));
        }
        if (q.sharpness() < g.minSharpness()) {
            throw new FaceRejectedException(
                    RejectReason.TOO_BLURRY,
                    String.format(
                            "The face is too blurry (sharpness %.1f, at least %.1f needed).",
                            q.sharpness(), g.minSharpness()));
        }
    }
}
