package org.rollcall.face.detect;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.rollcall.face.FaceEngineSettings;
import org.rollcall.face.image.RgbImage;
import org.rollcall.face.model.FaceModels;
import org.rollcall.face.model.TfjsGraphConverter;
import org.rollcall.face.onnx.OnnxRuntimeLoader;

/**
 * MediaPipe BlazeFace ("back" model) on ONNX Runtime. The photo is seen through a square letterbox at the
 * network's native 256x256; large photos also get a second, zoomed look: the same fully convolutional network run
 * on the photo at half its resolution, keeping its aspect (e.g. 960x544 for a 1920x1080 photo, where its anchor
 * grids are 60x34 and 30x17), which finds faces several times smaller without the seams and overlaps of tiles.
 * Boxes only the zoomed look finds must be small and reach a stricter score. Overlaps are resolved by NMS.
 */
public final class BlazeFaceDetector implements AutoCloseable {

    public static final String INPUT = "input";
    public static final int SIZE = 256;
    /** Box side (in full-view network pixels) below which the full view is known to miss faces. */
    private static final float SMALL_IN_FULL_VIEW = 24;

    private static final long MULTIPLY_ADDS_PER_INPUT_PIXEL = 2880;

    private final OrtEnvironment env;
    private final OrtSession session;
    private final FaceEngineSettings.Detection settings;

    /** Converts Human's TFJS graph (input and output shapes left open: any input size) and opens its session. */
    public BlazeFaceDetector(OrtEnvironment env, FaceEngineSettings.Detection settings, int threads) {
        if (settings.smallFaceInputSize() % 32 != 0 || settings.smallFaceInputSize() < SIZE) {
            throw new IllegalArgumentException("The small-face input size must be a multiple of 32 and >= 256");
        }
        byte[] onnx = TfjsGraphConverter.toOnnx(
                FaceModels.read(FaceModels.BLAZEFACE_JSON),
                FaceModels.read(FaceModels.BLAZEFACE_BIN),
                INPUT,
                new long[] {-1, 3, -1, -1},
                Map.of(
                        "Identity",
                        new long[] {-1, -1, 1},
                        "Identity_1",
                        new long[] {-1, -1, 1},
                        "Identity_2",
                        new long[] {-1, -1, 16},
                        "Identity_3",
                        new long[] {-1, -1, 16}));
        this.env = env;
        this.session = OnnxRuntimeLoader.session(env, onnx, threads);
        this.settings = settings;
    }

    public List<Detection> detect(RgbImage image, boolean smallFacePass) {
        int longSide = Math.max(image.width(), image.height());
        List<Detection> fullFrame = fullView(image, 0);
        int[] zoomedInput = smallFacePass ? zoomedInput(image.width(), image.height()) : null;
        if (zoomedInput == null) {
            return fullFrame;
        }
        float step = zoomedStep(longSide);
        int inputW = zoomedInput[0];
        int inputH = zoomedInput[1];
        // a face the full view would have seen at a usable size but did not is not trusted from the zoomed view
        // (building facades and foliage produce large false boxes there)
        float fullViewScale = (float) SIZE / longSide;
        List<Detection> all = new ArrayList<>(fullFrame);
        List<Detection> zoomedView = run(image, 0, 0, step, inputW, inputH);
        for (Detection d : nms(zoomedView, Math.min(settings.minScore(), settings.smallFaceMinScore()))) {
            boolean confirmed = fullFrame.stream().anyMatch(f -> f.iou(d) > settings.nmsIou());
            boolean small = Math.max(d.width(), d.height()) * fullViewScale < SMALL_IN_FULL_VIEW;
            if (confirmed || small && d.score() >= settings.smallFaceMinScore()) {
                all.add(d);
            }
        }
        return nms(all, 0);
    }

    /** The zoomed look's input width and height for a photo of this size, or null when it gets none. */
    private int[] zoomedInput(int width, int height) {
        int longSide = Math.max(width, height);
        if (longSide < settings.smallFaceMinImageSide()) {
            return null;
        }
        float step = zoomedStep(longSide);
        // no letterbox here: the input keeps the photo's aspect (rounded up to the network's stride of 32)
        return new int[] {(int) Math.ceil(width / step / 32) * 32, (int) Math.ceil(height / step / 32) * 32};
    }

    /** Photo pixels per zoomed-input pixel. */
    private float zoomedStep(int longSide) {
        // half the photo's resolution (faces of ~40 px become ~20 px at the network), at least twice the full view
        int zoomed = Math.min(settings.smallFaceInputSize(), Math.max(2 * SIZE, (longSide / 2 + 31) / 32 * 32));
        return (float) longSide / zoomed;
    }

    /**
     * The network's multiply-adds for a class photo of this size: about 2880 per input pixel (counted from the
     * graph's convolutions: 189 M at 256 x 256, 1504 M at 960 x 544), for the full view and the zoomed look.
     */
    public long multiplyAdds(int width, int height) {
        int[] zoomed = zoomedInput(width, height);
        long pixels = (long) SIZE * SIZE + (zoomed == null ? 0 : (long) zoomed[0] * zoomed[1]);
        return MULTIPLY_ADDS_PER_INPUT_PIXEL * pixels;
    }

    /**
     * The full view of the image inside a mid-grey border {@code border} pixels wide, as if the camera had been
     * further away; boxes in the bordered image's pixels. The border is only sampled, never built (around a
     * 12-megapixel photo it would be 56 megapixels).
     */
    public List<Detection> detectInBorder(RgbImage image, int border) {
        return fullView(image, border);
    }

    /** The photo (with its border) letterboxed into the network's native 256 x 256. */
    private List<Detection> fullView(RgbImage image, int border) {
        int longSide = Math.max(image.width(), image.height()) + 2 * border;
        List<Detection> found = run(
                image,
                (image.width() - longSide) / 2f,
                (image.height() - longSide) / 2f,
                (float) longSide / SIZE,
                SIZE,
                SIZE);
        return nms(
                border == 0 ? found : found.stream().map(d -> d.shifted(border)).toList(), settings.minScore());
    }

    /**
     * Runs the network on the image region starting at (left, top), sampled every {@code step} image pixels into an
     * inputW x inputH input; returns every candidate above the lowest score threshold.
     */
    private List<Detection> run(RgbImage image, float left, float top, float step, int inputW, int inputH) {
        float[] pixels = new float[3 * inputW * inputH];
        fill(image, left, top, step, inputW, inputH, pixels);
        float minScore = Math.min(settings.minScore(), settings.smallFaceMinScore());
        float logitMin = (float) Math.log(minScore / (1 - minScore));
        List<Detection> found = new ArrayList<>();
        try (OnnxTensor tensor =
                        OnnxTensor.createTensor(env, FloatBuffer.wrap(pixels), new long[] {1, 3, inputH, inputW});
                OrtSession.Result result = session.run(Map.of(INPUT, tensor))) {
            // two anchor grids: stride 16 with 2 anchors per cell, stride 32 with 6; centres at (i + 0.5) * stride
            int[][] grids = {{16, 2}, {32, 6}};
            String[][] outputs = {{"Identity_out", "Identity_2_out"}, {"Identity_1_out", "Identity_3_out"}};
            for (int g = 0; g < 2; g++) {
                float[][] scores =
                        ((float[][][]) result.get(outputs[g][0]).orElseThrow().getValue())[0];
                float[][] boxes =
                        ((float[][][]) result.get(outputs[g][1]).orElseThrow().getValue())[0];
                int stride = grids[g][0];
                int perCell = grids[g][1];
                int columns = inputW / stride;
                for (int a = 0; a < scores.length; a++) {
                    float logit = scores[a][0];
                    if (logit < logitMin) {
                        continue;
                    }
                    int cell = a / perCell;
                    float ax = (cell % columns + 0.5f) * stride;
                    float ay = (cell / columns + 0.5f) * stride;
                    found.add(decode(boxes[a], ax, ay, logit, left, top, step));
                }
            }
            return found;
        } catch (OrtException e) {
            throw new IllegalStateException("BlazeFace inference failed", e);
        }
    }

    /** Regressors are offsets in input pixels from the anchor centre: box centre, size, then six keypoints. */
    private static Detection decode(float[] r, float ax, float ay, float logit, float left, float top, float scale) {
        float cx = left + (ax + r[0]) * scale;
        float cy = top + (ay + r[1]) * scale;
        float bw = r[2] * scale;
        float bh = r[3] * scale;
        float[] kp = new float[12];
        for (int k = 0; k < 6; k++) {
            kp[2 * k] = left + (ax + r[4 + 2 * k]) * scale;
            kp[2 * k + 1] = top + (ay + r[5 + 2 * k]) * scale;
        }
        float score = (float) (1 / (1 + Math.exp(-logit)));
        return new Detection(cx - bw / 2, cy - bh / 2, cx + bw / 2, cy + bh / 2, score, kp);
    }

    private List<Detection> nms(List<Detection> candidates, float minScore) {
        List<Detection> sorted = new ArrayList<>(
                candidates.stream().filter(d -> d.score() >= minScore).toList());
        sorted.sort(Comparator.comparing(Detection::score).reversed());
        List<Detection> kept = new ArrayList<>();
        for (Detection d : sorted) {
            if (kept.stream().noneMatch(k -> k.iou(d) > settings.nmsIou())) {
                kept.add(d);
            }
        }
        return kept;
    }

    /**
     * Writes the region sampled every {@code step} pixels from (left, top) as NCHW floats in [-1, 1]; outside the
     * image is 0 (mid grey). When shrinking by more than 1.5, each input pixel averages a small grid of samples.
     */
    private static void fill(RgbImage image, float left, float top, float step, int inputW, int inputH, float[] out) {
        int grid = step > 1.5f ? Math.min(4, (int) Math.ceil(step)) : 1;
        float sub = step / grid;
        int plane = inputW * inputH;
        int[] px = image.pixels();
        int width = image.width();
        int height = image.height();
        int total = grid * grid;
        float norm = 1f / (total * 127.5f);
        for (int y = 0; y < inputH; y++) {
            for (int x = 0; x < inputW; x++) {
                int r = 0, g = 0, b = 0, n = 0;
                for (int sy = 0; sy < grid; sy++) {
                    int iy = (int) Math.floor(top + y * step + (sy + 0.5f) * sub);
                    if (iy < 0 || iy >= height) {
                        continue;
                    }
                    int row = iy * width;
                    for (int sx = 0; sx < grid; sx++) {
                        int ix = (int) Math.floor(left + x * step + (sx + 0.5f) * sub);
                        if (ix < 0 || ix >= width) {
                            continue;
                        }
                        int p = px[row + ix];
                        r += (p >> 16) & 0xFF;
                        g += (p >> 8) & 0xFF;
                        b += p & 0xFF;
                        n++;
                    }
                }
                // samples outside the image count as mid grey (0 after scaling)
                float pad = 127.5f * (total - n);
                int o = y * inputW + x;
                out[o] = (r + pad) * norm - 1;
                out[o + plane] = (g + pad) * norm - 1;
                out[o + 2 * plane] = (b + pad) * norm - 1;
            }
        }
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
