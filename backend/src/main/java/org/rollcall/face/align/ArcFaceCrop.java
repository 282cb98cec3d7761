package org.rollcall.face.align;

import org.rollcall.face.FaceCrop;
import org.rollcall.face.model.Similarity;

/**
 * The 112x112 crop ArcFace-trained networks (MobileFaceNet) read, cut from a {@link FaceCrop}: the similarity
 * transform that puts dlib's template eye centres and nose onto the ArcFace template. dlib's fifth point is the bottom
 * of the nose, not its tip, so it goes onto the template's nose tip moved down by {@link #NOSE_DROP} pixels (measured:
 * clearly better than the eyes alone). Cut from the stored crop, the same pixels serve the first embedding and any
 * re-embedding later.
 */
public final class ArcFaceCrop {

    public static final int SIZE = 112;
    static final double NOSE_DROP = 6.83;
    /** ArcFace's template: eye on the image's left, eye on the image's right, nose tip. */
    private static final double[] ARCFACE = {38.2946, 51.6963, 73.5318, 51.5014, 56.0252, 71.7366 + NOSE_DROP};

    /** ArcFace crop pixel to crop pixel, for a crop of {@link FaceCrop#SIZE}. */
    private static final Similarity TO_CROP = toCrop();

    private ArcFaceCrop() {}

    private static Similarity toCrop() {
        double[] t = FaceAligner.TEMPLATE;
        double[] crop = new double[6];
        double[][] points = {
            {(t[4] + t[6]) / 2, (t[5] + t[7]) / 2}, {(t[0] + t[2]) / 2, (t[1] + t[3]) / 2}, {t[8], t[9]}
        };
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 2; k++) {
                double chip = (FaceAligner.PADDING + points[i][k]) / (2 * FaceAligner.PADDING + 1) * FaceCrop.CHIP;
                crop[2 * i + k] = chip + FaceCrop.MARGIN;
            }
        }
        return Similarity.fit(ARCFACE, crop);
    }

    /**
     * The crop as MobileFaceNet reads it: RGB planes, {@code (v - 127.5) / 128}, written at {@code offset} of
     * {@code out} (3 x 112 x 112 floats); mirrored left to right when asked (flip augmentation).
     */
    public static void write(FaceCrop crop, float[] out, int offset, boolean mirror) {
        if (crop.size() != FaceCrop.SIZE) {
            throw new IllegalArgumentException("Expected a crop of " + FaceCrop.SIZE + " px, got " + crop.size());
        }
        byte[] rgb = crop.rgb();
        int n = crop.size();
        int plane = SIZE * SIZE;
        // ~1.5 crop pixels per output pixel: average 2x2 bilinear samples so the shrink does not alias
        int grid = 2;
        for (int r = 0; r < SIZE; r++) {
            for (int c = 0; c < SIZE; c++) {
                float red = 0, green = 0, blue = 0;
                for (int gy = 0; gy < grid; gy++) {
                    double v = r + (gy + 0.5) / grid - 0.5;
                    for (int gx = 0; gx < grid; gx++) {
                        double u = c + (gx + 0.5) / grid - 0.5;
                        double x = Math.min(Math.max(TO_CROP.x(u, v), 0), n - 1);
                        double y = Math.min(Math.max(TO_CROP.y(u, v), 0), n - 1);
                        int x0 = (int) x, y0 = (int) y;
                        int x1 = Math.min(x0 + 1, n - 1), y1 = Math.min(y0 + 1, n - 1);
                        float fx = (float) (x - x0), fy = (float) (y - y0);
                        int p00 = 3 * (y0 * n + x0),
                                p01 = 3 * (y0 * n + x1),
                                p10 = 3 * (y1 * n + x0),
                                p11 = 3 * (y1 * n + x1);
                        float w00 = (1 - fx) * (1 - fy), w01 = fx * (1 - fy), w10 = (1 - fx) * fy, w11 = fx * fy;
                        red += w00 * (rgb[p00] & 0xFF)
                                + w01 * (rgb[p01] & 0xFF)
                                + w10 * (rgb[p10] & 0xFF)
                                + w11 * (rgb[p11] & 0xFF);
                        green += w00 * (rgb[p00 + 1] & 0xFF)
                                + w01 * (rgb[p01 + 1] & 0xFF)
                                + w10 * (rgb[p10 + 1] & 0xFF)
                                + w11 * (rgb[p11 + 1] & 0xFF);
                        blue += w00 * (rgb[p00 + 2] & 0xFF)
                                + w01 * (rgb[p01 + 2] & 0xFF)
                                + w10 * (rgb[p10 + 2] & 0xFF)
                                + w11 * (rgb[p11 + 2] & 0xFF);
                    }
                }
                float samples = grid * grid;
                int o = offset + r * SIZE + (mirror ? SIZE - 1 - c : c);
                out[o] = (red / samples - 127.5f) / 128f;
                out[o + plane] = (green / samples - 127.5f) / 128f;
                out[o + 2 * plane] = (blue / samples - 127.5f) / 128f;
            }
        }
    }
}
