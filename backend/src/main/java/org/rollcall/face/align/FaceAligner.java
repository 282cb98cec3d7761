package org.rollcall.face.align;

import java.util.ArrayList;
import java.util.List;
import org.rollcall.face.FaceCrop;
import org.rollcall.face.detect.Detection;
import org.rollcall.face.image.RgbImage;
import org.rollcall.face.model.ShapePredictor;
import org.rollcall.face.model.Similarity;

/**
 * Turns a detection into dlib's five landmarks and dlib's 150x150 face chip (padding 0.25), the input the dlib
 * ResNet was trained on.
 *
 * <p>The predictor was trained from the boxes of dlib's HOG face detector and is most accurate when it starts from a
 * box placed like those. That box is predicted from BlazeFace's box, in a frame rotated by BlazeFace's eye line;
 * pixels are read through that rotation, so tilted heads need no rotated copy of the image.
 */
public final class FaceAligner {

    public static final double PADDING = 0.25;

    /** dlib's 5-point chip template (get_face_chip_details), before padding, in landmark order. */
    static final double[] TEMPLATE = {
        0.8595674595992, 0.2134981538014,
        0.6460604764104, 0.2289674387677,
        0.1205750620789, 0.2137274526848,
        0.3340850613712, 0.2290642403242,
        0.4901123135679, 0.6277975316475
    };

    /*
     * dlib's HOG box from BlazeFace's, least squares over the 125 faces that dlib 19.24's frontal detector and BlazeFace
     * both find in face-api's sample photos, Human's samples.jpg and the development group photos (no LFW image):
     * side = 0.954 w; centre = eye midpoint + (-0.105 bx + 0.006 w, 0.201 by + 0.143 w), where w is BlazeFace's box
     * width and (bx, by) its centre, both in the eye-line frame from the eye midpoint. Against placing the mean shape
     * on BlazeFace's eyes (before), on lfw-dev's 756 same-person against 922 005 different-person pairs: EER 1.32 % ->
     * 1.03 %, TAR at FAR 1e-3 93.1 % -> 93.4 % (tools/dlib-reference).
     */
    private static final double BOX_SIDE = 0.954;
    private static final double BOX_X_FROM_CENTRE = -0.1052;
    private static final double BOX_X_FROM_WIDTH = 0.0057;
    private static final double BOX_Y_FROM_CENTRE = 0.2014;
    private static final double BOX_Y_FROM_WIDTH = 0.1427;

    private final ShapePredictor predictor;
    private final double[] chipTemplate = new double[10];

    public FaceAligner(ShapePredictor predictor) {
        if (predictor.pointCount() != 5) {
            throw new IllegalArgumentException("Needs the 5-point shape predictor");
        }
        this.predictor = predictor;
        for (int i = 0; i < 10; i++) {
            chipTemplate[i] = inChip(TEMPLATE[i]);
        }
    }

    /** A coordinate of {@link #TEMPLATE} in dlib's chip (padding included), in chip pixels. */
    static double inChip(double template) {
        return (PADDING + template) / (2 * PADDING + 1) * FaceCrop.CHIP;
    }

    /**
     * @param landmarks the five points (x, y pairs) in image pixels, dlib's order
     * @param crop      dlib's chip widened by {@link FaceCrop#MARGIN} on every side
     * @param scale     image pixels per chip pixel
     */
    public record Aligned(float[] landmarks, FaceCrop crop, double scale) {

        /** dlib's 150x150 chip: RGB planes (R, G, B), values 0..255. */
        public float[] chip() {
            return dlibChip(crop);
        }
    }

    /** dlib's 150x150 chip inside a crop, as the ResNet reads it: RGB planes, values 0..255. */
    public static float[] dlibChip(FaceCrop crop) {
        int from = (crop.size() - FaceCrop.CHIP) / 2;
        float[] chip = new float[3 * FaceCrop.CHIP * FaceCrop.CHIP];
        int plane = FaceCrop.CHIP * FaceCrop.CHIP;
        byte[] rgb = crop.rgb();
        for (int r = 0; r < FaceCrop.CHIP; r++) {
            for (int c = 0; c < FaceCrop.CHIP; c++) {
                int o = 3 * ((r + from) * crop.size() + c + from);
                int i = r * FaceCrop.CHIP + c;
                chip[i] = rgb[o] & 0xFF;
                chip[i + plane] = rgb[o + 1] & 0xFF;
                chip[i + 2 * plane] = rgb[o + 2] & 0xFF;
            }
        }
        return chip;
    }

    public float[] landmarks(RgbImage image, Detection detection) {
        float[] kp = detection.keypoints();
        double ax = kp[0], ay = kp[1], bx = kp[2], by = kp[3];
        double midX = (ax + bx) / 2;
        double midY = (ay + by) / 2;
        // "right" in the face's own frame: the mouth is below the eyes, so right is "down" turned by -90 degrees
        double downX = kp[6] - midX;
        double downY = kp[7] - midY;
        boolean aIsLeft = (ax - midX) * downY - (ay - midY) * downX < 0;
        return predict(image, detection, aIsLeft ? ax : bx, aIsLeft ? ay : by, aIsLeft ? bx : ax, aIsLeft ? by : ay);
    }

    /** Runs the predictor in the frame of the given eyes (image left, image right) from a dlib-like box. */
    private float[] predict(
            RgbImage image, Detection detection, double leftX, double leftY, double rightX, double rightY) {
        double midX = (leftX + rightX) / 2;
        double midY = (leftY + rightY) / 2;
        double angle = Math.atan2(rightY - leftY, rightX - leftX);
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double boxX = (detection.x1() + detection.x2()) / 2 - midX;
        double boxY = (detection.y1() + detection.y2()) / 2 - midY;
        double uprightBoxX = cos * boxX + sin * boxY;
        double uprightBoxY = -sin * boxX + cos * boxY;
        double width = detection.width();
        double size = Math.max(2, BOX_SIDE * width);
        double left = midX + BOX_X_FROM_CENTRE * uprightBoxX + BOX_X_FROM_WIDTH * width - (size - 1) / 2;
        double top = midY + BOX_Y_FROM_CENTRE * uprightBoxY + BOX_Y_FROM_WIDTH * width - (size - 1) / 2;
        // upright frame point u maps to image point mid + R(angle) (u - mid)
        float[] upright = predictor.predict(
                (ux, uy) -> {
                    double dx = ux - midX;
                    double dy = uy - midY;
                    return image.grey(
                            (int) Math.round(midX + cos * dx - sin * dy), (int) Math.round(midY + sin * dx + cos * dy));
                },
                left,
                top,
                size);
        float[] points = new float[upright.length];
        for (int i = 0; i < upright.length; i += 2) {
            double dx = upright[i] - midX;
            double dy = upright[i + 1] - midY;
            points[i] = (float) (midX + cos * dx - sin * dy);
            points[i + 1] = (float) (midY + sin * dx + cos * dy);
        }
        return points;
    }

    public Aligned align(RgbImage image, Detection detection) {
        return chip(image, landmarks(image, detection));
    }

    /**
     * Four more landmark sets for enrolment chips: the landmarks moved by {@code shift} times the distance between
     * the eyes along the eye line and across it, both ways.
     */
    public List<float[]> shiftedForEnrolment(Aligned aligned, double shift) {
        float[] p = aligned.landmarks();
        double alongX = (p[0] + p[2] - p[4] - p[6]) / 2;
        double alongY = (p[1] + p[3] - p[5] - p[7]) / 2;
        double[][] steps = {{alongX, alongY}, {-alongX, -alongY}, {-alongY, alongX}, {alongY, -alongX}};
        List<float[]> shifted = new ArrayList<>(steps.length);
        for (double[] step : steps) {
            float[] moved = new float[p.length];
            for (int i = 0; i < p.length; i += 2) {
                moved[i] = (float) (p[i] + shift * step[0]);
                moved[i + 1] = (float) (p[i + 1] + shift * step[1]);
            }
            shifted.add(moved);
        }
        return shifted;
    }

    /**
     * dlib's extract_image_chip for get_face_chip_details(landmarks, 150, 0.25), with area sampling when shrinking,
     * on a grid widened by {@link FaceCrop#MARGIN} pixels on every side (the same centre and pixel step, so the middle
     * 150x150 pixels are dlib's chip).
     */
    public Aligned chip(RgbImage image, float[] points) {
        double[] image5 = new double[10];
        for (int i = 0; i < 10; i++) {
            image5[i] = points[i];
        }
        Similarity toImage = Similarity.fit(chipTemplate, image5);
        double scale = toImage.scale();
        double angle = toImage.angle();
        // dlib keeps only the centre, angle and scale, and spreads the chip's corner pixels over size * scale
        double centreX = toImage.x(FaceCrop.CHIP / 2.0, FaceCrop.CHIP / 2.0);
        double centreY = toImage.y(FaceCrop.CHIP / 2.0, FaceCrop.CHIP / 2.0);
        double step = scale * FaceCrop.CHIP / (FaceCrop.CHIP - 1);
        double ux = Math.cos(angle) * step;
        double uy = Math.sin(angle) * step;
        int grid = Math.max(1, Math.min(4, (int) Math.ceil(step - 0.25)));
        int size = FaceCrop.SIZE;
        byte[] crop = new byte[3 * size * size];
        float[] rgb = new float[3];
        double half = (size - 1) / 2.0;
        float n = grid * grid;
        for (int r = 0; r < size; r++) {
            for (int c = 0; c < size; c++) {
                rgb[0] = 0;
                rgb[1] = 0;
                rgb[2] = 0;
                for (int gy = 0; gy < grid; gy++) {
                    double v = r - half + (gy + 0.5) / grid - 0.5;
                    for (int gx = 0; gx < grid; gx++) {
                        double u = c - half + (gx + 0.5) / grid - 0.5;
                        double x = centreX + ux * u - uy * v;
                        double y = centreY + uy * u + ux * v;
                        image.addBilinear(x, y, rgb);
                    }
                }
                int o = 3 * (r * size + c);
                crop[o] = (byte) Math.round(rgb[0] / n);
                crop[o + 1] = (byte) Math.round(rgb[1] / n);
                crop[o + 2] = (byte) Math.round(rgb[2] / n);
            }
        }
        return new Aligned(points, new FaceCrop(size, crop), scale);
    }
}
