package org.rollcall.face.pose;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.rollcall.face.image.RgbImage;
import org.rollcall.face.model.FaceModels;
import org.rollcall.face.model.TfjsGraphConverter;
import org.rollcall.face.onnx.OnnxRuntimeLoader;

/**
 * Head pose from the MediaPipe face mesh that the browser's live check runs (Human 3.3.6's facemesh.json), computed
 * the way Human computes it, so that the server and the browser judge yaw, pitch and roll with the same model and
 * the same arithmetic. The steps follow Human's {@code face/blazeface.ts} (its own BlazeFace pass, box enlarged
 * 1.4 times and squared),
 * {@code face/facemeshutil.ts} (TF's cropAndResize to 192x192, RGB scaled to [0, 1]; mesh coordinates mapped back
 * to the photo and truncated to whole pixels) and {@code face/angles.ts} (calculateFaceAngle: an orthonormal frame
 * from the forehead-chin and cheek-cheek mesh points, then Euler angles).
 *
 * <p>The crop matters: Human's BlazeFace sees the photo stretched to 256x256 (not letterboxed like the server's
 * detector), which makes its boxes of a landscape photo about a third larger than the server's, and the mesh's
 * angles change by up to 15 degrees with the crop. So the box is found again here as Human finds it (the same
 * BlazeFace network on the stretched photo, Human's decoding, NMS and thresholds) and the one over the server's
 * face is used; only when Human's pass misses that face is the server's box enlarged instead (the browser would
 * then have seen no face at all).
 *
 * <p>The browser runs Human with {@code detector.rotation: false} (face-check.js), and so does the default here. With
 * {@code rotate} the photo is first turned upright around the box centre when BlazeFace's mouth-to-nose line leans
 * by more than 0.2 rad (TF's rotateWithOffset, nearest pixel), as Human does with rotation on. Why the browser keeps it
 * off: that line leans on any turned head, and the turn shifts the yaw by up to 9 degrees (a face and its mirror image
 * disagree). Without it the roll reads low and saturates: the e2e tests' student (fake-camera.js) turned by 0, 10, 20,
 * 30, 40 and 50 degrees reads -4, 5, 11, 18, 22 and 20 degrees of roll (the mesh itself follows the tilt only to
 * about 20 degrees). So judge roll on dlib's eye points, which follow any tilt; the browser scales the served roll
 * limit by 0.6 to its reading (face-rules.js). Yaw and pitch are what this class is for.
 *
 * <p>Thread-safe. Each call runs BlazeFace once on the whole photo (256x256) and the mesh once (192x192): a few
 * milliseconds. The box and eye points must be in the pixels of the image passed (not of a photo decoded larger).
 */
public final class FaceMeshPose implements AutoCloseable {

    /** The face mesh network's input side. */
    public static final int SIZE = 192;

    public static final int POINTS = 468;
    /** Human's {@code face.detector.scale}: the detector box is enlarged this much before the mesh sees it. */
    private static final double BOX_ENLARGEMENT = 1.4;
    /** Human rotates the crop only for larger in-plane angles. */
    private static final double MIN_ROTATION_RAD = 0.2;
    // calculateFaceAngle's mesh points: forehead top, chin, the cheeks on the image's left and right
    private static final int TOP = 10;
    private static final int BOTTOM = 152;
    private static final int LEFT = 234;
    private static final int RIGHT = 454;

    /**
     * @param yawDeg    Human's {@code rotation.angle.yaw} in degrees, same sign
     * @param pitchDeg  Human's pitch in degrees, same sign
     * @param rollDeg   Human's roll in degrees, same sign
     * @param meshScore the mesh network's face confidence 0..1 (Human drops faces below its detector's
     *                  minConfidence, 0.5 in the browser's check, and then has no angles at all)
     * @param mesh      the 468 points as x, y, z triples; x and y in photo pixels, z in the network's units
     */
    public record Pose(float yawDeg, float pitchDeg, float rollDeg, float meshScore, float[] mesh) {}

    /** Human's BlazeFace input side and the browser's detector settings (face-check.js: minConfidence 0.5). */
    private static final int DETECTOR_SIZE = 256;

    private static final float DETECTOR_MIN_SCORE = 0.5f;
    private static final int DETECTOR_MAX_FACES = 3;
    private static final float DETECTOR_IOU = 0.1f;
    /** Below this overlap with the server's box a box of Human's pass is another face. */
    private static final double SAME_FACE_IOU = 0.3;

    private final OrtEnvironment env;
    private final OrtSession session;
    private final OrtSession detector;
    private final boolean rotate;

    /** As the browser's check runs Human: no rotation. */
    public FaceMeshPose(OrtEnvironment env) {
        this(env, false);
    }

    public FaceMeshPose(OrtEnvironment env, boolean rotate) {
        this.env = env;
        this.rotate = rotate;
        byte[] onnx = TfjsGraphConverter.toOnnx(
                FaceModels.read(FaceModels.FACEMESH_JSON),
                FaceModels.read(FaceModels.FACEMESH_BIN),
                "input_1",
                new long[] {-1, 3, SIZE, SIZE},
                Map.of("Identity_2", new long[] {-1, 3 * POINTS}, "Identity_1", new long[] {-1, 1}));
        this.session = OnnxRuntimeLoader.session(env, onnx, 1);
        byte[] blazeface = TfjsGraphConverter.toOnnx(
                FaceModels.read(FaceModels.BLAZEFACE_JSON),
                FaceModels.read(FaceModels.BLAZEFACE_BIN),
                "input",
                new long[] {-1, 3, DETECTOR_SIZE, DETECTOR_SIZE},
                Map.of(
                        "Identity",
                        new long[] {-1, 512, 1},
                        "Identity_1",
                        new long[] {-1, 384, 1},
                        "Identity_2",
                        new long[] {-1, 512, 16},
                        "Identity_3",
                        new long[] {-1, 384, 16}));
        this.detector = OnnxRuntimeLoader.session(env, blazeface, 1);
    }

    /**
     * @param x1 ... y2 BlazeFace's raw box in photo pixels (before any enlargement)
     * @param leftEyeX  ... the centres of the eyes on the image's left and on its right: they turn the crop upright
     *                  only when Human's own detector pass misses the face (it uses BlazeFace's mouth and nose)
     */
    public Pose estimate(
            RgbImage image,
            float x1,
            float y1,
            float x2,
            float y2,
            float leftEyeX,
            float leftEyeY,
            float rightEyeX,
            float rightEyeY) {
        double[] square = humanSquare(x1, y1, x2, y2);
        // Human's computeRotation on its mouth-to-nose line; for the fallback the same angle from the eye line
        // turned by 90 degrees
        double angle = Math.PI / 2 - Math.atan2(rightEyeX - leftEyeX, rightEyeY - leftEyeY);
        double best = SAME_FACE_IOU;
        for (double[] box : humanBoxes(image)) {
            double iou = iou(box, new double[] {x1, y1, x2, y2});
            if (iou > best) {
                best = iou;
                square = humanSquare(box[0], box[1], box[2], box[3]);
                angle = Math.PI / 2 - Math.atan2(-(box[8] - box[6]), box[7] - box[5]);
            }
        }
        double startX = square[0];
        double startY = square[1];
        double endX = square[2];
        double endY = square[3];
        double side = endX - startX;
        double centerX = startX + (endX - startX) / 2;
        double centerY = startY + (endY - startY) / 2;
        angle -= 2 * Math.PI * Math.floor((angle + Math.PI) / (2 * Math.PI));
        if (!rotate || Math.abs(angle) <= MIN_ROTATION_RAD) {
            angle = 0;
        }

        float[] input = crop(image, startX, startY, endX, endY, centerX, centerY, angle);
        float[] raw;
        float score;
        try (OnnxTensor x = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), new long[] {1, 3, SIZE, SIZE});
                OrtSession.Result out = session.run(Map.of("input_1", x))) {
            raw = ((float[][]) out.get("Identity_2_out").orElseThrow().getValue())[0];
            score = ((float[][]) out.get("Identity_1_out").orElseThrow().getValue())[0][0];
        } catch (OrtException e) {
            throw new IllegalStateException("Face mesh inference failed", e);
        }

        // facemeshutil.ts transformRawCoords: scaled around the crop's centre, turned back, truncated
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        float[] mesh = new float[3 * POINTS];
        for (int i = 0; i < POINTS; i++) {
            double sx = side / SIZE * (raw[3 * i] - SIZE / 2.0);
            double sy = side / SIZE * (raw[3 * i + 1] - SIZE / 2.0);
            mesh[3 * i] = (float) truncate(cos * sx - sin * sy + centerX);
            mesh[3 * i + 1] = (float) truncate(sin * sx + cos * sy + centerY);
            mesh[3 * i + 2] = (float) truncate(raw[3 * i + 2]);
        }
        double[] euler = angles(mesh, side);
        return new Pose(
                (float) Math.toDegrees(euler[0]),
                (float) Math.toDegrees(euler[1]),
                (float) Math.toDegrees(euler[2]),
                score,
                mesh);
    }

    /** blazeface.ts: enlargeBox(1.4), then squarifyBox (the longer side; corners rounded to whole pixels). */
    private static double[] humanSquare(double x1, double y1, double x2, double y2) {
        double cx = x1 + (x2 - x1) / 2;
        double cy = y1 + (y2 - y1) / 2;
        double half = BOX_ENLARGEMENT * Math.max(Math.abs(x2 - x1), Math.abs(y2 - y1)) / 2;
        return new double[] {Math.round(cx - half), Math.round(cy - half), Math.round(cx + half), Math.round(cy + half)
        };
    }

    /**
     * blazeface.ts getBoxes: the photo resized (TF's resizeBilinear, no half-pixel centres) to 256x256 whatever its
     * aspect, RGB scaled to [-1, 1]; boxes decoded from the anchors, greedy NMS, scaled back per axis. Raw boxes
     * (x1, y1, x2, y2, score, mouthX, mouthY, noseX, noseY) in photo pixels, best score first.
     */
    private List<double[]> humanBoxes(RgbImage image) {
        int plane = DETECTOR_SIZE * DETECTOR_SIZE;
        float[] input = new float[3 * plane];
        double stepX = (double) image.width() / DETECTOR_SIZE;
        double stepY = (double) image.height() / DETECTOR_SIZE;
        float[] rgb = new float[3];
        for (int y = 0; y < DETECTOR_SIZE; y++) {
            for (int x = 0; x < DETECTOR_SIZE; x++) {
                rgb[0] = 0;
                rgb[1] = 0;
                rgb[2] = 0;
                image.addBilinear(x * stepX, y * stepY, rgb);
                int o = y * DETECTOR_SIZE + x;
                out3(input, o, plane, rgb);
            }
        }
        List<double[]> candidates = new ArrayList<>();
        try (OnnxTensor x = OnnxTensor.createTensor(
                        env, FloatBuffer.wrap(input), new long[] {1, 3, DETECTOR_SIZE, DETECTOR_SIZE});
                OrtSession.Result out = detector.run(Map.of("input", x))) {
            // the stride-16 grid (2 anchors a cell) comes first, then stride 32 (6 a cell), as Human concatenates
            String[][] outputs = {{"Identity_out", "Identity_2_out"}, {"Identity_1_out", "Identity_3_out"}};
            int[][] grids = {{16, 2}, {32, 6}};
            for (int g = 0; g < 2; g++) {
                float[][] logits =
                        ((float[][][]) out.get(outputs[g][0]).orElseThrow().getValue())[0];
                float[][] regressors =
                        ((float[][][]) out.get(outputs[g][1]).orElseThrow().getValue())[0];
                int stride = grids[g][0];
                int columns = DETECTOR_SIZE / stride;
                for (int a = 0; a < logits.length; a++) {
                    double score = 1 / (1 + Math.exp(-logits[a][0]));
                    if (score <= DETECTOR_MIN_SCORE) {
                        continue;
                    }
                    int cell = a / grids[g][1];
                    double ax = stride * (cell % columns + 0.5);
                    double ay = stride * (cell / columns + 0.5);
                    float[] r = regressors[a];
                    double cx = r[0] + ax;
                    double cy = r[1] + ay;
                    // box, score, then BlazeFace's mouth (keypoint 3) and nose (keypoint 2) in photo pixels
                    candidates.add(new double[] {
                        (cx - r[2] / 2) * stepX,
                        (cy - r[3] / 2) * stepY,
                        (cx + r[2] / 2) * stepX,
                        (cy + r[3] / 2) * stepY,
                        score,
                        (r[10] + ax) * stepX,
                        (r[11] + ay) * stepY,
                        (r[8] + ax) * stepX,
                        (r[9] + ay) * stepY
                    });
                }
            }
        } catch (OrtException e) {
            throw new IllegalStateException("BlazeFace inference failed", e);
        }
        candidates.sort((a, b) -> Double.compare(b[4], a[4]));
        List<double[]> kept = new ArrayList<>();
        for (double[] c : candidates) {
            if (kept.size() == DETECTOR_MAX_FACES) {
                break;
            }
            if (kept.stream().noneMatch(k -> iou(k, c) > DETECTOR_IOU)) {
                kept.add(c);
            }
        }
        return kept;
    }

    private static void out3(float[] input, int o, int plane, float[] rgb) {
        input[o] = rgb[0] / 127.5f - 1;
        input[o + plane] = rgb[1] / 127.5f - 1;
        input[o + 2 * plane] = rgb[2] / 127.5f - 1;
    }

    private static double iou(double[] a, double[] b) {
        double w = Math.min(a[2], b[2]) - Math.max(a[0], b[0]);
        double h = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
        if (w <= 0 || h <= 0) {
            return 0;
        }
        double inter = w * h;
        return inter / ((a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter);
    }

    /**
     * TF's cropAndResize of the box to 192x192 (bilinear; sample positions scaled by (side - 1) / side as TF's
     * normalised boxes do; outside the photo is 0), as planar RGB in [0, 1]. With an angle, the crop is taken from
     * the photo as TF's rotateWithOffset turns it around (centerX, centerY): each pixel of the turned photo is the
     * nearest pixel of the original.
     */
    private static float[] crop(
            RgbImage image, double x1, double y1, double x2, double y2, double centerX, double centerY, double angle) {
        int w = image.width();
        int h = image.height();
        double fx = (w - 1.0) / w;
        double fy = (h - 1.0) / h;
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        int[] px = image.pixels();
        float[] out = new float[3 * SIZE * SIZE];
        int plane = SIZE * SIZE;
        float[] rgb = new float[3];
        for (int i = 0; i < SIZE; i++) {
            double y = (y1 + i * (y2 - y1) / (SIZE - 1)) * fy;
            for (int j = 0; j < SIZE; j++) {
                double x = (x1 + j * (x2 - x1) / (SIZE - 1)) * fx;
                if (x < 0 || y < 0 || x > w - 1 || y > h - 1) {
                    continue;
                }
                int o = i * SIZE + j;
                if (angle == 0) {
                    rgb[0] = 0;
                    rgb[1] = 0;
                    rgb[2] = 0;
                    image.addBilinear(x, y, rgb);
                } else {
                    // bilinear over the turned photo, whose pixels are nearest pixels of the original
                    int xl = (int) Math.floor(x);
                    int yt = (int) Math.floor(y);
                    int xr = (int) Math.ceil(x);
                    int yb = (int) Math.ceil(y);
                    double ax = x - xl;
                    double ay = y - yt;
                    int tl = turned(px, w, h, xl, yt, centerX, centerY, cos, sin);
                    int tr = turned(px, w, h, xr, yt, centerX, centerY, cos, sin);
                    int bl = turned(px, w, h, xl, yb, centerX, centerY, cos, sin);
                    int br = turned(px, w, h, xr, yb, centerX, centerY, cos, sin);
                    for (int c = 0, shift = 16; c < 3; c++, shift -= 8) {
                        double top = channel(tl, shift) + (channel(tr, shift) - channel(tl, shift)) * ax;
                        double bottom = channel(bl, shift) + (channel(br, shift) - channel(bl, shift)) * ax;
                        rgb[c] = (float) (top + (bottom - top) * ay);
                    }
                }
                out[o] = rgb[0] / 255f;
                out[o + plane] = rgb[1] / 255f;
                out[o + 2 * plane] = rgb[2] / 255f;
            }
        }
        return out;
    }

    /** The pixel at (x, y) of the photo turned by TF's rotateWithOffset; black (fill 0) outside the photo. */
    private static int turned(int[] px, int w, int h, int x, int y, double cx, double cy, double cos, double sin) {
        long sx = Math.round((x - cx) * cos - (y - cy) * sin + cx);
        long sy = Math.round((x - cx) * sin + (y - cy) * cos + cy);
        if (sx < 0 || sy < 0 || sx >= w || sy >= h) {
            return 0;
        }
        return px[(int) sy * w + (int) sx];
    }

    private static int channel(int rgb, int shift) {
        return (rgb >> shift) & 0xFF;
    }

    /** angles.ts calculateFaceAngle: yaw, pitch, roll in radians. */
    private static double[] angles(float[] mesh, double side) {
        // Human scales x and y by the face box over 1.5 and z by the network's input size
        double size = side / 1.5;
        double[] top = point(mesh, TOP, size);
        double[] bottom = point(mesh, BOTTOM, size);
        double[] left = point(mesh, LEFT, size);
        double[] right = point(mesh, RIGHT, size);
        double[] yAxis = normalize(sub(bottom, top));
        double[] xAxis = normalize(sub(right, left));
        double[] zAxis = normalize(cross(xAxis, yAxis));
        xAxis = cross(yAxis, zAxis);
        double r00 = xAxis[0];
        double r10 = yAxis[0];
        double r11 = yAxis[1];
        double r12 = yAxis[2];
        double r20 = zAxis[0];
        double r21 = zAxis[1];
        double r22 = zAxis[2];
        double thetaX;
        double thetaY;
        double thetaZ;
        if (r10 < 1) {
            if (r10 > -1) {
                thetaZ = Math.atan2(r10, Math.sqrt(r00 * r00 + r20 * r20));
                thetaY = Math.atan2(-r20, r00);
                thetaX = Math.atan2(-r12, r11);
            } else {
                thetaZ = -Math.PI / 2;
                thetaY = -Math.atan2(r21, r22);
                thetaX = 0;
            }
        } else {
            thetaZ = Math.PI / 2;
            thetaY = Math.atan2(r21, r22);
            thetaX = 0;
        }
        return new double[] {zeroIfNaN(-thetaY), zeroIfNaN(-thetaX), zeroIfNaN(-thetaZ)};
    }

    private static double[] point(float[] mesh, int index, double size) {
        return new double[] {mesh[3 * index] / size, mesh[3 * index + 1] / size, mesh[3 * index + 2] / SIZE};
    }

    private static double[] sub(double[] a, double[] b) {
        return new double[] {a[0] - b[0], a[1] - b[1], a[2] - b[2]};
    }

    private static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    private static double[] normalize(double[] v) {
        double length = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
        return new double[] {v[0] / length, v[1] / length, v[2] / length};
    }

    private static double truncate(double v) {
        return v < 0 ? Math.ceil(v) : Math.floor(v);
    }

    private static double zeroIfNaN(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    @Override
    public void close() throws OrtException {
        session.close();
        detector.close();
    }
}
