package org.rollcall.face.model;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Reads dlib's serialization format: integers as a length byte (low nibble = byte count, bit 7 = sign) followed by
 * little-endian bytes, floats as such an integer mantissa and exponent, strings as a length and raw bytes, DNN
 * tensors as four dimensions followed by raw little-endian IEEE floats.
 */
final class DlibReader {

    private final ByteBuffer buffer;

    DlibReader(byte[] data) {
        this.buffer = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
    }

    int position() {
        return buffer.position();
    }

    void seek(int position) {
        buffer.position(position);
    }

    long readLong() {
        int head = buffer.get() & 0xFF;
        int size = head & 0x0F;
        if (size > 8) {
            throw new IllegalStateException("Corrupt dlib integer at " + (buffer.position() - 1));
        }
        long value = 0;
        for (int i = 0; i < size; i++) {
            value |= (long) (buffer.get() & 0xFF) << (8 * i);
        }
        return (head & 0x80) != 0 ? -value : value;
    }

    int readInt() {
        return Math.toIntExact(readLong());
    }

    float readFloat() {
        long mantissa = readLong();
        long exponent = readLong();
        return (float) (mantissa * Math.pow(2, exponent));
    }

    String readString() {
        int length = readInt();
        byte[] bytes = new byte[length];
        buffer.get(bytes);
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    /** A dlib DNN tensor (version 2): returns its values; its shape is (n, k, nr, nc) flattened. */
    float[] readTensor() {
        int version = readInt();
        if (version != 2) {
            throw new IllegalStateException("Unsupported dlib tensor version " + version);
        }
        long count = readLong() * readLong() * readLong() * readLong();
        float[] values = new float[Math.toIntExact(count)];
        buffer.asFloatBuffer().get(values);
        buffer.position(buffer.position() + values.length * 4);
        return values;
    }

    /**
     * Finds the next occurrence of a serialized string from the given names at or after the current position, and
     * leaves the reader just after it; returns the name, or null at the end of the data.
     */
    String seekNextName(String... names) {
        byte[] data = buffer.array();
        for (int p = buffer.position(); p < data.length - 2; p++) {
            if (data[p] != 1) {
                continue;
            }
            int length = data[p + 1] & 0xFF;
            for (String name : names) {
                if (name.length() == length
                        && p + 2 + length <= data.length
                        && new String(data, p + 2, length, StandardCharsets.US_ASCII).equals(name)) {
                    buffer.position(p + 2 + length);
                    return name;
                }
            }
        }
        return null;
    }
}
