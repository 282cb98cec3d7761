package org.rollcall.face.detect;

/**
 * A BlazeFace detection in image pixels: box corners, score, and six keypoints (x, y pairs) in BlazeFace's order:
 * the two eyes, nose tip, mouth centre, the two ears (tragion).
 */
public record Detection(float x1, float y1, float x2, float y2, float score, float[] keypoints) {

    /** The same detection in an image with {@code by} more pixels on the left and on the top. */
    Detection shifted(float by) {
        float[] kp = keypoints.clone();
        for (int k = 0; k < kp.length; k++) {
            kp[k] += by;
        }
        return new Detection(x1 + by, y1 + by, x2 + by, y2 + by, score, kp);
    }

    public float width() {
        return x2 - x1;
    }

    public float height() {
        return y2 - y1;
    }

    float area() {
        return Math.max(0, width()) * Math.max(0, height());
    }

    float iou(Detection other) {
        float ix = Math.max(0, Math.min(x2, other.x2) - Math.max(x1, other.x1));
        float iy = Math.max(0, Math.min(y2, other.y2) - Math.max(y1, other.y1));
        float inter = ix * iy;
        return inter / (area() + other.area() - inter);
    }
}
