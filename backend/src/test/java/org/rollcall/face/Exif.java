package org.rollcall.face;

import java.io.ByteArrayOutputStream;

/** Inserts a minimal EXIF block (IFD0 with only the orientation tag) right after a JPEG's SOI marker. */
final class Exif {

    private Exif() {}

    static byte[] withOrientation(byte[] jpeg, int orientation) {
        byte[] tiff = {
            'I',
            'I',
            42,
            0,
            8,
            0,
            0,
            0, // little-endian TIFF header, IFD0 at offset 8
            1,
            0, // one entry
            0x12,
            0x01,
            3,
            0,
            1,
            0,
            0,
            0, // tag 0x0112 orientation, SHORT, count 1
            (byte) orientation,
            0,
            0,
            0, // value
            0,
            0,
            0,
            0
        }; // no next IFD
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xD8);
        int length = 2 + 6 + tiff.length;
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length});
        out.writeBytes(new byte[] {'E', 'x', 'i', 'f', 0, 0});
        out.writeBytes(tiff);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }
}
