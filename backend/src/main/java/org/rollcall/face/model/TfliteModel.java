package org.rollcall.face.model;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of a TensorFlow Lite model (schema.fbs, identifier TFL3) a converter needs: the first subgraph's tensors
 * with their constant data, and its operators in execution order with their builtin options table.
 */
public record TfliteModel(List<Tensor> tensors, List<Operator> operators, int[] inputs, int[] outputs) {

    /** TensorType values of schema.fbs. */
    public static final int FLOAT32 = 0;

    public static final int INT32 = 2;

    /**
     * @param data little-endian constant contents, or null for a tensor computed at run time (an activation)
     */
    public record Tensor(String name, int[] shape, int type, ByteBuffer data) {

        public boolean constant() {
            return data != null;
        }

        public float[] floats() {
            if (type != FLOAT32) {
                throw new IllegalArgumentException("Tensor " + name + " is not float32 (type " + type + ")");
            }
            float[] values = new float[data.remaining() / 4];
            data.duplicate().order(data.order()).asFloatBuffer().get(values);
            return values;
        }

        public int[] ints() {
            if (type != INT32) {
                throw new IllegalArgumentException("Tensor " + name + " is not int32 (type " + type + ")");
            }
            int[] values = new int[data.remaining() / 4];
            data.duplicate().order(data.order()).asIntBuffer().get(values);
            return values;
        }
    }

    /**
     * @param builtin BuiltinOperator of schema.fbs
     * @param inputs  tensor indices, -1 for an optional input left out
     */
    public record Operator(int builtin, int[] inputs, int[] outputs, Options options) {}

    /** An operator's builtin options table; absent fields read as the schema's defaults given by the caller. */
    public static final class Options {

        private final FlatBuffer.Table table;

        private Options(FlatBuffer.Table table) {
            this.table = table;
        }

        public int int32(int field, int absent) {
            return table == null ? absent : table.int32(field, absent);
        }

        public int int8(int field, int absent) {
            return table == null ? absent : table.int8(field, absent);
        }

        public int[] ints(int field) {
            return table == null ? new int[0] : table.ints(field);
        }
    }

    public static TfliteModel read(byte[] file) {
        FlatBuffer.Table model = new FlatBuffer(file).root("TFL3");
        int[] opcodes = new int[model.length(1)];
        for (int i = 0; i < opcodes.length; i++) {
            FlatBuffer.Table code = model.table(1, i);
            // builtin_code (field 3) replaced the int8 deprecated_builtin_code (field 0) once there were > 127 ops
            opcodes[i] = Math.max(code.int8(0, 0), code.int32(3, 0));
        }
        if (model.length(2) != 1) {
            throw new IllegalArgumentException("Expected one subgraph, found " + model.length(2));
        }
        FlatBuffer.Table graph = model.table(2, 0);
        List<Tensor> tensors = new ArrayList<>();
        for (int i = 0; i < graph.length(0); i++) {
            FlatBuffer.Table t = graph.table(0, i);
            int bufferIndex = t.int32(2, 0);
            ByteBuffer data = null;
            if (bufferIndex > 0 && bufferIndex < model.length(4)) {
                ByteBuffer contents = model.table(4, bufferIndex).bytes(0);
                data = contents.remaining() > 0 ? contents : null;
            }
            tensors.add(new Tensor(t.string(3), t.ints(0), t.int8(1, FLOAT32), data));
        }
        List<Operator> operators = new ArrayList<>();
        for (int i = 0; i < graph.length(3); i++) {
            FlatBuffer.Table op = graph.table(3, i);
            operators.add(new Operator(opcodes[op.int32(0, 0)], op.ints(1), op.ints(2), new Options(op.table(4))));
        }
        return new TfliteModel(List.copyOf(tensors), List.copyOf(operators), graph.ints(1), graph.ints(2));
    }
}
