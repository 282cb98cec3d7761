package org.rollcall.support;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/** Hostile and broken images, made in code (shared by the engine tests and the upload tests). */
public final class BadImages {

    private BadImages() {}

    /** A valid PNG (correct CRCs, a complete zlib stream) that declares width x height, 1-bit grey, all black. */
    public static byte[] hugePng(int width, int height) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream();
                DataOutputStream data = new DataOutputStream(out)) {
            data.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
            ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
            DataOutputStream h = new DataOutputStream(ihdr);
            h.writeInt(width);
            h.writeInt(height);
            h.write(new byte[] {1, 0, 0, 0, 0});
            chunk(data, "IHDR", ihdr.toByteArray());
            // a few rows of zeros compressed: a real decoder would still allocate for the whole declared image
            Deflater deflater = new Deflater(9);
            deflater.setInput(new byte[(width / 8 + 1) * 64]);
            deflater.finish();
            byte[] buffer = new byte[1 << 16];
            int n = deflater.deflate(buffer);
            deflater.end();
            chunk(data, "IDAT", java.util.Arrays.copyOf(buffer, n));
            chunk(data, "IEND", new byte[0]);
            data.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void chunk(DataOutputStream out, String type, byte[] body) throws IOException {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.writeInt(body.length);
        out.write(t);
        out.write(body);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(body);
        out.writeInt((int) crc.getValue());
    }

    /** A GIF whose logical screen and image are 65535 x 65535 with a tiny LZW stream: a classic GIF bomb. */
    public static byte[] gifBomb() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("GIF89a".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0x80, 0, 0});
        out.writeBytes(new byte[] {0, 0, 0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF}); // 2-colour palette
        out.writeBytes(new byte[] {0x2C, 0, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0});
        out.writeBytes(new byte[] {2, 2, 0x4C, 0x01, 0, 0x3B}); // LZW min code 2, one sub-block, trailer
        return out.toByteArray();
    }

    public static byte[] truncated(byte[] jpeg, double fraction) {
        return java.util.Arrays.copyOf(jpeg, (int) (jpeg.length * fraction));
    }

    /** A JPEG with its entropy-coded data overwritten by noise after the headers. */
    public static byte[] corrupt(byte[] jpeg) {
        byte[] copy = jpeg.clone();
        java.util.Random random = new java.util.Random(7);
        for (int i = copy.length / 3; i < copy.length - 2; i++) {
            copy[i] = (byte) random.nextInt(256);
        }
        return copy;
    }
}
