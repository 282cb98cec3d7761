package org.rollcall.face;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.rollcall.face.onnx.OnnxGraph;
import org.rollcall.face.onnx.OnnxGraph.Attribute;
import org.rollcall.face.onnx.OnnxRuntimeLoader;

/**
 * Matches probe faces against a gallery: the dot product of every probe with every enrolled embedding (one SGEMM in
 * ONNX Runtime), put on the recogniser's score scale, reduced to the best score per subject and the two best subjects per probe, then a one-to-one
 * assignment that accepts a probe only above the threshold, with the margin over its second-best subject, and only
 * if the face is not too small. Below {@code smallFacePx} between the eyes the threshold rises linearly, reaching
 * {@code smallFaceThreshold} at the minimum size: a small face carries less detail, so a look-alike scores closer to
 * a student there (calibrated on composed class photos, see face-defaults.properties). Greedy by score: when two
 * faces want the same subject, the stronger one gets it and the other stays unknown (a face cannot mark two
 * subjects, nor a subject be marked by two faces).
 */
final class OneToOneMatcher implements AutoCloseable {

    private final float threshold;
    private final float margin;
    private final float minInterOcularPx;
    private final float smallFacePx;
    private final float smallFaceThreshold;
    private final ScoreScale scale;
    private final OrtEnvironment env;
    private final OrtSession session;

    /**
     * The matcher's score from the dot product of two embeddings: {@code scale * dot + offset}. One recogniser scores
     * by the cosine itself; the fused embedding's dot product is a weighted mean of the two cosines, which this turns
     * into the sum of standardised cosines that thresholds are calibrated on.
     */
    record ScoreScale(float scale, float offset) {

        static final ScoreScale COSINE = new ScoreScale(1, 0);

        float of(float dot) {
            return scale * dot + offset;
        }

        /** The score of a probe embedding against an enrolled one. */
        float score(float[] probe, float[] enrolled) {
            if (probe.length != enrolled.length) {
                throw new IllegalArgumentException(
                        "Embeddings of lengths " + probe.length + " and " + enrolled.length + " cannot be compared");
            }
            float dot = 0;
            for (int i = 0; i < probe.length; i++) {
                dot += probe[i] * enrolled[i];
            }
            return of(dot);
        }
    }

    /** Attendance's matcher: the configured recogniser's thresholds, with the small-face rise. */
    static OneToOneMatcher forMarking(FaceEngineSettings settings, ScoreScale scale, OrtEnvironment env) {
        FaceEngineSettings.Matching m = settings.matching();
        FaceEngineSettings.Scores s = settings.scores();
        return new OneToOneMatcher(
                s.threshold(),
                s.margin(),
                m.minInterOcularPx(),
                m.smallFacePx(),
                s.smallFaceThreshold(),
                scale,
                env,
                settings.threads());
    }

    /**
     * Enrolment's search for a student already enrolled: the lower duplicate threshold, and no small-face rise since
     * enrolment faces are never small (enrol-min-inter-ocular-px).
     */
    static OneToOneMatcher forDuplicates(FaceEngineSettings settings, ScoreScale scale, OrtEnvironment env) {
        FaceEngineSettings.Scores s = settings.scores();
        return new OneToOneMatcher(
                s.duplicateThreshold(),
                s.margin(),
                settings.matching().minInterOcularPx(),
                0,
                s.duplicateThreshold(),
                scale,
                env,
                1);
    }

    OneToOneMatcher(
            float threshold,
            float margin,
            float minInterOcularPx,
            float smallFacePx,
            float smallFaceThreshold,
            ScoreScale scale,
            OrtEnvironment env,
            int threads) {
        this.scale = scale;
        this.threshold = threshold;
        this.margin = margin;
        this.minInterOcularPx = minInterOcularPx;
        this.smallFacePx = smallFacePx;
        this.smallFaceThreshold = smallFaceThreshold;
        this.env = env;
        this.session = OnnxRuntimeLoader.session(env, scoringModel(), threads);
    }

    /**
     * probes [P, D] x gallery [S*M, D] transposed -> reshape [P, S, M] -> max over M -> top-k (k = 1 or 2) over S: the best
     * and second-best subject score of each probe, and which subjects they are.
     */
    private static byte[] scoringModel() {
        OnnxGraph g = new OnnxGraph("one_to_one_scores");
        g.input("probes", -1, -1);
        g.input("gallery", -1, -1);
        g.inputLongs("grouping", 3);
        g.inputLongs("k", 1);
        String scores = g.node("Gemm", List.of("probes", "gallery"), Attribute.integer("transB", 1));
        String grouped = g.node("Reshape", List.of(scores, "grouping"));
        String perSubject =
                g.node("ReduceMax", List.of(grouped), Attribute.ints("axes", 2), Attribute.integer("keepdims", 0));
        g.nodeWithOutputs(
                "TopK", List.of(perSubject, "k"), List.of("top_scores", "top_subjects"), Attribute.integer("axis", -1));
        g.output("top_scores", -1, -1);
        g.outputLongs("top_subjects", -1, -1);
        return g.toBytes();
    }

    <K> List<Assignment<K>> match(List<DetectedFace> probes, Gallery<K> gallery) {
        int n = probes.size();
        int subjects = gallery.subjects().size();
        float[] top = new float[n];
        float[] second = new float[n];
        int[] bestSubject = new int[n];
        java.util.Arrays.fill(top, -1);
        java.util.Arrays.fill(second, -1);
        java.util.Arrays.fill(bestSubject, -1);
        if (n > 0 && subjects > 0) {
            score(probes, gallery, top, second, bestSubject);
        }
        List<Integer> candidates = new ArrayList<>();
        for (int p = 0; p < n; p++) {
            float interOcularPx = probes.get(p).quality().interOcularPx();
            boolean bigEnough = interOcularPx >= minInterOcularPx;
            if (bestSubject[p] >= 0
                    && bigEnough
                    && top[p] >= thresholdFor(interOcularPx)
                    && top[p] - second[p] >= margin) {
                candidates.add(p);
            }
        }
        candidates.sort((a, b) -> Float.compare(top[b], top[a]));
        boolean[] taken = new boolean[subjects];
        List<K> accepted = new ArrayList<>(Collections.nCopies(n, null));
        for (int p : candidates) {
            if (!taken[bestSubject[p]]) {
                taken[bestSubject[p]] = true;
                accepted.set(p, gallery.subjects().get(bestSubject[p]));
            }
        }
        List<Assignment<K>> result = new ArrayList<>(n);
        for (int p = 0; p < n; p++) {
            result.add(new Assignment<>(p, accepted.get(p), top[p], second[p]));
        }
        return result;
    }

    /** The threshold for a face this many pixels between the eyes: never below the plain threshold. */
    float thresholdFor(float interOcularPx) {
        if (interOcularPx >= smallFacePx || smallFacePx <= minInterOcularPx) {
            return threshold;
        }
        float shortfall = Math.min(1f, (smallFacePx - interOcularPx) / (smallFacePx - minInterOcularPx));
        return Math.max(threshold, threshold + shortfall * (smallFaceThreshold - threshold));
    }

    private void score(List<DetectedFace> probes, Gallery<?> gallery, float[] top, float[] second, int[] best) {
        int n = probes.size();
        int dim = gallery.dim();
        float[] q = new float[n * dim];
        for (int p = 0; p < n; p++) {
            float[] e = probes.get(p).embedding();
            if (e.length != dim) {
                throw new IllegalArgumentException("Probe embeddings of length " + e.length
                        + " cannot be compared with a gallery of length " + dim);
            }
            System.arraycopy(e, 0, q, p * dim, dim);
        }
        int subjects = gallery.subjects().size();
        int k = Math.min(2, subjects);
        long columns = (long) subjects * gallery.perSubject();
        try (OnnxTensor probesT = OnnxTensor.createTensor(env, FloatBuffer.wrap(q), new long[] {n, dim});
                OnnxTensor galleryT = OnnxTensor.createTensor(env, gallery.matrix(), new long[] {columns, dim});
                OnnxTensor grouping = OnnxTensor.createTensor(
                        env, LongBuffer.wrap(new long[] {n, subjects, gallery.perSubject()}), new long[] {3});
                OnnxTensor kT = OnnxTensor.createTensor(env, LongBuffer.wrap(new long[] {k}), new long[] {1});
                OrtSession.Result result =
                        session.run(Map.of("probes", probesT, "gallery", galleryT, "grouping", grouping, "k", kT))) {
            float[][] scores =
                    (float[][]) result.get("top_scores").orElseThrow().getValue();
            long[][] indices =
                    (long[][]) result.get("top_subjects").orElseThrow().getValue();
            for (int p = 0; p < n; p++) {
                top[p] = scale.of(scores[p][0]);
                best[p] = (int) indices[p][0];
                second[p] = scale.of(k > 1 ? scores[p][1] : -1);
            }
        } catch (OrtException e) {
            throw new IllegalStateException("Matching failed", e);
        }
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
