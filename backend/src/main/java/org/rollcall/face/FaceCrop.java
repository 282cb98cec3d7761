package org.rollcall.face;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.rollcall.face.image.RgbImage;

/**
 * The aligned face kept with a face instead of the photo: dlib's chip grid (150 px, padding 0.25) widened by
 * {@link #MARGIN} pixels on every side, so that both recognisers' inputs (dlib's chip, the ArcFace 112x112 crop) can be
 * cut from it again later. The engine embeds from exactly these 8-bit pixels, so re-embedding a stored crop gives the
 * same vector as the engine gave when it found the face.
 *
 * @param rgb {@code size x size} pixels, interleaved R, G, B, row by row
 */
public record FaceCrop(int size, byte[] rgb) {

    /** dlib's chip side. */
    public static final int CHIP = 150;
    /** Pixels around dlib's chip: enough for the ArcFace crop's forehead and cheeks. */
    public static final int MARGIN = 30;

    public static final int SIZE = CHIP + 2 * MARGIN;

    public FaceCrop {
        if (size <= 0 || rgb.length != 3 * size * size) {
            throw new IllegalArgumentException("A crop of side " + size + " needs " + 3 * size * size + " bytes");
        }
    }

    /** The crop's pixels packed as 0xRRGGBB, for bilinear sampling ({@link RgbImage#addBilinear}). */
    public RgbImage pixels() {
        int[] packed = new int[size * size];
        for (int i = 0; i < packed.length; i++) {
            packed[i] = (rgb[3 * i] & 0xFF) << 16 | (rgb[3 * i + 1] & 0xFF) << 8 | (rgb[3 * i + 2] & 0xFF);
        }
        return new RgbImage(size, size, packed);
    }

    /** The crop as a lossless PNG (what is stored). */
    public byte[] png() {
        return encode(image(0, size), "png");
    }

    /** dlib's 150-px chip in the middle of the crop as a small JPEG, for thumbnails on screen. */
    public byte[] thumbnailJpeg() {
        int from = size == SIZE ? MARGIN : 0;
        return encode(image(from, size == SIZE ? CHIP : size), "jpeg");
    }

    /** A crop read back from {@link #png()}, or from a square thumbnail of another size. */
    public static FaceCrop read(byte[] image) {
        BufferedImage img;
        try {
            img = ImageIO.read(new ByteArrayInputStream(image));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (img == null || img.getWidth() != img.getHeight()) {
            throw new IllegalArgumentException("Not a square face crop");
        }
        int n = img.getWidth();
        byte[] rgb = new byte[3 * n * n];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                int p = img.getRGB(x, y);
                int o = 3 * (y * n + x);
                rgb[o] = (byte) (p >> 16);
                rgb[o + 1] = (byte) (p >> 8);
                rgb[o + 2] = (byte) p;
            }
        }
        return new FaceCrop(n, rgb);
    }

    /**
     * This crop at {@link #SIZE}: a bare 150-px chip (the JPEG thumbnail kept before crops were stored) is widened by
     * repeating its border pixels, which costs the ArcFace crop some forehead and cheek but keeps dlib's chip exact.
     */
    public FaceCrop widened() {
        if (size == SIZE) {
            return this;
        }
        if (size != CHIP) {
            throw new IllegalArgumentException("A face crop is " + SIZE + " or " + CHIP + " px, not " + size);
        }
        byte[] out = new byte[3 * SIZE * SIZE];
        for (int y = 0; y < SIZE; y++) {
            int sy = Math.min(Math.max(y - MARGIN, 0), CHIP - 1);
            for (int x = 0; x < SIZE; x++) {
                int sx = Math.min(Math.max(x - MARGIN, 0), CHIP - 1);
                System.arraycopy(rgb, 3 * (sy * CHIP + sx), out, 3 * (y * SIZE + x), 3);
            }
        }
        return new FaceCrop(SIZE, out);
    }

    private BufferedImage image(int from, int side) {
        BufferedImage img = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, side, side, pixels().pixels(), from * size + from, size);
        return img;
    }

    private static byte[] encode(BufferedImage img, String format) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(img, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
