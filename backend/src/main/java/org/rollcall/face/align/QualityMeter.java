package org.rollcall.face.align;

import org.rollcall.face.FaceCrop;
import org.rollcall.face.FaceQuality;

/**
 * Face quality from the five landmarks and the aligned chip. Head pose is a coarse estimate from where the nose
 * sits relative to the eyes (a frontal face has it centred, about 0.77 eye distances below the eye line); it is
 * meant to reject clearly turned faces at enrolment, not to measure angles precisely.
 */
public final class QualityMeter {

    /** Depth of the bottom of the nose in front of the eyes, in eye distances (average adult face). */
    private static final double NOSE_DEPTH = 0.3;
    /** Nose drop below the eye line of a level face in eye distances, from dlib's chip template. */
    private static final double NOSE_DROP = 0.7735;

    private QualityMeter() {}

    /**
     * @param points five landmarks in the decoded image (dlib order)
     * @param scale  original-photo pixels per decoded pixel
     */
    public static FaceQuality measure(float[] points, float[] chip, int scale) {
        double rightX = (points[0] + points[2]) / 2;
        double rightY = (points[1] + points[3]) / 2;
        double leftX = (points[4] + points[6]) / 2;
        double leftY = (points[5] + points[7]) / 2;
        double eyeDistance = Math.max(1e-3, Math.hypot(rightX - leftX, rightY - leftY));
        double roll = Math.atan2(rightY - leftY, rightX - leftX);
        double midX = (rightX + leftX) / 2;
        double midY = (rightY + leftY) / 2;
        double dx = points[8] - midX;
        double dy = points[9] - midY;
        double across = (Math.cos(roll) * dx + Math.sin(roll) * dy) / eyeDistance;
        double down = (-Math.sin(roll) * dx + Math.cos(roll) * dy) / eyeDistance;
        double yaw = Math.atan(across / NOSE_DEPTH);
        double reach = Math.hypot(NOSE_DROP, NOSE_DEPTH);
        double pitch = Math.acos(Math.max(-1, Math.min(1, down / reach))) - Math.atan2(NOSE_DEPTH, NOSE_DROP);
        return new FaceQuality(
                (float) (eyeDistance * scale),
                (float) Math.toDegrees(yaw),
                (float) Math.toDegrees(pitch),
                (float) Math.toDegrees(roll),
                sharpness(chip),
                brightness(chip));
    }

    /** Variance of the 4-neighbour Laplacian of the chip's grey levels. */
    static float sharpness(float[] chip) {
        int n = FaceCrop.CHIP;
        int plane = n * n;
        float[] grey = new float[plane];
        for (int i = 0; i < plane; i++) {
            grey[i] = (chip[i] + chip[i + plane] + chip[i + 2 * plane]) / 3;
        }
        double sum = 0, sumSq = 0;
        int count = 0;
        for (int y = 1; y < n - 1; y++) {
            for (int x = 1; x < n - 1; x++) {
                int i = y * n + x;
                double lap = grey[i - 1] + grey[i + 1] + grey[i - n] + grey[i + n] - 4 * grey[i];
                sum += lap;
                sumSq += lap * lap;
                count++;
            }
        }
        double mean = sum / count;
        return (float) (sumSq / count - mean * mean);
    }

    /** Mean luma (BT.601) of the chip. */
    static float brightness(float[] chip) {
        int plane = FaceCrop.CHIP * FaceCrop.CHIP;
        double sum = 0;
        for (int i = 0; i < plane; i++) {
            sum += 0.299 * chip[i] + 0.587 * chip[i + plane] + 0.114 * chip[i + 2 * plane];
        }
        return (float) (sum / plane);
    }
}
