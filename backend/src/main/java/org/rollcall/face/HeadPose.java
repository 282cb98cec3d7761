package org.rollcall.face;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import java.util.List;
import org.rollcall.face.image.RgbImage;
import org.rollcall.face.pose.FaceMeshPose;

/**
 * The quality step's head turn and tilt for an enrolment photo, read from Human's face mesh on the photo as the
 * browser sees it, so the browser's live check and the enrolment gate judge pose alike; the in-plane rotation stays
 * dlib's eye line, which follows any tilt (the mesh's reading saturates near 20 degrees). When the mesh does not see
 * a face (Human would report none) the landmarks' coarse estimate ({@code QualityMeter}) stays.
 */
public final class HeadPose implements AutoCloseable {

    /** Human's face-mesh confidence below which the browser's check sees no face (face-check.js: minConfidence). */
    private static final float MESH_MIN_SCORE = 0.5f;

    private final FaceMeshPose meshPose;

    public HeadPose(OrtEnvironment env) {
        this.meshPose = new FaceMeshPose(env);
    }

    /**
     * @param photo the photo as decoded, {@code scale} original pixels per decoded pixel
     * @param face  a face of the photo, in original-photo pixels
     */
    public DetectedFace measure(RgbImage photo, int scale, DetectedFace face) {
        float s = scale;
        Box b = face.box();
        List<Point> p = face.landmarks();
        FaceMeshPose.Pose pose = meshPose.estimate(
                photo,
                b.x() / s,
                b.y() / s,
                (b.x() + b.width()) / s,
                (b.y() + b.height()) / s,
                (p.get(2).x() + p.get(3).x()) / (2 * s),
                (p.get(2).y() + p.get(3).y()) / (2 * s),
                (p.get(0).x() + p.get(1).x()) / (2 * s),
                (p.get(0).y() + p.get(1).y()) / (2 * s));
        if (pose.meshScore() < MESH_MIN_SCORE) {
            return face;
        }
        FaceQuality q = face.quality();
        return new DetectedFace(
                face.box(),
                face.landmarks(),
                face.score(),
                new FaceQuality(
                        q.interOcularPx(), pose.yawDeg(), pose.pitchDeg(), q.rollDeg(), q.sharpness(), q.brightness()),
                face.embedding(),
                face.crop());
    }

    @Override
    public void close() throws OrtException {
        meshPose.close();
    }
}
