package org.rollcall.face.model;

import java.util.List;
import org.rollcall.face.onnx.OnnxGraph;
import org.rollcall.face.onnx.OnnxGraph.Attribute;

/**
 * Converts dlib's face recognition ResNet ({@code dlib_face_recognition_resnet_model_v1.dat}) to ONNX.
 *
 * <p>dlib writes the network input-first after the loss layer: a stem (con, affine, relu, max_pool), residual
 * blocks of two convolutions each (con, affine, relu, con, affine, [avg_pool of the block input], add_prev, relu),
 * then a global average pool and a 128-wide fully connected layer without bias. Each affine (batch norm frozen at
 * training end) is folded into the convolution before it. Where a downsampling block's output is smaller than the
 * pooled shortcut (odd sizes), dlib adds with zero padding at the bottom/right; channels are zero-padded the same
 * way. The model takes 0..255 RGB in NCHW order at 150x150 and outputs the raw 128-d descriptor.
 */
public final class DlibResnetConverter {

    public static final int CHIP_SIZE = 150;

    private DlibResnetConverter() {}

    public static byte[] toOnnx(byte[] dat) {
        DlibReader in = new DlibReader(dat);
        if (in.seekNextName("input_rgb_image_sized") == null) {
            throw new IllegalArgumentException("Not a dlib face recognition network");
        }
        float[] mean = {in.readFloat(), in.readFloat(), in.readFloat()};

        OnnxGraph g = new OnnxGraph("dlib_face_recognition_resnet_model_v1");
        g.input("image", -1, 3, CHIP_SIZE, CHIP_SIZE);
        String x = g.node("Sub", List.of("image", g.floats("mean", mean, 1, 3, 1, 1)));
        x = g.node("Mul", List.of(x, g.floats("scale", new float[] {1f / 256}, 1)));
        Shape shape = new Shape(3, CHIP_SIZE, CHIP_SIZE);

        int convIndex = 0;
        String blockInput = null;
        Shape blockInputShape = null;
        String shortcut = null;
        Shape shortcutShape = null;
        Conv pending = null;
        String name;
        while ((name = in.seekNextName("con_4", "affine_", "relu_", "max_pool_2", "avg_pool_2", "add_prev_", "fc_2"))
                != null) {
            switch (name) {
                case "con_4" -> {
                    if (convIndex % 2 == 1) {
                        blockInput = x;
                        blockInputShape = shape;
                        shortcut = x;
                        shortcutShape = shape;
                    }
                    convIndex++;
                    pending = readConv(in, shape.channels());
                }
                case "affine_" -> {
                    pending.fold(in.readTensor());
                    x = pending.emit(g, x);
                    shape = pending.outputShape(shape);
                    pending = null;
                }
                case "relu_" -> x = g.node("Relu", List.of(x));
                case "max_pool_2" -> {
                    Pool p = readPool(in);
                    x = g.node("MaxPool", List.of(x), p.attributes());
                    shape = p.outputShape(shape);
                }
                case "avg_pool_2" -> {
                    Pool p = readPool(in);
                    if (p.global()) {
                        x = g.node("GlobalAveragePool", List.of(x));
                        x = g.node("Flatten", List.of(x));
                        shape = new Shape(shape.channels(), 1, 1);
                    } else {
                        shortcut = g.node("AveragePool", List.of(blockInput), p.attributes());
                        shortcutShape = p.outputShape(blockInputShape);
                    }
                }
                case "add_prev_" -> {
                    Shape out = Shape.max(shape, shortcutShape);
                    x = g.node("Add", List.of(padTo(g, x, shape, out), padTo(g, shortcut, shortcutShape, out)));
                    shape = out;
                }
                case "fc_2" -> {
                    int outputs = in.readInt();
                    int inputs = in.readInt();
                    float[] weights = in.readTensor();
                    if (inputs != shape.channels() || weights.length != inputs * outputs) {
                        throw new IllegalStateException("Unexpected fc layer " + inputs + "x" + outputs);
                    }
                    x = g.node("MatMul", List.of(x, g.floats("fc", weights, inputs, outputs)));
                }
                default -> throw new IllegalStateException(name);
            }
        }
        g.node("Identity", List.of(x), "embedding");
        g.output("embedding", -1, 128);
        return g.toBytes();
    }

    private static String padTo(OnnxGraph g, String x, Shape from, Shape to) {
        if (from.equals(to)) {
            return x;
        }
        String pads = g.longs(
                "pads",
                0,
                0,
                0,
                0,
                0,
                to.channels() - from.channels(),
                to.height() - from.height(),
                to.width() - from.width());
        return g.node("Pad", List.of(x, pads));
    }

    private static Conv readConv(DlibReader in, int inputChannels) {
        float[] params = in.readTensor();
        int filters = in.readInt();
        int rows = in.readInt();
        int cols = in.readInt();
        int strideY = in.readInt();
        int strideX = in.readInt();
        int padY = in.readInt();
        int padX = in.readInt();
        int weightCount = filters * inputChannels * rows * cols;
        if (params.length != weightCount + filters) {
            throw new IllegalStateException("Unexpected conv parameter count " + params.length);
        }
        float[] weights = java.util.Arrays.copyOf(params, weightCount);
        float[] bias = java.util.Arrays.copyOfRange(params, weightCount, params.length);
        return new Conv(inputChannels, filters, rows, cols, strideY, strideX, padY, padX, weights, bias);
    }

    private static Pool readPool(DlibReader in) {
        return new Pool(in.readInt(), in.readInt(), in.readInt(), in.readInt(), in.readInt(), in.readInt());
    }

    private record Shape(int channels, int height, int width) {
        static Shape max(Shape a, Shape b) {
            return new Shape(
                    Math.max(a.channels, b.channels), Math.max(a.height, b.height), Math.max(a.width, b.width));
        }
    }

    private record Pool(int rows, int cols, int strideY, int strideX, int padY, int padX) {
        boolean global() {
            return rows == 0 && cols == 0;
        }

        Attribute[] attributes() {
            return new Attribute[] {
                Attribute.ints("kernel_shape", rows, cols),
                Attribute.ints("strides", strideY, strideX),
                Attribute.ints("pads", padY, padX, padY, padX)
            };
        }

        Shape outputShape(Shape in) {
            return new Shape(
                    in.channels(),
                    1 + (in.height() + 2 * padY - rows) / strideY,
                    1 + (in.width() + 2 * padX - cols) / strideX);
        }
    }

    private record Conv(
            int inputs,
            int filters,
            int rows,
            int cols,
            int strideY,
            int strideX,
            int padY,
            int padX,
            float[] weights,
            float[] bias) {

        /** Folds the following affine layer (gamma then beta, one per filter) into the weights and bias. */
        void fold(float[] affine) {
            if (affine.length != 2 * filters) {
                throw new IllegalStateException("Unexpected affine parameter count " + affine.length);
            }
            int perFilter = inputs * rows * cols;
            for (int f = 0; f < filters; f++) {
                float gamma = affine[f];
                for (int i = 0; i < perFilter; i++) {
                    weights[f * perFilter + i] *= gamma;
                }
                bias[f] = bias[f] * gamma + affine[filters + f];
            }
        }

        String emit(OnnxGraph g, String x) {
            String w = g.floats("conv_w", weights, filters, inputs, rows, cols);
            String b = g.floats("conv_b", bias, filters);
            return g.node(
                    "Conv",
                    List.of(x, w, b),
                    Attribute.ints("kernel_shape", rows, cols),
                    Attribute.ints("strides", strideY, strideX),
                    Attribute.ints("pads", padY, padX, padY, padX));
        }

        Shape outputShape(Shape in) {
            return new Shape(
                    filters,
                    1 + (in.height() + 2 * padY - rows) / strideY,
                    1 + (in.width() + 2 * padX - cols) / strideX);
        }
    }
}
