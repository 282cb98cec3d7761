package org.rollcall.face.model;

/**
 * dlib's ensemble-of-regression-trees landmark predictor (Kazemi &amp; Sullivan), read from dlib's {@code .dat} and
 * run in Java. For {@code shape_predictor_5_face_landmarks.dat} the points are: 0 outer and 1 inner corner of the
 * eye on the image's right, 2 outer and 3 inner corner of the eye on the image's left, 4 the bottom of the nose.
 * Thread-safe: the model is immutable.
 */
public final class ShapePredictor {

    /** Grey level (0..255) at an integer pixel, or a negative value outside the image. */
    @FunctionalInterface
    public interface Pixels {
        int grey(int x, int y);
    }

    private final float[] initialShape;
    private final Tree[][] forests;
    private final int[][] anchors;
    private final float[][] deltas;

    private ShapePredictor(float[] initialShape, Tree[][] forests, int[][] anchors, float[][] deltas) {
        this.initialShape = initialShape;
        this.forests = forests;
        this.anchors = anchors;
        this.deltas = deltas;
    }

    public static ShapePredictor read(byte[] dat) {
        DlibReader in = new DlibReader(dat);
        if (in.readInt() != 1) {
            throw new IllegalArgumentException("Not a dlib shape predictor");
        }
        float[] initial = readColumn(in);
        Tree[][] forests = new Tree[in.readInt()][];
        for (int c = 0; c < forests.length; c++) {
            forests[c] = new Tree[in.readInt()];
            for (int t = 0; t < forests[c].length; t++) {
                int splitCount = in.readInt();
                int[] idx1 = new int[splitCount];
                int[] idx2 = new int[splitCount];
                float[] thresh = new float[splitCount];
                for (int s = 0; s < splitCount; s++) {
                    idx1[s] = in.readInt();
                    idx2[s] = in.readInt();
                    thresh[s] = in.readFloat();
                }
                float[][] leaves = new float[in.readInt()][];
                for (int l = 0; l < leaves.length; l++) {
                    leaves[l] = readColumn(in);
                }
                forests[c][t] = new Tree(idx1, idx2, thresh, leaves);
            }
        }
        int[][] anchors = new int[in.readInt()][];
        for (int c = 0; c < anchors.length; c++) {
            anchors[c] = new int[in.readInt()];
            for (int i = 0; i < anchors[c].length; i++) {
                anchors[c][i] = in.readInt();
            }
        }
        float[][] deltas = new float[in.readInt()][];
        for (int c = 0; c < deltas.length; c++) {
            deltas[c] = new float[in.readInt() * 2];
            for (int i = 0; i < deltas[c].length; i++) {
                deltas[c][i] = in.readFloat();
            }
        }
        if (anchors.length != forests.length || deltas.length != forests.length) {
            throw new IllegalArgumentException("Inconsistent shape predictor cascade");
        }
        return new ShapePredictor(initial, forests, anchors, deltas);
    }

    public int pointCount() {
        return initialShape.length / 2;
    }

    /** The mean shape in box-normalised coordinates (x0, y0, x1, y1, ...), 0..1 across the box. */
    public float[] meanShape() {
        return initialShape.clone();
    }

    /**
     * Runs the cascade for the face in the box (left, top, size x size, in the coordinates {@code pixels} uses) and
     * returns the points (x0, y0, x1, y1, ...) in the same coordinates.
     */
    public float[] predict(Pixels pixels, double left, double top, double size) {
        float[] shape = initialShape.clone();
        int[] features = new int[0];
        for (int c = 0; c < forests.length; c++) {
            int[] anchor = anchors[c];
            float[] delta = deltas[c];
            if (features.length != anchor.length) {
                features = new int[anchor.length];
            }
            double[] m = similarity2x2(initialShape, shape);
            for (int i = 0; i < anchor.length; i++) {
                double dx = delta[2 * i];
                double dy = delta[2 * i + 1];
                double nx = m[0] * dx + m[1] * dy + shape[2 * anchor[i]];
                double ny = m[2] * dx + m[3] * dy + shape[2 * anchor[i] + 1];
                int px = (int) Math.round(left + nx * (size - 1));
                int py = (int) Math.round(top + ny * (size - 1));
                int v = pixels.grey(px, py);
                features[i] = Math.max(v, 0);
            }
            for (Tree tree : forests[c]) {
                float[] leaf = tree.leaf(features);
                for (int k = 0; k < shape.length; k++) {
                    shape[k] += leaf[k];
                }
            }
        }
        float[] points = new float[shape.length];
        for (int i = 0; i < shape.length; i += 2) {
            points[i] = (float) (left + shape[i] * (size - 1));
            points[i + 1] = (float) (top + shape[i + 1] * (size - 1));
        }
        return points;
    }

    /** The 2x2 part of the least-squares similarity transform taking shape {@code from} onto shape {@code to}. */
    private static double[] similarity2x2(float[] from, float[] to) {
        double[] f = new double[from.length];
        double[] t = new double[to.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = from[i];
            t[i] = to[i];
        }
        Similarity s = Similarity.fit(f, t);
        return new double[] {s.a(), -s.b(), s.b(), s.a()};
    }

    private static float[] readColumn(DlibReader in) {
        long rows = Math.abs(in.readLong());
        long cols = Math.abs(in.readLong());
        float[] values = new float[Math.toIntExact(rows * cols)];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readFloat();
        }
        return values;
    }

    private record Tree(int[] idx1, int[] idx2, float[] thresh, float[][] leaves) {
        float[] leaf(int[] features) {
            int i = 0;
            while (i < thresh.length) {
                i = features[idx1[i]] - features[idx2[i]] > thresh[i] ? 2 * i + 1 : 2 * i + 2;
            }
            return leaves[i - thresh.length];
        }
    }
}
