package org.rollcall.face.align;

import org.rollcall.face.FaceCrop;
import org.rollcall.face.image.RgbImage;
import org.rollcall.face.model.Similarity;

/**
 * The 112x112 crop ArcFace-trained networks (MobileFaceNet) read, cut from a {@link FaceCrop} by the similarity
 * transform that puts the five points {@link FivePoints} finds on the crop onto ArcFace's template. Cut from the
 * stored crop, the same pixels serve the first embedding and any re-embedding later.
 */
public final class ArcFaceCrop {

    public static final int SIZE = 112;
    /** ArcFace's template, in {@link FivePoints}' order: the eyes, the nose tip, the mouth corners. */
    private static final double[] ARCFACE = {
        38.2946, 51.6963, 73.5318, 51.5014, 56.0252, 71.7366, 41.5493, 92.3655, 70.7299, 92.2041
    };

    private ArcFaceCrop() {}

    /** ArcFace crop pixel to crop pixel, from the five points on the crop. */
    public static Similarity toCrop(double[] fivePoints) {
        return Similarity.fit(ARCFACE, fivePoints);
    }

    /**
     * The crop as MobileFaceNet reads it: RGB planes, {@code (v - 127.5) / 128}, written at {@code offset} of
     * {@code out} (3 x 112 x 112 floats).
     */
    public static void write(FaceCrop crop, Similarity toCrop, float[] out, int offset) {
        if (crop.size() != FaceCrop.SIZE) {
            throw new IllegalArgumentException("Expected a crop of " + FaceCrop.SIZE + " px, got " + crop.size());
        }
        RgbImage image = crop.pixels();
        int plane = SIZE * SIZE;
        // ~1.5 crop pixels per output pixel: average 2x2 bilinear samples so the shrink does not alias
        int grid = 2;
        float[] sum = new float[3];
        for (int r = 0; r < SIZE; r++) {
            for (int c = 0; c < SIZE; c++) {
                sum[0] = 0;
                sum[1] = 0;
                sum[2] = 0;
                for (int gy = 0; gy < grid; gy++) {
                    double v = r + (gy + 0.5) / grid - 0.5;
                    for (int gx = 0; gx < grid; gx++) {
                        double u = c + (gx + 0.5) / grid - 0.5;
                        image.addBilinear(toCrop.x(u, v), toCrop.y(u, v), sum);
                    }
                }
                float samples = grid * grid;
                int o = offset + r * SIZE + c;
                out[o] = (sum[0] / samples - 127.5f) / 128f;
                out[o + plane] = (sum[1] / samples - 127.5f) / 128f;
                out[o + 2 * plane] = (sum[2] / samples - 127.5f) / 128f;
            }
        }
    }
}
