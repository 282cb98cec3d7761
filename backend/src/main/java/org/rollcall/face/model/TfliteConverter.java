package org.rollcall.face.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rollcall.face.model.TfliteModel.Operator;
import org.rollcall.face.model.TfliteModel.Tensor;
import org.rollcall.face.onnx.OnnxGraph;
import org.rollcall.face.onnx.OnnxGraph.Attribute;

/**
 * Converts a float32 TensorFlow Lite model to ONNX.
 *
 * <p>TFLite is NHWC; ONNX convolutions are NCHW. As in {@link TfjsGraphConverter}, the converted model takes its
 * image input in NCHW with a free batch size and keeps every 4-D tensor in NCHW: 4-D constants of elementwise ops
 * are transposed once at conversion, and a Reshape (which depends on the memory order) first transposes back to NHWC,
 * so outputs are exactly TFLite's. Covers the ops of MobileFaceNet (CONV_2D, DEPTHWISE_CONV_2D, ADD, SUB, MUL, RELU,
 * ABS, RESHAPE), those of MTCNN's O-Net (NEG, MAX_POOL_2D, FULLY_CONNECTED) plus RELU6, LOGISTIC and fused
 * RELU/RELU6 activations; anything else is refused by name. PReLUs
 * spelled out as five elementwise ops become one PReLU ({@link OnnxGraph#prelu}; MobileFaceNet on ONNX Runtime:
 * 5-7x faster, and twice that again in the blocked layout).
 */
public final class TfliteConverter {

    private static final int ADD = 0;
    private static final int CONV_2D = 3;
    private static final int DEPTHWISE_CONV_2D = 4;
    private static final int FULLY_CONNECTED = 9;
    private static final int LOGISTIC = 14;
    private static final int MAX_POOL_2D = 17;
    private static final int MUL = 18;
    private static final int RELU = 19;
    private static final int RELU6 = 21;
    private static final int RESHAPE = 22;
    private static final int SUB = 41;
    private static final int NEG = 59;
    private static final int ABS = 101;

    private final TfliteModel model;
    private final OnnxGraph graph = new OnnxGraph("tflite");
    private final Map<Integer, String> names = new HashMap<>();
    /** Constants by tensor and by whether they were laid out for an NCHW operand. */
    private final Map<Integer, String> constants = new HashMap<>();

    /** The operator that writes each tensor, by index. */
    private final Map<Integer, Integer> producer = new HashMap<>();

    private TfliteConverter(TfliteModel model) {
        this.model = model;
        for (int i = 0; i < model.operators().size(); i++) {
            for (int t : model.operators().get(i).outputs()) {
                producer.put(t, i);
            }
        }
    }

    /**
     * @param inputName  the ONNX input, NCHW with a free batch size (the model's one NHWC image input)
     * @param outputName the ONNX output (the model's one output), batch as a free dimension
     */
    public static byte[] toOnnx(byte[] tflite, String inputName, String outputName) {
        TfliteModel model = TfliteModel.read(tflite);
        if (model.outputs().length != 1) {
            throw new IllegalArgumentException("Expected one output, found " + model.outputs().length);
        }
        return toOnnx(model, inputName, outputName, 0);
    }

    /**
     * Converts what one of the model's outputs needs (e.g. O-Net's landmarks without its face score's softmax).
     *
     * @param output the index of that output among the model's outputs
     */
    public static byte[] toOnnx(byte[] tflite, String inputName, String outputName, int output) {
        return toOnnx(TfliteModel.read(tflite), inputName, outputName, output);
    }

    private static byte[] toOnnx(TfliteModel model, String inputName, String outputName, int output) {
        if (model.inputs().length != 1) {
            throw new IllegalArgumentException("Expected one input, found " + model.inputs().length);
        }
        if (output < 0 || output >= model.outputs().length) {
            throw new IllegalArgumentException("The model has no output " + output);
        }
        int outputTensor = model.outputs()[output];
        TfliteConverter c = new TfliteConverter(model);
        int[] in = model.tensors().get(model.inputs()[0]).shape();
        if (in.length != 4) {
            throw new IllegalArgumentException("Expected an NHWC image input, found rank " + in.length);
        }
        c.graph.input(inputName, -1, in[3], in[1], in[2]);
        c.names.put(model.inputs()[0], inputName);
        Map<Integer, Prelu> prelus = c.decomposedPrelus();
        Set<Integer> fused = new HashSet<>();
        prelus.values().forEach(p -> fused.addAll(p.parts()));
        Set<Integer> needed = c.operatorsFor(outputTensor);
        for (int i = 0; i < model.operators().size(); i++) {
            if (!needed.contains(i)) {
                continue;
            }
            Operator op = model.operators().get(i);
            Prelu prelu = prelus.get(i);
            if (prelu != null) {
                c.names.put(op.outputs()[0], c.graph.prelu(c.value(prelu.input(), 0), prelu.slope()));
            } else if (!fused.contains(i)) {
                c.convert(op);
            }
        }
        int[] out = model.tensors().get(outputTensor).shape();
        long[] dims = new long[out.length];
        for (int i = 0; i < out.length; i++) {
            dims[i] = i == 0 ? -1 : out[i];
        }
        c.graph.node("Identity", List.of(c.value(outputTensor, 0)), outputName);
        c.graph.output(outputName, dims);
        return c.graph.toBytes();
    }

    /**
     * A PReLU written as {@code relu(x) + a * (x - |x|)} (how the converter that made MobileFaceNet's file spelled
     * it), found by the ADD that ends it. It is {@code x} for {@code x >= 0} and {@code 2a x} below: one PReLU with
     * slope 2a instead of five passes over the tensor.
     *
     * @param parts the indices of the RELU, ABS, SUB and MUL it replaces
     */
    private record Prelu(int input, float[] slope, List<Integer> parts) {}

    /** Every decomposed PReLU whose intermediate tensors feed nothing else, by the index of its ADD. */
    private Map<Integer, Prelu> decomposedPrelus() {
        List<Operator> ops = model.operators();
        Map<Integer, Integer> uses = new HashMap<>();
        for (int i = 0; i < ops.size(); i++) {
            for (int t : ops.get(i).inputs()) {
                uses.merge(t, 1, Integer::sum);
            }
        }
        Map<Integer, Prelu> found = new HashMap<>();
        for (int i = 0; i < ops.size(); i++) {
            Operator add = ops.get(i);
            if (add.builtin() != ADD || add.options().int8(0, 0) != 0) {
                continue;
            }
            for (int side = 0; side < 2; side++) {
                Operator relu = producerOf(add.inputs()[side]);
                Operator mul = producerOf(add.inputs()[1 - side]);
                if (relu == null || mul == null || relu.builtin() != RELU || mul.builtin() != MUL) {
                    continue;
                }
                int x = relu.inputs()[0];
                int constant = model.tensors().get(mul.inputs()[0]).constant() ? 0 : 1;
                Tensor slope = model.tensors().get(mul.inputs()[constant]);
                Operator sub = producerOf(mul.inputs()[1 - constant]);
                if (!slope.constant()
                        || slope.shape().length != 1
                        || sub == null
                        || sub.builtin() != SUB
                        || sub.inputs()[0] != x) {
                    continue;
                }
                Operator abs = producerOf(sub.inputs()[1]);
                if (abs == null || abs.builtin() != ABS || abs.inputs()[0] != x) {
                    continue;
                }
                List<Operator> parts = List.of(relu, abs, sub, mul);
                boolean alone = parts.stream().allMatch(p -> uses.getOrDefault(p.outputs()[0], 0) == 1);
                if (alone && mul.options().int8(0, 0) == 0 && sub.options().int8(0, 0) == 0) {
                    float[] a = slope.floats();
                    float[] twice = new float[a.length];
                    for (int k = 0; k < a.length; k++) {
                        twice[k] = 2 * a[k];
                    }
                    found.put(
                            i,
                            new Prelu(x, twice, parts.stream().map(ops::indexOf).toList()));
                    break;
                }
            }
        }
        return found;
    }

    /** The operators the tensor depends on, by index. */
    private Set<Integer> operatorsFor(int tensor) {
        Set<Integer> needed = new HashSet<>();
        List<Integer> pending = new ArrayList<>(List.of(tensor));
        while (!pending.isEmpty()) {
            Integer op = producer.get(pending.removeLast());
            if (op != null && needed.add(op)) {
                for (int t : model.operators().get(op).inputs()) {
                    if (t >= 0) {
                        pending.add(t);
                    }
                }
            }
        }
        return needed;
    }

    private Operator producerOf(int tensor) {
        Integer i = producer.get(tensor);
        return i == null ? null : model.operators().get(i);
    }

    private void convert(Operator op) {
        String out = switch (op.builtin()) {
            case CONV_2D -> activation(conv(op, false), op.options().int8(3, 0));
            case DEPTHWISE_CONV_2D -> activation(conv(op, true), op.options().int8(4, 0));
            case ADD -> activation(binary("Add", op), op.options().int8(0, 0));
            case SUB -> activation(binary("Sub", op), op.options().int8(0, 0));
            case MUL -> activation(binary("Mul", op), op.options().int8(0, 0));
            case FULLY_CONNECTED -> activation(fullyConnected(op), op.options().int8(0, 0));
            case MAX_POOL_2D -> activation(maxPool(op), op.options().int8(5, 0));
            case NEG -> graph.node("Neg", List.of(value(op.inputs()[0], 0)));
            case RELU -> graph.node("Relu", List.of(value(op.inputs()[0], 0)));
            case RELU6 -> activation(value(op.inputs()[0], 0), 3);
            case LOGISTIC -> graph.node("Sigmoid", List.of(value(op.inputs()[0], 0)));
            case ABS -> graph.node("Abs", List.of(value(op.inputs()[0], 0)));
            case RESHAPE -> reshape(op);
            default -> throw new IllegalArgumentException("Unsupported TFLite builtin operator " + op.builtin());
        };
        names.put(op.outputs()[0], out);
    }

    /** TFLite's fused activation: NONE 0, RELU 1, RELU_N1_TO_1 2, RELU6 3. */
    private String activation(String x, int fused) {
        return switch (fused) {
            case 0 -> x;
            case 1 -> graph.node("Relu", List.of(x));
            case 2 ->
                graph.node(
                        "Clip", List.of(x, graph.floats("lo", new float[] {-1}), graph.floats("hi", new float[] {1})));
            case 3 ->
                graph.node(
                        "Clip", List.of(x, graph.floats("lo", new float[] {0}), graph.floats("hi", new float[] {6})));
            default -> throw new IllegalArgumentException("Unsupported fused activation " + fused);
        };
    }

    /** CONV_2D filters are OHWI, DEPTHWISE_CONV_2D filters 1HW(C*multiplier); ONNX wants OIHW with groups. */
    private String conv(Operator op, boolean depthwise) {
        Tensor filter = model.tensors().get(op.inputs()[1]);
        int[] s = filter.shape();
        float[] w = filter.floats();
        int outChannels = s[depthwise ? 3 : 0];
        int kh = s[1];
        int kw = s[2];
        int in = depthwise ? 1 : s[3];
        float[] oihw = new float[w.length];
        for (int o = 0; o < outChannels; o++) {
            for (int h = 0; h < kh; h++) {
                for (int x = 0; x < kw; x++) {
                    for (int i = 0; i < in; i++) {
                        int from = depthwise ? (h * kw + x) * outChannels + o : ((o * kh + h) * kw + x) * in + i;
                        oihw[((o * in + i) * kh + h) * kw + x] = w[from];
                    }
                }
            }
        }
        var options = op.options();
        // Conv2DOptions: padding 0, stride_w 1, stride_h 2, dilation_w 4, dilation_h 5; the depthwise options put
        // depth_multiplier at 3, so the dilations move to 5 and 6
        int dilationW = options.int32(depthwise ? 5 : 4, 1);
        int dilationH = options.int32(depthwise ? 6 : 5, 1);
        List<String> inputs = new ArrayList<>(
                List.of(value(op.inputs()[0], 0), graph.floats(depthwise ? "dw" : "w", oihw, outChannels, in, kh, kw)));
        if (op.inputs().length > 2 && op.inputs()[2] >= 0) {
            inputs.add(graph.floats("b", model.tensors().get(op.inputs()[2]).floats(), outChannels));
        }
        Attribute pad = padding(options.int8(0, 0));
        Attribute kernel = Attribute.ints("kernel_shape", kh, kw);
        Attribute strides = Attribute.ints("strides", options.int32(2, 1), options.int32(1, 1));
        Attribute dilations = Attribute.ints("dilations", dilationH, dilationW);
        if (depthwise) {
            int channels = model.tensors().get(op.inputs()[0]).shape()[3];
            return graph.node("Conv", inputs, kernel, strides, dilations, pad, Attribute.integer("group", channels));
        }
        return graph.node("Conv", inputs, kernel, strides, dilations, pad);
    }

    /** Pool2DOptions: padding 0, stride_w 1, stride_h 2, filter_width 3, filter_height 4. */
    private String maxPool(Operator op) {
        var options = op.options();
        return graph.node(
                "MaxPool",
                List.of(value(op.inputs()[0], 0)),
                Attribute.ints("kernel_shape", options.int32(4, 1), options.int32(3, 1)),
                Attribute.ints("strides", options.int32(2, 1), options.int32(1, 1)),
                padding(options.int8(0, 0)));
    }

    /**
     * Weights [out, in]; a 4-D input is flattened in TFLite's NHWC order, so it is first transposed back from the
     * converted graph's NCHW.
     */
    private String fullyConnected(Operator op) {
        String x = value(op.inputs()[0], 0);
        if (rank(op.inputs()[0]) == 4) {
            x = graph.node("Transpose", List.of(x), Attribute.ints("perm", 0, 2, 3, 1));
        }
        if (rank(op.inputs()[0]) != 2) {
            x = graph.node("Reshape", List.of(x, graph.longs("shape", 0, -1)));
        }
        Tensor weights = model.tensors().get(op.inputs()[1]);
        int[] s = weights.shape();
        List<String> inputs = new ArrayList<>(List.of(x, graph.floats("fc", weights.floats(), s[0], s[1])));
        if (op.inputs().length > 2 && op.inputs()[2] >= 0) {
            inputs.add(graph.floats("b", model.tensors().get(op.inputs()[2]).floats(), s[0]));
        }
        return graph.node("Gemm", inputs, Attribute.integer("transB", 1));
    }

    private static Attribute padding(int tflitePadding) {
        return Attribute.string(
                "auto_pad",
                switch (tflitePadding) {
                    case 0 -> "SAME_UPPER"; // TF SAME: the odd extra pixel goes to the bottom/right
                    case 1 -> "VALID";
                    default -> throw new IllegalArgumentException("Unsupported padding " + tflitePadding);
                });
    }

    private String binary(String onnxOp, Operator op) {
        int rank = Math.max(rank(op.inputs()[0]), rank(op.inputs()[1]));
        return graph.node(onnxOp, List.of(value(op.inputs()[0], rank), value(op.inputs()[1], rank)));
    }

    private String reshape(Operator op) {
        int[] target = op.options().ints(0);
        if (target.length == 0 && op.inputs().length > 1) {
            target = model.tensors().get(op.inputs()[1]).ints();
        }
        if (target.length == 0) {
            target = model.tensors().get(op.outputs()[0]).shape();
        }
        String x = value(op.inputs()[0], 0);
        if (rank(op.inputs()[0]) == 4) {
            x = graph.node("Transpose", List.of(x), Attribute.ints("perm", 0, 2, 3, 1));
        }
        long[] shape = new long[target.length];
        for (int i = 0; i < target.length; i++) {
            shape[i] = target[i];
        }
        shape[0] = 0; // keep the input's batch size (the file declares a fixed one)
        String y = graph.node("Reshape", List.of(x, graph.longs("shape", shape)));
        return target.length == 4 ? graph.node("Transpose", List.of(y), Attribute.ints("perm", 0, 3, 1, 2)) : y;
    }

    private int rank(int tensor) {
        return model.tensors().get(tensor).shape().length;
    }

    /**
     * The ONNX name of a tensor. A constant is added as an initializer; when it meets a 4-D (NCHW) operand, its
     * NHWC-broadcast shape is padded to rank 4 and transposed to NCHW.
     */
    private String value(int tensor, int operandRank) {
        String known = names.get(tensor);
        if (known != null) {
            return known;
        }
        Tensor t = model.tensors().get(tensor);
        int key = 2 * tensor + (operandRank == 4 ? 1 : 0);
        return constants.computeIfAbsent(key, k -> constant(t, operandRank));
    }

    private String constant(Tensor t, int operandRank) {
        if (!t.constant()) {
            throw new IllegalArgumentException("Tensor " + t.name() + " is used before it is computed");
        }
        float[] values = t.floats();
        int[] shape = t.shape();
        if (operandRank == 4) {
            int[] nhwc = new int[4];
            for (int i = 0; i < 4; i++) {
                int from = i - (4 - shape.length);
                nhwc[i] = from >= 0 ? shape[from] : 1;
            }
            int n = nhwc[0], h = nhwc[1], w = nhwc[2], c = nhwc[3];
            float[] nchw = new float[values.length];
            for (int b = 0; b < n; b++) {
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        for (int k = 0; k < c; k++) {
                            nchw[((b * c + k) * h + y) * w + x] = values[((b * h + y) * w + x) * c + k];
                        }
                    }
                }
            }
            return graph.floats("const", nchw, n, c, h, w);
        }
        long[] dims = new long[shape.length];
        for (int i = 0; i < shape.length; i++) {
            dims[i] = shape[i];
        }
        return graph.floats("const", values, dims);
    }
}
