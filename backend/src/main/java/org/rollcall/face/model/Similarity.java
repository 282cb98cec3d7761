package org.rollcall.face.model;

/**
 * The least-squares similarity transform {@code to = [a -b; b a] from + (tx, ty)} between two point sets given as
 * (x0, y0, x1, y1, ...): dlib's find_similarity_transform for 2-D points (rotation, uniform scale, translation).
 */
public record Similarity(double a, double b, double tx, double ty) {

    public static Similarity fit(double[] from, double[] to) {
        int n = from.length / 2;
        double mfx = 0, mfy = 0, mtx = 0, mty = 0;
        for (int i = 0; i < n; i++) {
            mfx += from[2 * i];
            mfy += from[2 * i + 1];
            mtx += to[2 * i];
            mty += to[2 * i + 1];
        }
        mfx /= n;
        mfy /= n;
        mtx /= n;
        mty /= n;
        double sa = 0, sb = 0, norm = 0;
        for (int i = 0; i < n; i++) {
            double fx = from[2 * i] - mfx;
            double fy = from[2 * i + 1] - mfy;
            double tx = to[2 * i] - mtx;
            double ty = to[2 * i + 1] - mty;
            sa += fx * tx + fy * ty;
            sb += fx * ty - fy * tx;
            norm += fx * fx + fy * fy;
        }
        double a = sa / norm;
        double b = sb / norm;
        return new Similarity(a, b, mtx - (a * mfx - b * mfy), mty - (b * mfx + a * mfy));
    }

    public double x(double x, double y) {
        return a * x - b * y + tx;
    }

    public double y(double x, double y) {
        return b * x + a * y + ty;
    }

    public double scale() {
        return Math.hypot(a, b);
    }

    public double angle() {
        return Math.atan2(b, a);
    }
}
