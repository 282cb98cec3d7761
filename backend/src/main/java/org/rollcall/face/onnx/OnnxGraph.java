package org.rollcall.face.onnx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds a small ONNX model (opset 13) in memory: the converters add initializers and nodes, then {@link #toBytes}
 * gives a model ONNX Runtime can load directly.
 */
public final class OnnxGraph {

    private static final int OPSET = 13;
    private static final int IR_VERSION = 7;
    private static final int FLOAT = 1;
    private static final int INT64 = 7;

    private final String name;
    private final List<ProtoWriter> nodes = new ArrayList<>();
    private final List<ProtoWriter> initializers = new ArrayList<>();
    private final List<ProtoWriter> inputs = new ArrayList<>();
    private final List<ProtoWriter> outputs = new ArrayList<>();
    private int counter;

    public OnnxGraph(String name) {
        this.name = name;
    }

    /** A fresh tensor name with a readable prefix. */
    public String fresh(String prefix) {
        return prefix + "_" + (counter++);
    }

    /** Declares a float input; a negative dimension is free (e.g. the batch size). */
    public void input(String tensor, long... dims) {
        inputs.add(valueInfo(tensor, dims));
    }

    /** Declares an int64 input of the given length. */
    public void inputLongs(String tensor, long length) {
        inputs.add(valueInfo(tensor, INT64, new long[] {length}));
    }

    public void output(String tensor, long... dims) {
        outputs.add(valueInfo(tensor, dims));
    }

    public void outputLongs(String tensor, long... dims) {
        outputs.add(valueInfo(tensor, INT64, dims));
    }

    public String floats(String prefix, float[] values, long... dims) {
        String tensor = fresh(prefix);
        ProtoWriter t = new ProtoWriter();
        for (long d : dims) {
            t.varint(1, d);
        }
        t.varint(2, FLOAT).string(8, tensor).floatsAsRaw(9, values);
        initializers.add(t);
        return tensor;
    }

    public String longs(String prefix, long... values) {
        String tensor = fresh(prefix);
        ProtoWriter t = new ProtoWriter()
                .varint(1, values.length)
                .varint(2, INT64)
                .string(8, tensor)
                .longsAsRaw(9, values);
        initializers.add(t);
        return tensor;
    }

    /** Adds a node with one output and returns that output's name. */
    public String node(String opType, List<String> nodeInputs, Attribute... attributes) {
        String outputName = fresh(opType.toLowerCase());
        node(opType, nodeInputs, outputName, attributes);
        return outputName;
    }

    public void node(String opType, List<String> nodeInputs, String outputName, Attribute... attributes) {
        nodeWithOutputs(opType, nodeInputs, List.of(outputName), attributes);
    }

    public void nodeWithOutputs(
            String opType, List<String> nodeInputs, List<String> outputNames, Attribute... attributes) {
        ProtoWriter n = new ProtoWriter();
        for (String in : nodeInputs) {
            n.string(1, in);
        }
        for (String out : outputNames) {
            n.string(2, out);
        }
        n.string(3, outputNames.get(0) + "_node").string(4, opType);
        for (Attribute a : attributes) {
            n.message(5, a.proto());
        }
        nodes.add(n);
    }

    /**
     * A PReLU over NCHW with one slope per channel, written {@code relu(x) + (-slope) relu(-x)} with the two
     * per-channel scales as BatchNormalization. ONNX Runtime's PRelu broadcasts its slope slowly (half of
     * MobileFaceNet's time) and, having no blocked-channel (NCHWc) kernel, makes the convolutions around it convert
     * the layout twice; the scales run as blocked 1x1 convolutions instead, the inner relu fused into one and the sum
     * accumulated into the other. (TFJS applies a Prelu's stored tensor as the slope itself: the converter names it
     * after the Keras graph's folded Neg, but does not negate it again.)
     */
    public String prelu(String x, float[] slope) {
        int c = slope.length;
        float[] minusSlope = new float[c];
        float[] minusOne = new float[c];
        for (int k = 0; k < c; k++) {
            minusSlope[k] = -slope[k];
            minusOne[k] = -1;
        }
        String negative = node("Relu", List.of(channelScale(x, minusOne)));
        return node("Add", List.of(node("Relu", List.of(x)), channelScale(negative, minusSlope)));
    }

    private String channelScale(String x, float[] scale) {
        int c = scale.length;
        float[] one = new float[c];
        Arrays.fill(one, 1);
        // bias and mean 0, variance 1: the scale alone
        String zero = floats("zero", new float[c], c);
        return node(
                "BatchNormalization",
                List.of(x, floats("scale", scale, c), zero, zero, floats("one", one, c)),
                Attribute.real("epsilon", 0));
    }

    public byte[] toBytes() {
        ProtoWriter graph = new ProtoWriter();
        nodes.forEach(n -> graph.message(1, n));
        graph.string(2, name);
        initializers.forEach(t -> graph.message(5, t));
        inputs.forEach(i -> graph.message(11, i));
        outputs.forEach(o -> graph.message(12, o));
        return new ProtoWriter()
                .varint(1, IR_VERSION)
                .string(2, "rollcall")
                .message(7, graph)
                .message(8, new ProtoWriter().string(1, "").varint(2, OPSET))
                .toByteArray();
    }

    /** A negative dimension is free; each gets its own symbol (equal symbols would force equal sizes). */
    private static ProtoWriter valueInfo(String tensor, long[] dims) {
        return valueInfo(tensor, FLOAT, dims);
    }

    private static ProtoWriter valueInfo(String tensor, int elementType, long[] dims) {
        ProtoWriter shape = new ProtoWriter();
        for (int i = 0; i < dims.length; i++) {
            shape.message(
                    1,
                    dims[i] < 0
                            ? new ProtoWriter().string(2, tensor + "_dim" + i)
                            : new ProtoWriter().varint(1, dims[i]));
        }
        ProtoWriter tensorType = new ProtoWriter().varint(1, elementType).message(2, shape);
        return new ProtoWriter().string(1, tensor).message(2, new ProtoWriter().message(1, tensorType));
    }

    /** An ONNX node attribute. */
    public record Attribute(String name, long[] ints, Long intValue, Float floatValue, String stringValue) {

        public static Attribute ints(String name, long... values) {
            return new Attribute(name, values, null, null, null);
        }

        public static Attribute integer(String name, long value) {
            return new Attribute(name, null, value, null, null);
        }

        public static Attribute real(String name, float value) {
            return new Attribute(name, null, null, value, null);
        }

        public static Attribute string(String name, String value) {
            return new Attribute(name, null, null, null, value);
        }

        ProtoWriter proto() {
            ProtoWriter a = new ProtoWriter().string(1, name);
            if (ints != null) {
                for (long v : ints) {
                    a.varint(8, v);
                }
                a.varint(20, 7);
            } else if (intValue != null) {
                a.varint(3, intValue).varint(20, 2);
            } else if (floatValue != null) {
                a.float32(2, floatValue).varint(20, 1);
            } else {
                a.string(4, stringValue).varint(20, 3);
            }
            return a;
        }
    }
}
