package org.rollcall.face.match;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.rollcall.face.Assignment;
import org.rollcall.face.DetectedFace;
import org.rollcall.face.GalleryEntry;

/**
 * Matches probe faces against a gallery: a cosine matrix (probes x enrolled embeddings), reduced to the best score
 * per subject, then a one-to-one assignment that accepts a probe only above the threshold, with the margin over its
 * second-best subject, and only if the face is not too small. Greedy by score: when two faces want the same
 * subject, the stronger one gets it and the other stays unknown (a face cannot mark two subjects, nor a subject be
 * marked by two faces).
 */
public final class OneToOneMatcher {

    private final float threshold;
    private final float margin;
    private final float minInterOcularPx;

    public OneToOneMatcher(float threshold, float margin, float minInterOcularPx) {
        this.threshold = threshold;
        this.margin = margin;
        this.minInterOcularPx = minInterOcularPx;
    }

    public <K> List<Assignment<K>> match(List<DetectedFace> probes, List<GalleryEntry<K>> gallery) {
        Map<K, Integer> subjectIndex = new HashMap<>();
        List<K> subjects = new ArrayList<>();
        int[] subjectOf = new int[gallery.size()];
        int dim = probes.isEmpty() ? 0 : probes.get(0).embedding().length;
        float[] matrix = new float[gallery.size() * dim];
        for (int j = 0; j < gallery.size(); j++) {
            GalleryEntry<K> entry = gallery.get(j);
            subjectOf[j] = subjectIndex.computeIfAbsent(entry.subject(), k -> {
                subjects.add(k);
                return subjects.size() - 1;
            });
            if (entry.embedding().length != dim) {
                throw new IllegalArgumentException("Gallery embedding of length " + entry.embedding().length
                        + " cannot be compared with probes of length " + dim);
            }
            System.arraycopy(entry.embedding(), 0, matrix, j * dim, dim);
        }
        float[][] bestPerSubject = CosineScores.maxPerSubject(probes, matrix, dim, subjectOf, subjects.size());

        int[] bestSubject = new int[probes.size()];
        float[] best = new float[probes.size()];
        float[] second = new float[probes.size()];
        List<Integer> candidates = new ArrayList<>();
        for (int p = 0; p < probes.size(); p++) {
            float b = -1;
            float s = -1;
            int bi = -1;
            for (int k = 0; k < subjects.size(); k++) {
                float v = bestPerSubject[p][k];
                if (v > b) {
                    s = b;
                    b = v;
                    bi = k;
                } else if (v > s) {
                    s = v;
                }
            }
            bestSubject[p] = bi;
            best[p] = b;
            second[p] = s;
            boolean bigEnough = probes.get(p).quality().interOcularPx() >= minInterOcularPx;
            if (bi >= 0 && bigEnough && b >= threshold && b - s >= margin) {
                candidates.add(p);
            }
        }
        candidates.sort((a, b) -> Float.compare(best[b], best[a]));
        boolean[] taken = new boolean[subjects.size()];
        Object[] accepted = new Object[probes.size()];
        for (int p : candidates) {
            if (!taken[bestSubject[p]]) {
                taken[bestSubject[p]] = true;
                accepted[p] = subjects.get(bestSubject[p]);
            }
        }
        List<Assignment<K>> result = new ArrayList<>(probes.size());
        for (int p = 0; p < probes.size(); p++) {
            @SuppressWarnings("unchecked")
            K subject = (K) accepted[p];
            result.add(new Assignment<>(p, subject, best[p], second[p]));
        }
        return result;
    }

    /** The cosine kernel, kept apart so its loop shape stays friendly to the JIT's vectoriser. */
    static final class CosineScores {

        private CosineScores() {
        }

        static float[][] maxPerSubject(List<DetectedFace> probes, float[] matrix, int dim, int[] subjectOf,
                                       int subjectCount) {
            int n = subjectOf.length;
            float[][] out = new float[probes.size()][subjectCount];
            for (float[] row : out) {
                Arrays.fill(row, -1);
            }
            for (int p = 0; p < probes.size(); p++) {
                float[] q = probes.get(p).embedding();
                float[] row = out[p];
                for (int j = 0; j < n; j++) {
                    float dot = dot(q, matrix, j * dim, dim);
                    int s = subjectOf[j];
                    if (dot > row[s]) {
                        row[s] = dot;
                    }
                }
            }
            return out;
        }

        private static float dot(float[] q, float[] m, int offset, int dim) {
            float a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0;
            int i = 0;
            for (; i + 7 < dim; i += 8) {
                a0 += q[i] * m[offset + i];
                a1 += q[i + 1] * m[offset + i + 1];
                a2 += q[i + 2] * m[offset + i + 2];
                a3 += q[i + 3] * m[offset + i + 3];
                a4 += q[i + 4] * m[offset + i + 4];
                a5 += q[i + 5] * m[offset + i + 5];
                a6 += q[i + 6] * m[offset + i + 6];
                a7 += q[i + 7] * m[offset + i + 7];
            }
            for (; i < dim; i++) {
                a0 += q[i] * m[offset + i];
            }
            return ((a0 + a1) + (a2 + a3)) + ((a4 + a5) + (a6 + a7));
        }
    }
}
