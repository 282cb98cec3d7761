package org.rollcall.face.embed;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rollcall.face.FaceCrop;
import org.rollcall.face.FaceEngineSettings.Recognition;
import org.rollcall.face.FaceEngineSettings.Standardisation;
import org.rollcall.face.Recogniser;
import org.rollcall.face.align.ArcFaceCrop;
import org.rollcall.face.align.FaceAligner;
import org.rollcall.face.align.FivePoints;
import org.rollcall.face.model.DlibResnetConverter;
import org.rollcall.face.model.FaceModels;
import org.rollcall.face.model.Similarity;
import org.rollcall.face.model.TfliteConverter;
import org.rollcall.face.onnx.OnnxRuntimeLoader;

/**
 * The embed step: aligned face crops in, one L2-normalised vector per face out, from dlib's ResNet (128-d, on dlib's
 * 150-px chip), MobileFaceNet (192-d, on the ArcFace 112-px crop aligned on O-Net's five points) or both. Each
 * network's outputs over a face's views (and their mirror images with flip augmentation) are summed and normalised.
 *
 * <p>The fused vector is {@code [sqrt(k) d, sqrt(1-k) m]} for the two unit vectors d and m, so it is a unit vector too
 * and the dot product of two fused vectors is {@code k cos_dlib + (1-k) cos_mfn}: with
 * {@code a_i = weight_i / impostorStd_i} and {@code k = a_dlib / (a_dlib + a_mfn)}, the matcher turns it into the sum
 * of standardised cosines {@code sum_i weight_i (cos_i - impostorMean_i) / impostorStd_i} by one scale and offset
 * ({@link #scoreScale()}). Matching stays one matrix product over one vector per face.
 */
public final class FaceEmbedder implements AutoCloseable {

    private static final String DLIB_ID = "dlib-resnet-v1/sp5-chip150-p0.25";
    private static final String MFN_ID = "mobilefacenet-9925/arcface112-onet5";
    /** Multiply-adds of one crop through each network, counted from the files' convolutions. */
    private static final long DLIB_MULTIPLY_ADDS = 270_821_376;

    private static final long MFN_MULTIPLY_ADDS = 234_105_344;
    /** O-Net, once per crop whatever the views. */
    private static final long ONET_MULTIPLY_ADDS = 12_909_952;

    private static final int DLIB_DIM = 128;
    private static final int MFN_DIM = 192;

    private final Recognition settings;
    private final OrtEnvironment env;
    private final OrtSession resnet;
    private final OrtSession mobileFaceNet;
    private final FivePoints fivePoints;
    private final float dlibShare;

    public FaceEmbedder(OrtEnvironment env, Recognition settings) {
        this.settings = settings;
        this.env = env;
        Recogniser r = settings.recogniser();
        this.resnet = r.usesDlib()
                ? OnnxRuntimeLoader.session(env, DlibResnetConverter.toOnnx(FaceModels.read(FaceModels.RESNET)), 1)
                : null;
        this.mobileFaceNet = r.usesMobileFaceNet()
                ? OnnxRuntimeLoader.session(
                        env, TfliteConverter.toOnnx(FaceModels.read(FaceModels.MOBILEFACENET), "image", "embedding"), 1)
                : null;
        this.fivePoints = r.usesMobileFaceNet() ? new FivePoints(env) : null;
        double a = settings.dlib().weight() / settings.dlib().impostorStd();
        double b = settings.mobileFaceNet().weight() / settings.mobileFaceNet().impostorStd();
        this.dlibShare = switch (r) {
            case DLIB -> 1;
            case MOBILEFACENET -> 0;
            case FUSED -> (float) (a / (a + b));
        };
    }

    /**
     * Names the networks, their inputs and, fused, the share of each: vectors of different ids are not comparable.
     * "+flip" says enrolment vectors average the mirror images too; class-photo faces may be embedded without them
     * and still compare.
     */
    public String modelId() {
        String flip = settings.flip() ? "+flip" : "";
        return switch (settings.recogniser()) {
            case DLIB -> DLIB_ID + flip;
            case MOBILEFACENET -> MFN_ID + flip;
            case FUSED -> String.format(Locale.ROOT, "fused/dlib-v1+mfn-9925-onet5/k%.4f%s", dlibShare, flip);
        };
    }

    /**
     * {@code score = scale * dot + offset}: the plain cosine for one network, the sum of standardised cosines fused.
     */
    public float[] scoreScale() {
        if (settings.recogniser() != Recogniser.FUSED) {
            return new float[] {1, 0};
        }
        Standardisation d = settings.dlib();
        Standardisation m = settings.mobileFaceNet();
        double a = d.weight() / d.impostorStd();
        double b = m.weight() / m.impostorStd();
        // k cos_d + (1-k) cos_m with k = a / (a + b), times (a + b), is a cos_d + b cos_m
        return new float[] {(float) (a + b), (float) -(a * d.impostorMean() + b * m.impostorMean())};
    }

    /** The networks' multiply-adds for one face embedded in {@code views} views (2 with flip augmentation). */
    public long multiplyAddsPerFace(int views) {
        Recogniser r = settings.recogniser();
        return views * ((r.usesDlib() ? DLIB_MULTIPLY_ADDS : 0) + (r.usesMobileFaceNet() ? MFN_MULTIPLY_ADDS : 0))
                + (r.usesMobileFaceNet() ? ONET_MULTIPLY_ADDS : 0);
    }

    public int dimension() {
        return (settings.recogniser().usesDlib() ? DLIB_DIM : 0)
                + (settings.recogniser().usesMobileFaceNet() ? MFN_DIM : 0);
    }

    /**
     * One vector per face from its views, with the crops split into one batch per part of {@code inParallel} (one
     * intra-op thread per run beats two here).
     *
     */
    public float[][] embed(List<List<FaceCrop>> viewsPerFace, boolean flip, int batches, Parallel parallel) {
        List<FaceCrop> crops = new ArrayList<>();
        List<Integer> owner = new ArrayList<>();
        for (int f = 0; f < viewsPerFace.size(); f++) {
            for (FaceCrop crop : viewsPerFace.get(f)) {
                crops.add(crop);
                owner.add(f);
            }
        }
        int n = crops.size();
        int parts = Math.min(n, Math.max(1, batches));
        List<int[]> ranges = new ArrayList<>();
        for (int b = 0; b < parts; b++) {
            ranges.add(new int[] {b * n / parts, (b + 1) * n / parts});
        }
        List<float[][][]> results = parallel.map(ranges, r -> embedRange(crops, r[0], r[1], flip));
        float[][] dlib = new float[viewsPerFace.size()][DLIB_DIM];
        float[][] mfn = new float[viewsPerFace.size()][MFN_DIM];
        for (int b = 0; b < parts; b++) {
            float[][][] part = results.get(b);
            for (int i = 0; i < ranges.get(b)[1] - ranges.get(b)[0]; i++) {
                int face = owner.get(ranges.get(b)[0] + i);
                if (part[0] != null) {
                    add(dlib[face], part[0][i]);
                }
                if (part[1] != null) {
                    add(mfn[face], part[1][i]);
                }
            }
        }
        float[][] out = new float[viewsPerFace.size()][];
        for (int f = 0; f < out.length; f++) {
            out[f] = combine(dlib[f], mfn[f]);
        }
        return out;
    }

    /** The raw outputs for crops {@code from..to-1}: [dlib or null, mobilefacenet or null][crop][dim]. */
    public float[][][] embedRange(List<FaceCrop> crops, int from, int to, boolean flip) {
        return new float[][][] {
            resnet == null
                    ? null
                    : run(resnet, dlibInput(crops, from, to, flip), FaceCrop.CHIP, to - from, DLIB_DIM, flip),
            mobileFaceNet == null
                    ? null
                    : run(
                            mobileFaceNet,
                            mfnInput(crops, from, to, flip, fivePoints.of(crops, from, to)),
                            ArcFaceCrop.SIZE,
                            to - from,
                            MFN_DIM,
                            flip)
        };
    }

    private float[] combine(float[] dlib, float[] mfn) {
        return switch (settings.recogniser()) {
            case DLIB -> normalise(dlib);
            case MOBILEFACENET -> normalise(mfn);
            case FUSED -> {
                normalise(dlib);
                normalise(mfn);
                float[] v = new float[DLIB_DIM + MFN_DIM];
                float a = (float) Math.sqrt(dlibShare);
                float b = (float) Math.sqrt(1 - dlibShare);
                for (int i = 0; i < DLIB_DIM; i++) {
                    v[i] = a * dlib[i];
                }
                for (int i = 0; i < MFN_DIM; i++) {
                    v[DLIB_DIM + i] = b * mfn[i];
                }
                yield v;
            }
        };
    }

    private static float[] dlibInput(List<FaceCrop> crops, int from, int to, boolean flip) {
        int chip = 3 * FaceCrop.CHIP * FaceCrop.CHIP;
        int views = flip ? 2 : 1;
        float[] input = new float[(to - from) * views * chip];
        for (int i = from; i < to; i++) {
            float[] c = FaceAligner.dlibChip(crops.get(i));
            int slot = (i - from) * views;
            System.arraycopy(c, 0, input, slot * chip, chip);
            if (flip) {
                mirror(c, 0, input, (slot + 1) * chip, FaceCrop.CHIP);
            }
        }
        return input;
    }

    private static float[] mfnInput(List<FaceCrop> crops, int from, int to, boolean flip, double[][] points) {
        int chip = 3 * ArcFaceCrop.SIZE * ArcFaceCrop.SIZE;
        int views = flip ? 2 : 1;
        float[] input = new float[(to - from) * views * chip];
        for (int i = from; i < to; i++) {
            int slot = (i - from) * views;
            Similarity toCrop = ArcFaceCrop.toCrop(points[i - from]);
            ArcFaceCrop.write(crops.get(i), toCrop, input, slot * chip);
            if (flip) {
                mirror(input, slot * chip, input, (slot + 1) * chip, ArcFaceCrop.SIZE);
            }
        }
        return input;
    }

    /** Runs a network on NCHW chips; with flip augmentation each crop's two outputs are summed. */
    private float[][] run(OrtSession session, float[] input, int side, int count, int dim, boolean flip) {
        int views = flip ? 2 : 1;
        float[][] raw;
        try (OnnxTensor tensor = OnnxTensor.createTensor(
                        env, FloatBuffer.wrap(input), new long[] {(long) count * views, 3, side, side});
                OrtSession.Result result =
                        session.run(Map.of(session.getInputNames().iterator().next(), tensor))) {
            raw = (float[][]) result.get(0).getValue();
        } catch (OrtException e) {
            throw new IllegalStateException("Embedding failed", e);
        }
        float[][] out = new float[count][dim];
        for (int i = 0; i < count; i++) {
            for (int v = 0; v < views; v++) {
                add(out[i], raw[i * views + v]);
            }
        }
        return out;
    }

    private static void add(float[] sum, float[] x) {
        for (int k = 0; k < sum.length; k++) {
            sum[k] += x[k];
        }
    }

    private static void mirror(float[] chip, int from, float[] out, int offset, int n) {
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < n; y++) {
                int row = c * n * n + y * n;
                for (int x = 0; x < n; x++) {
                    out[offset + row + x] = chip[from + row + n - 1 - x];
                }
            }
        }
    }

    private static float[] normalise(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += x * x;
        }
        float inv = (float) (1 / Math.sqrt(Math.max(sum, 1e-12)));
        for (int i = 0; i < v.length; i++) {
            v[i] *= inv;
        }
        return v;
    }

    @Override
    public void close() throws OrtException {
        if (resnet != null) {
            resnet.close();
        }
        if (mobileFaceNet != null) {
            mobileFaceNet.close();
            fivePoints.close();
        }
    }
}
