package org.rollcall.face.detect;

import java.util.ArrayList;
import java.util.List;
import org.rollcall.face.Box;
import org.rollcall.face.Point;
import org.rollcall.face.image.RgbImage;

/**
 * The detect step: where BlazeFace finds faces in a decoded photo, looked at as a class photo (with the zoomed
 * small-face pass) or as an enrolment photo (whose face may fill the frame).
 */
public final class FaceFinder {

    private static final int PADDING_GREY = 0x808080;
    /** A face box at least this share of the photo's shorter side may have been too big for the plain view. */
    private static final float FILLS_THE_FRAME = 0.4f;
    /** How much wider the padded view's biggest face must be to replace the plain view's detections. */
    private static final float PADDED_WINS = 1.25f;

    private final BlazeFaceDetector detector;

    public FaceFinder(BlazeFaceDetector detector) {
        this.detector = detector;
    }

    /**
     * Detections in {@code image}: the photo itself, or the photo inside a grey border {@code border} pixels wide.
     */
    public record Found(RgbImage photo, RgbImage image, int border, List<Detection> detections) {

        /**
         * A detection's box in original-photo pixels, clipped to the photo (a face that fills a padded view reaches
         * past its edges).
         */
        public Box box(Detection d, int scale) {
            float left = Math.max(0, d.x1() - border);
            float top = Math.max(0, d.y1() - border);
            float right = Math.min(photo.width(), d.x2() - border);
            float bottom = Math.min(photo.height(), d.y2() - border);
            return new Box(
                    left * scale, top * scale, Math.max(0, right - left) * scale, Math.max(0, bottom - top) * scale);
        }

        /** Points of {@code image} (x, y pairs) in original-photo pixels. */
        public List<Point> points(float[] xy, int scale) {
            List<Point> points = new ArrayList<>(xy.length / 2);
            for (int k = 0; k < xy.length; k += 2) {
                points.add(new Point((xy[k] - border) * scale, (xy[k + 1] - border) * scale));
            }
            return List.copyOf(points);
        }
    }

    public Found inClassPhoto(RgbImage photo) {
        return new Found(photo, photo, 0, detector.detect(photo, true));
    }

    /**
     * A face that fills the frame (an ID-card or aligned crop) is too big for BlazeFace's view: it finds nothing, or a
     * smaller "face" inside the face. Looked at again with a neutral border around the photo, as if the camera had
     * been further away, the whole face is found; that view wins when it finds a face clearly bigger than the plain
     * view's biggest. No small-face pass: enrolment faces are never small.
     */
    public Found inEnrolmentPhoto(RgbImage photo) {
        List<Detection> plain = detector.detect(photo, false);
        int padding = Math.max(photo.width(), photo.height()) / 2;
        // only a face that was too big for the plain view: at least this share of the photo's shorter side
        float tooBig = FILLS_THE_FRAME * Math.min(photo.width(), photo.height());
        List<Detection> inPadded = detector.detectInBorder(photo, padding).stream()
                .filter(d -> d.width() >= tooBig)
                .toList();
        if (widest(inPadded) > PADDED_WINS * widest(plain)) {
            // the face reaches past the photo's edges: its crop is cut from the photo with the border
            return new Found(photo, photo.padded(padding, PADDING_GREY), padding, inPadded);
        }
        return new Found(photo, photo, 0, plain);
    }

    private static float widest(List<Detection> detections) {
        return (float) detections.stream().mapToDouble(Detection::width).max().orElse(0);
    }
}
