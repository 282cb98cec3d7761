package org.rollcall.face.model;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Reads tables of a FlatBuffers binary (the format of TensorFlow Lite models) by field number, as the FlatBuffers
 * wire format lays them out: a table starts with the signed offset back to its vtable, whose 16-bit entries give each
 * field's position in the table (0 = absent, the schema default applies); offsets to tables, vectors and strings are
 * unsigned 32-bit and relative to where they are stored. Little-endian throughout.
 *
 * <p>Hand-written instead of generated from TFLite's schema.fbs: the converter reads about twenty fields, and this
 * needs no code generator in the build and no 10 000 generated lines in the tree.
 */
final class FlatBuffer {

    private final ByteBuffer bytes;

    FlatBuffer(byte[] data) {
        this.bytes = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** The root table, optionally checking the 4-character file identifier after the root offset. */
    Table root(String identifier) {
        if (bytes.capacity() < 8) {
            throw new IllegalArgumentException("Not a FlatBuffer: " + bytes.capacity() + " bytes");
        }
        if (identifier != null) {
            byte[] id = new byte[4];
            bytes.get(4, id);
            if (!identifier.equals(new String(id, StandardCharsets.US_ASCII))) {
                throw new IllegalArgumentException("Not a " + identifier + " FlatBuffer");
            }
        }
        return new Table(indirect(0));
    }

    private int indirect(int at) {
        long offset = Integer.toUnsignedLong(bytes.getInt(at));
        long target = at + offset;
        if (target >= bytes.capacity()) {
            throw new IllegalArgumentException(
                    "FlatBuffer offset " + target + " beyond its " + bytes.capacity() + " bytes");
        }
        return (int) target;
    }

    /** A table at a position of the buffer. */
    final class Table {

        private final int position;
        private final int vtable;
        private final int vtableSize;

        private Table(int position) {
            this.position = position;
            this.vtable = position - bytes.getInt(position);
            this.vtableSize = Short.toUnsignedInt(bytes.getShort(vtable));
        }

        /** The field's absolute position, or -1 when it is absent. */
        private int field(int number) {
            int entry = 4 + 2 * number;
            if (entry + 2 > vtableSize) {
                return -1;
            }
            int offset = Short.toUnsignedInt(bytes.getShort(vtable + entry));
            return offset == 0 ? -1 : position + offset;
        }

        boolean has(int number) {
            return field(number) >= 0;
        }

        int int32(int number, int absent) {
            int at = field(number);
            return at < 0 ? absent : bytes.getInt(at);
        }

        int uint8(int number, int absent) {
            int at = field(number);
            return at < 0 ? absent : Byte.toUnsignedInt(bytes.get(at));
        }

        int int8(int number, int absent) {
            int at = field(number);
            return at < 0 ? absent : bytes.get(at);
        }

        Table table(int number) {
            int at = field(number);
            return at < 0 ? null : new Table(indirect(at));
        }

        String string(int number) {
            int at = field(number);
            if (at < 0) {
                return null;
            }
            int start = indirect(at);
            byte[] text = new byte[bytes.getInt(start)];
            bytes.get(start + 4, text);
            return new String(text, StandardCharsets.UTF_8);
        }

        /** Number of elements of a vector field; 0 when absent. */
        int length(int number) {
            int at = field(number);
            return at < 0 ? 0 : bytes.getInt(indirect(at));
        }

        int[] ints(int number) {
            int at = field(number);
            if (at < 0) {
                return new int[0];
            }
            int start = indirect(at);
            int[] values = new int[bytes.getInt(start)];
            for (int i = 0; i < values.length; i++) {
                values[i] = bytes.getInt(start + 4 + 4 * i);
            }
            return values;
        }

        /** A byte vector as a little-endian view (tensor data). */
        ByteBuffer bytes(int number) {
            int at = field(number);
            if (at < 0) {
                return ByteBuffer.allocate(0).order(ByteOrder.LITTLE_ENDIAN);
            }
            int start = indirect(at);
            return bytes.slice(start + 4, bytes.getInt(start)).order(ByteOrder.LITTLE_ENDIAN);
        }

        /** Element i of a vector of tables. */
        Table table(int number, int i) {
            int start = indirect(field(number));
            return new Table(indirect(start + 4 + 4 * i));
        }
    }
}
