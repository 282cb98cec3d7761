package org.rollcall.face.model;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rollcall.face.onnx.OnnxGraph;
import org.rollcall.face.onnx.OnnxGraph.Attribute;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Converts a TensorFlow.js graph model (model.json + weights .bin) to ONNX.
 *
 * <p>TF graphs are NHWC; ONNX convolutions are NCHW. The converted model takes its image input in NCHW with a
 * free batch size and keeps every 4-D tensor in NCHW; a Reshape (which depends
 * on the memory order) first transposes back to NHWC, so the outputs are exactly TF's. Spatial input sizes are free
 * (the graph is fully convolutional; a Reshape keeps batch and infers its second dimension). Covers the ops of the
 * BlazeFace and face mesh graphs: _FusedConv2D (BiasAdd, optionally Relu or Prelu), DepthwiseConv2dNative,
 * Add/AddV2, Relu, Prelu, Sigmoid, MaxPool, Pad, Reshape, Identity. Weights may be stored as float16 or as affine
 * uint8/uint16 (the converter's {@code --quantize_*} options); they are widened to float32 here.
 */
public final class TfjsGraphConverter {

    private final Map<String, JsonNode> nodes = new HashMap<>();
    private final Map<String, Weight> weights = new HashMap<>();
    private final Map<String, String> converted = new HashMap<>();
    private final OnnxGraph graph;

    private TfjsGraphConverter(JsonNode model, byte[] weightData, String name) {
        this.graph = new OnnxGraph(name);
        for (JsonNode node : model.path("modelTopology").path("node")) {
            nodes.put(node.path("name").asString(), node);
        }
        ByteBuffer buffer = ByteBuffer.wrap(weightData).order(ByteOrder.LITTLE_ENDIAN);
        for (JsonNode group : model.path("weightsManifest")) {
            for (JsonNode w : group.path("weights")) {
                List<Integer> shape = new ArrayList<>();
                int count = 1;
                for (JsonNode d : w.path("shape")) {
                    shape.add(d.asInt());
                    count *= d.asInt();
                }
                weights.put(w.path("name").asString(), new Weight(shape, readValues(buffer, w, count)));
            }
        }
    }

    private static float[] readValues(ByteBuffer buffer, JsonNode w, int count) {
        float[] values = new float[count];
        JsonNode quantization = w.path("quantization");
        String stored = quantization.isMissingNode()
                ? w.path("dtype").asString()
                : quantization.path("dtype").asString();
        float scale = (float) quantization.path("scale").asDouble(1);
        float min = (float) quantization.path("min").asDouble(0);
        for (int i = 0; i < count; i++) {
            values[i] = switch (stored) {
                case "float32" -> buffer.getFloat();
                case "int32" -> buffer.getInt();
                case "float16" -> Float.float16ToFloat(buffer.getShort());
                case "uint8" -> min + scale * (buffer.get() & 0xFF);
                case "uint16" -> min + scale * (buffer.getShort() & 0xFFFF);
                default -> throw new IllegalArgumentException("Unsupported TFJS weight dtype " + stored);
            };
        }
        return values;
    }

    /**
     * @param outputs the graph's output node names with the ONNX output shape (batch as -1) for each
     */
    public static byte[] toOnnx(
            byte[] modelJson, byte[] weightData, String inputName, long[] inputNchw, Map<String, long[]> outputs) {
        JsonNode model = JsonMapper.builder().build().readTree(new String(modelJson, StandardCharsets.UTF_8));
        TfjsGraphConverter c = new TfjsGraphConverter(model, weightData, "tfjs");
        c.graph.input(inputName, inputNchw);
        c.converted.put(inputName, inputName);
        outputs.forEach((name, shape) -> {
            c.graph.node("Identity", List.of(c.convert(name)), name + "_out");
            c.graph.output(name + "_out", shape);
        });
        return c.graph.toBytes();
    }

    private String convert(String tensor) {
        String name = tensor.startsWith("^") ? tensor.substring(1) : tensor.replaceFirst(":0$", "");
        String done = converted.get(name);
        if (done != null) {
            return done;
        }
        JsonNode node = nodes.get(name);
        if (node == null) {
            throw new IllegalArgumentException("Unknown TFJS tensor " + tensor);
        }
        List<String> inputs = new ArrayList<>();
        for (JsonNode in : node.path("input")) {
            inputs.add(in.asString());
        }
        JsonNode attr = node.path("attr");
        String out = switch (node.path("op").asString()) {
            case "Identity" -> convert(inputs.get(0));
            case "Relu" -> graph.node("Relu", List.of(convert(inputs.get(0))));
            case "Sigmoid" -> graph.node("Sigmoid", List.of(convert(inputs.get(0))));
            case "Prelu" -> graph.prelu(convert(inputs.get(0)), weight(inputs.get(1)).values);
            case "Add", "AddV2" -> graph.node("Add", List.of(convert(inputs.get(0)), convert(inputs.get(1))));
            case "_FusedConv2D" -> fusedConv(inputs, attr);
            case "DepthwiseConv2dNative" -> depthwiseConv(inputs, attr);
            case "MaxPool" ->
                graph.node(
                        "MaxPool",
                        List.of(convert(inputs.get(0))),
                        Attribute.ints("kernel_shape", hw(attr.path("ksize"))),
                        Attribute.ints("strides", hw(attr.path("strides"))),
                        autoPad(attr));
            case "Pad" -> pad(inputs);
            case "Reshape" -> reshape(inputs);
            default ->
                throw new IllegalArgumentException(
                        "Unsupported TFJS op " + node.path("op").asString());
        };
        converted.put(name, out);
        return out;
    }

    private String fusedConv(List<String> inputs, JsonNode attr) {
        List<String> fused = new ArrayList<>();
        for (JsonNode op : attr.path("fused_ops").path("list").path("s")) {
            fused.add(new String(Base64.getDecoder().decode(op.asString()), StandardCharsets.UTF_8));
        }
        if (fused.isEmpty() || !fused.get(0).equals("BiasAdd")) {
            throw new IllegalArgumentException("Unsupported fused ops " + fused);
        }
        Weight filter = weight(inputs.get(1));
        int kh = filter.shape.get(0);
        int kw = filter.shape.get(1);
        int in = filter.shape.get(2);
        int outChannels = filter.shape.get(3);
        float[] oihw = new float[filter.values.length];
        for (int h = 0; h < kh; h++) {
            for (int w = 0; w < kw; w++) {
                for (int i = 0; i < in; i++) {
                    for (int o = 0; o < outChannels; o++) {
                        oihw[((o * in + i) * kh + h) * kw + w] =
                                filter.values[((h * kw + w) * in + i) * outChannels + o];
                    }
                }
            }
        }
        String x = graph.node(
                "Conv",
                List.of(
                        convert(inputs.get(0)),
                        graph.floats("w", oihw, outChannels, in, kh, kw),
                        graph.floats("b", weight(inputs.get(2)).values, outChannels)),
                Attribute.ints("kernel_shape", kh, kw),
                Attribute.ints("strides", hw(attr.path("strides"))),
                Attribute.ints("dilations", hw(attr.path("dilations"))),
                autoPad(attr));
        for (String op : fused.subList(1, fused.size())) {
            x = switch (op) {
                case "Relu" -> graph.node("Relu", List.of(x));
                case "Prelu" -> graph.prelu(x, weight(inputs.get(3)).values);
                default -> throw new IllegalArgumentException("Unsupported fused op " + op);
            };
        }
        return x;
    }

    private String depthwiseConv(List<String> inputs, JsonNode attr) {
        Weight filter = weight(inputs.get(1));
        int kh = filter.shape.get(0);
        int kw = filter.shape.get(1);
        int channels = filter.shape.get(2);
        int multiplier = filter.shape.get(3);
        float[] oihw = new float[filter.values.length];
        for (int h = 0; h < kh; h++) {
            for (int w = 0; w < kw; w++) {
                for (int c = 0; c < channels; c++) {
                    for (int m = 0; m < multiplier; m++) {
                        oihw[((c * multiplier + m) * kh + h) * kw + w] =
                                filter.values[((h * kw + w) * channels + c) * multiplier + m];
                    }
                }
            }
        }
        return graph.node(
                "Conv",
                List.of(convert(inputs.get(0)), graph.floats("dw", oihw, (long) channels * multiplier, 1, kh, kw)),
                Attribute.ints("kernel_shape", kh, kw),
                Attribute.ints("strides", hw(attr.path("strides"))),
                Attribute.ints("dilations", hw(attr.path("dilations"))),
                Attribute.integer("group", channels),
                autoPad(attr));
    }

    private String pad(List<String> inputs) {
        float[] p = weight(inputs.get(1)).values;
        // TF paddings: [[n0,n1],[h0,h1],[w0,w1],[c0,c1]]; ONNX: all begins (N,C,H,W) then all ends
        long[] pads = {
            (long) p[0], (long) p[6], (long) p[2], (long) p[4], (long) p[1], (long) p[7], (long) p[3], (long) p[5]
        };
        return graph.node("Pad", List.of(convert(inputs.get(0)), graph.longs("pads", pads)));
    }

    private String reshape(List<String> inputs) {
        String nhwc = graph.node("Transpose", List.of(convert(inputs.get(0))), Attribute.ints("perm", 0, 2, 3, 1));
        float[] shape = weight(inputs.get(1)).values;
        long[] target = new long[shape.length];
        for (int i = 0; i < shape.length; i++) {
            target[i] = (long) shape[i];
        }
        // keep the input's batch size, and let the next dimension follow the input size (BlazeFace's anchor count
        // grows with the image, so one converted model serves any input size that is a multiple of 32)
        target[0] = 0;
        if (target.length > 2) {
            target[1] = -1;
        }
        return graph.node("Reshape", List.of(nhwc, graph.longs("shape", target)));
    }

    private Weight weight(String tensor) {
        Weight w = weights.get(tensor.replaceFirst(":0$", ""));
        if (w == null) {
            throw new IllegalArgumentException("Missing TFJS weight " + tensor);
        }
        return w;
    }

    private static long[] hw(JsonNode nhwcList) {
        JsonNode values = nhwcList.path("list").path("i");
        if (values.size() != 4) {
            return new long[] {1, 1};
        }
        return new long[] {values.get(1).asLong(), values.get(2).asLong()};
    }

    private static Attribute autoPad(JsonNode attr) {
        String padding = new String(
                Base64.getDecoder().decode(attr.path("padding").path("s").asString()), StandardCharsets.UTF_8);
        return Attribute.string(
                "auto_pad",
                switch (padding) {
                    case "SAME" -> "SAME_UPPER";
                    case "VALID" -> "VALID";
                    default -> throw new IllegalArgumentException("Unsupported padding " + padding);
                });
    }

    private record Weight(List<Integer> shape, float[] values) {}
}
