package org.rollcall.face;

import java.util.HashMap;
import java.util.Map;
import org.rollcall.face.model.TfliteModel;
import org.rollcall.face.model.TfliteModel.Operator;
import org.rollcall.face.model.TfliteModel.Tensor;

/**
 * A second, independent implementation of the TFLite ops MobileFaceNet and O-Net use, straight from TFLite's kernel
 * definitions: plain loops over NHWC tensors, one image at a time, no ONNX, no layout changes. It shares only the
 * file parser with {@link org.rollcall.face.model.TfliteConverter}; the converted ONNX model is checked against it.
 */
final class TfliteReference {

    private record Nhwc(int[] shape, float[] data) {}

    private final TfliteModel model;

    TfliteReference(byte[] tflite) {
        this.model = TfliteModel.read(tflite);
    }

    /** Runs one image (H x W x C, interleaved) and returns the model's output for it. */
    float[] run(float[] image, int height, int width, int channels) {
        return run(image, height, width, channels, 0);
    }

    /** The model's output {@code output} for one image; operators that output does not need are not run. */
    float[] run(float[] image, int height, int width, int channels, int output) {
        Map<Integer, Nhwc> values = new HashMap<>();
        values.put(model.inputs()[0], new Nhwc(new int[] {1, height, width, channels}, image));
        int wanted = model.outputs()[output];
        for (Operator op : model.operators()) {
            if (!values.containsKey(wanted)) {
                try {
                    values.put(op.outputs()[0], apply(op, values));
                } catch (UnsupportedOperationException e) {
                    // an op on another output's path only (O-Net's softmax)
                }
            }
        }
        return values.get(wanted).data();
    }

    private Nhwc in(Map<Integer, Nhwc> values, int index) {
        Nhwc v = values.get(index);
        if (v != null) {
            return v;
        }
        Tensor t = model.tensors().get(index);
        return new Nhwc(t.shape(), t.floats());
    }

    private Nhwc apply(Operator op, Map<Integer, Nhwc> values) {
        return switch (op.builtin()) {
            case 3 ->
                conv(
                        in(values, op.inputs()[0]),
                        model.tensors().get(op.inputs()[1]),
                        model.tensors().get(op.inputs()[2]),
                        op,
                        false);
            case 4 ->
                conv(
                        in(values, op.inputs()[0]),
                        model.tensors().get(op.inputs()[1]),
                        model.tensors().get(op.inputs()[2]),
                        op,
                        true);
            case 0 -> broadcast(in(values, op.inputs()[0]), in(values, op.inputs()[1]), '+');
            case 41 -> broadcast(in(values, op.inputs()[0]), in(values, op.inputs()[1]), '-');
            case 18 -> broadcast(in(values, op.inputs()[0]), in(values, op.inputs()[1]), '*');
            case 19 -> map(in(values, op.inputs()[0]), x -> Math.max(0, x));
            case 59 -> map(in(values, op.inputs()[0]), x -> -x);
            case 17 -> maxPool(in(values, op.inputs()[0]), op);
            case 9 ->
                fullyConnected(
                        in(values, op.inputs()[0]), model.tensors().get(op.inputs()[1]), in(values, op.inputs()[2]));
            case 101 -> map(in(values, op.inputs()[0]), Math::abs);
            case 22 -> {
                Nhwc x = in(values, op.inputs()[0]);
                yield new Nhwc(model.tensors().get(op.outputs()[0]).shape(), x.data());
            }
            default -> throw new UnsupportedOperationException("op " + op.builtin());
        };
    }

    /** Pool2DOptions: padding 0 (SAME 0, VALID 1), stride_w 1, stride_h 2, filter_width 3, filter_height 4. */
    private static Nhwc maxPool(Nhwc x, Operator op) {
        int h = x.shape()[1], w = x.shape()[2], c = x.shape()[3];
        boolean same = op.options().int8(0, 0) == 0;
        int sw = op.options().int32(1, 1), sh = op.options().int32(2, 1);
        int fw = op.options().int32(3, 1), fh = op.options().int32(4, 1);
        int oh = same ? (h + sh - 1) / sh : (h - fh) / sh + 1;
        int ow = same ? (w + sw - 1) / sw : (w - fw) / sw + 1;
        int padTop = same ? Math.max((oh - 1) * sh + fh - h, 0) / 2 : 0;
        int padLeft = same ? Math.max((ow - 1) * sw + fw - w, 0) / 2 : 0;
        float[] out = new float[oh * ow * c];
        for (int oy = 0; oy < oh; oy++) {
            for (int ox = 0; ox < ow; ox++) {
                for (int k = 0; k < c; k++) {
                    float max = Float.NEGATIVE_INFINITY;
                    for (int ky = 0; ky < fh; ky++) {
                        for (int kx = 0; kx < fw; kx++) {
                            int iy = oy * sh + ky - padTop, ix = ox * sw + kx - padLeft;
                            if (iy >= 0 && iy < h && ix >= 0 && ix < w) {
                                max = Math.max(max, x.data()[(iy * w + ix) * c + k]);
                            }
                        }
                    }
                    out[(oy * ow + ox) * c + k] = max;
                }
            }
        }
        return new Nhwc(new int[] {1, oh, ow, c}, out);
    }

    /** Weights [out, in] over the input flattened in its NHWC order. */
    private static Nhwc fullyConnected(Nhwc x, Tensor weights, Nhwc bias) {
        int outputs = weights.shape()[0], inputs = weights.shape()[1];
        float[] wt = weights.floats();
        float[] out = new float[outputs];
        for (int o = 0; o < outputs; o++) {
            double sum = bias.data()[o];
            for (int i = 0; i < inputs; i++) {
                sum += x.data()[i] * wt[o * inputs + i];
            }
            out[o] = (float) sum;
        }
        return new Nhwc(new int[] {1, outputs}, out);
    }

    private static Nhwc map(Nhwc x, java.util.function.DoubleUnaryOperator f) {
        float[] out = new float[x.data().length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) f.applyAsDouble(x.data()[i]);
        }
        return new Nhwc(x.shape(), out);
    }

    /** Elementwise with numpy broadcasting of the second operand's trailing dimensions (per-channel constants). */
    private static Nhwc broadcast(Nhwc a, Nhwc b, char op) {
        Nhwc big = a.data().length >= b.data().length ? a : b;
        Nhwc small = big == a ? b : a;
        int period = small.data().length;
        float[] out = new float[big.data().length];
        for (int i = 0; i < out.length; i++) {
            float x = big == a ? a.data()[i] : a.data()[i % period];
            float y = big == b ? b.data()[i] : b.data()[i % period];
            out[i] = switch (op) {
                case '+' -> x + y;
                case '-' -> x - y;
                default -> x * y;
            };
        }
        return new Nhwc(big.shape(), out);
    }

    private static Nhwc conv(Nhwc x, Tensor filterTensor, Tensor biasTensor, Operator op, boolean depthwise) {
        int h = x.shape()[1], w = x.shape()[2], c = x.shape()[3];
        int[] fs = filterTensor.shape();
        float[] f = filterTensor.floats();
        float[] bias = biasTensor.floats();
        int outC = depthwise ? fs[3] : fs[0];
        int kh = fs[1], kw = fs[2];
        boolean same = op.options().int8(0, 0) == 0;
        int sw = op.options().int32(1, 1), sh = op.options().int32(2, 1);
        int oh = same ? (h + sh - 1) / sh : (h - kh) / sh + 1;
        int ow = same ? (w + sw - 1) / sw : (w - kw) / sw + 1;
        // TF SAME: total padding max((out-1)*stride + k - in, 0), the smaller half before
        int padTop = same ? Math.max((oh - 1) * sh + kh - h, 0) / 2 : 0;
        int padLeft = same ? Math.max((ow - 1) * sw + kw - w, 0) / 2 : 0;
        int multiplier = depthwise ? outC / c : 0;
        float[] out = new float[oh * ow * outC];
        for (int oy = 0; oy < oh; oy++) {
            for (int ox = 0; ox < ow; ox++) {
                for (int o = 0; o < outC; o++) {
                    double sum = bias[o];
                    for (int ky = 0; ky < kh; ky++) {
                        int iy = oy * sh + ky - padTop;
                        if (iy < 0 || iy >= h) {
                            continue;
                        }
                        for (int kx = 0; kx < kw; kx++) {
                            int ix = ox * sw + kx - padLeft;
                            if (ix < 0 || ix >= w) {
                                continue;
                            }
                            int pixel = (iy * w + ix) * c;
                            if (depthwise) {
                                sum += x.data()[pixel + o / multiplier] * f[(ky * kw + kx) * outC + o];
                            } else {
                                int filter = ((o * kh + ky) * kw + kx) * c;
                                for (int i = 0; i < c; i++) {
                                    sum += x.data()[pixel + i] * f[filter + i];
                                }
                            }
                        }
                    }
                    out[(oy * ow + ox) * outC + o] = (float) sum;
                }
            }
        }
        int fused = op.options().int8(depthwise ? 4 : 3, 0);
        if (fused != 0) {
            throw new IllegalArgumentException("fused activation " + fused);
        }
        return new Nhwc(new int[] {1, oh, ow, outC}, out);
    }
}
