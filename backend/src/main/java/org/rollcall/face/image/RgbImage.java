package org.rollcall.face.image;

/** An upright image as packed 0xRRGGBB pixels, row by row. */
public record RgbImage(int width, int height, int[] pixels) {

    public int rgb(int x, int y) {
        return pixels[y * width + x];
    }

    /** dlib's grey level: the integer mean of R, G and B; -1 outside the image. */
    public int grey(int x, int y) {
        if (x < 0 || y < 0 || x >= width || y >= height) {
            return -1;
        }
        int p = pixels[y * width + x];
        return (((p >> 16) & 0xFF) + ((p >> 8) & 0xFF) + (p & 0xFF)) / 3;
    }

    /** Adds the bilinear sample (R, G, B) at a real position to {@code rgb}; outside positions clamp to the border. */
    public void addBilinear(double x, double y, float[] rgb) {
        double cx = Math.min(Math.max(x, 0), width - 1);
        double cy = Math.min(Math.max(y, 0), height - 1);
        int x0 = (int) cx;
        int y0 = (int) cy;
        int x1 = Math.min(x0 + 1, width - 1);
        int y1 = Math.min(y0 + 1, height - 1);
        float fx = (float) (cx - x0);
        float fy = (float) (cy - y0);
        float w00 = (1 - fx) * (1 - fy);
        float w01 = fx * (1 - fy);
        float w10 = (1 - fx) * fy;
        float w11 = fx * fy;
        int p00 = pixels[y0 * width + x0];
        int p01 = pixels[y0 * width + x1];
        int p10 = pixels[y1 * width + x0];
        int p11 = pixels[y1 * width + x1];
        for (int c = 0, shift = 16; c < 3; c++, shift -= 8) {
            rgb[c] += w00 * ((p00 >> shift) & 0xFF)
                    + w01 * ((p01 >> shift) & 0xFF)
                    + w10 * ((p10 >> shift) & 0xFF)
                    + w11 * ((p11 >> shift) & 0xFF);
        }
    }

    /** This image in the middle of a larger one, {@code border} pixels of {@code fill} on every side. */
    public RgbImage padded(int border, int fill) {
        int w = width + 2 * border;
        int h = height + 2 * border;
        int[] out = new int[w * h];
        java.util.Arrays.fill(out, fill);
        for (int y = 0; y < height; y++) {
            System.arraycopy(pixels, y * width, out, (y + border) * w + border, width);
        }
        return new RgbImage(w, h, out);
    }
}
