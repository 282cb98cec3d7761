package org.rollcall.face.detect;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.rollcall.face.image.RgbImage;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/**
 * MediaPipe BlazeFace ("back" model, 256x256) on ONNX Runtime. The whole photo is seen once through a square
 * letterbox; large photos also get a second look through overlapping square tiles (one batch), whose boxes must
 * reach a stricter score unless the full view found them too. Overlaps are resolved by NMS.
 */
public final class BlazeFaceDetector implements AutoCloseable {

    public static final String INPUT = "input";
    public static final int SIZE = 256;
    private static final int ANCHORS_16 = 16 * 16 * 2;
    private static final int ANCHORS_8 = 8 * 8 * 6;

    /** Detection thresholds; see FaceEngineSettings for their meaning. */
    public record Settings(float minScore, float tileMinScore, float nmsIou, int tileMinImageSide, float tileOverlap,
                           int tileSide) {
    }

    private final OrtEnvironment env;
    private final OrtSession session;
    private final Settings settings;
    private final float[] anchorX = new float[ANCHORS_16 + ANCHORS_8];
    private final float[] anchorY = new float[ANCHORS_16 + ANCHORS_8];

    public BlazeFaceDetector(OrtEnvironment env, OrtSession session, Settings settings) {
        this.env = env;
        this.session = session;
        this.settings = settings;
        int i = 0;
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                for (int a = 0; a < 2; a++, i++) {
                    anchorX[i] = (x + 0.5f) * 16;
                    anchorY[i] = (y + 0.5f) * 16;
                }
            }
        }
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                for (int a = 0; a < 6; a++, i++) {
                    anchorX[i] = (x + 0.5f) * 32;
                    anchorY[i] = (y + 0.5f) * 32;
                }
            }
        }
    }

    /** A square window of the image that is scaled to the network input. */
    record Window(float left, float top, float side) {
    }

    public List<Detection> detect(RgbImage image, boolean smallFacePass) {
        float side = Math.max(image.width(), image.height());
        Window full = new Window((image.width() - side) / 2, (image.height() - side) / 2, side);
        List<Detection> fullFrame = nms(run(image, List.of(full)).get(0), settings.minScore());
        if (!smallFacePass || Math.max(image.width(), image.height()) < settings.tileMinImageSide()) {
            return fullFrame;
        }
        List<Window> tiles = tiles(image);
        List<List<Detection>> perTile = run(image, tiles);
        List<Detection> all = new ArrayList<>(fullFrame);
        for (int t = 0; t < tiles.size(); t++) {
            Window w = tiles.get(t);
            for (Detection d : perTile.get(t)) {
                if (insideTileInterior(d, w, image)) {
                    boolean confirmed = fullFrame.stream().anyMatch(f -> f.iou(d) > settings.nmsIou());
                    if (confirmed) {
                        all.add(d);
                    } else if (d.score() >= settings.tileMinScore()) {
                        all.add(d.markTileOnly());
                    }
                }
            }
        }
        return nms(all, 0);
    }

    /** Tiles of a fixed fraction of the short side, overlapping, covering the whole image. */
    private List<Window> tiles(RgbImage image) {
        float tile = Math.max(SIZE, Math.min(settings.tileSide(), Math.min(image.width(), image.height())));
        float step = tile * (1 - settings.tileOverlap());
        List<Window> windows = new ArrayList<>();
        int cols = (int) Math.ceil(Math.max(0, image.width() - tile) / step) + 1;
        int rows = (int) Math.ceil(Math.max(0, image.height() - tile) / step) + 1;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                float left = cols == 1 ? (image.width() - tile) / 2 : c * (image.width() - tile) / (cols - 1);
                float top = rows == 1 ? (image.height() - tile) / 2 : r * (image.height() - tile) / (rows - 1);
                windows.add(new Window(left, top, tile));
            }
        }
        return windows;
    }

    /** A box cut by a tile's edge (not at the image's edge) is left to the neighbouring tile. */
    private static boolean insideTileInterior(Detection d, Window w, RgbImage image) {
        float margin = 2;
        boolean leftOk = d.x1() > w.left() + margin || w.left() <= 0;
        boolean topOk = d.y1() > w.top() + margin || w.top() <= 0;
        boolean rightOk = d.x2() < w.left() + w.side() - margin || w.left() + w.side() >= image.width();
        boolean bottomOk = d.y2() < w.top() + w.side() - margin || w.top() + w.side() >= image.height();
        return leftOk && topOk && rightOk && bottomOk;
    }

    private List<List<Detection>> run(RgbImage image, List<Window> windows) {
        int n = windows.size();
        float[] input = new float[n * 3 * SIZE * SIZE];
        for (int i = 0; i < n; i++) {
            fill(image, windows.get(i), input, i * 3 * SIZE * SIZE);
        }
        try (OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), new long[]{n, 3, SIZE, SIZE});
             OrtSession.Result result = session.run(Map.of(INPUT, tensor))) {
            float[][][] scores16 = (float[][][]) result.get("Identity_out").orElseThrow().getValue();
            float[][][] scores8 = (float[][][]) result.get("Identity_1_out").orElseThrow().getValue();
            float[][][] boxes16 = (float[][][]) result.get("Identity_2_out").orElseThrow().getValue();
            float[][][] boxes8 = (float[][][]) result.get("Identity_3_out").orElseThrow().getValue();
            List<List<Detection>> out = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                List<Detection> found = new ArrayList<>();
                decode(scores16[i], boxes16[i], 0, windows.get(i), found);
                decode(scores8[i], boxes8[i], ANCHORS_16, windows.get(i), found);
                out.add(found);
            }
            return out;
        } catch (OrtException e) {
            throw new IllegalStateException("BlazeFace inference failed", e);
        }
    }

    private void decode(float[][] scores, float[][] boxes, int anchorOffset, Window w, List<Detection> out) {
        float minScore = Math.min(settings.minScore(), settings.tileMinScore());
        float logitMin = (float) Math.log(minScore / (1 - minScore));
        float scale = w.side() / SIZE;
        for (int a = 0; a < scores.length; a++) {
            float logit = scores[a][0];
            if (logit < logitMin) {
                continue;
            }
            float[] r = boxes[a];
            float ax = anchorX[anchorOffset + a];
            float ay = anchorY[anchorOffset + a];
            float cx = w.left() + (ax + r[0]) * scale;
            float cy = w.top() + (ay + r[1]) * scale;
            float bw = r[2] * scale;
            float bh = r[3] * scale;
            float[] kp = new float[12];
            for (int k = 0; k < 6; k++) {
                kp[2 * k] = w.left() + (ax + r[4 + 2 * k]) * scale;
                kp[2 * k + 1] = w.top() + (ay + r[5 + 2 * k]) * scale;
            }
            float score = (float) (1 / (1 + Math.exp(-logit)));
            out.add(new Detection(cx - bw / 2, cy - bh / 2, cx + bw / 2, cy + bh / 2, score, kp, false));
        }
    }

    private List<Detection> nms(List<Detection> candidates, float minScore) {
        List<Detection> sorted = new ArrayList<>(candidates.stream().filter(d -> d.score() >= minScore).toList());
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
     * Writes the window, scaled to 256x256, as NCHW floats in [-1, 1]; outside the image is 0 (mid grey). When the
     * window is much larger than the input, each output pixel averages a small grid of samples (no aliasing).
     */
    private static void fill(RgbImage image, Window w, float[] input, int offset) {
        float step = w.side() / SIZE;
        int grid = Math.max(1, Math.min(4, (int) Math.ceil(step)));
        float sub = step / grid;
        int plane = SIZE * SIZE;
        int[] px = image.pixels();
        int width = image.width();
        int height = image.height();
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                int r = 0, g = 0, b = 0, n = 0;
                for (int sy = 0; sy < grid; sy++) {
                    int iy = (int) Math.floor(w.top() + y * step + (sy + 0.5f) * sub);
                    if (iy < 0 || iy >= height) {
                        continue;
                    }
                    for (int sx = 0; sx < grid; sx++) {
                        int ix = (int) Math.floor(w.left() + x * step + (sx + 0.5f) * sub);
                        if (ix < 0 || ix >= width) {
                            continue;
                        }
                        int p = px[iy * width + ix];
                        r += (p >> 16) & 0xFF;
                        g += (p >> 8) & 0xFF;
                        b += p & 0xFF;
                        n++;
                    }
                }
                int o = offset + y * SIZE + x;
                int total = grid * grid;
                // missing samples (outside the image) count as mid grey
                float pad = 127.5f * (total - n);
                input[o] = (r + pad) / total / 127.5f - 1;
                input[o + plane] = (g + pad) / total / 127.5f - 1;
                input[o + 2 * plane] = (b + pad) / total / 127.5f - 1;
            }
        }
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
