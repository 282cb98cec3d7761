package org.rollcall.face;

import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

/**
 * Photos for the face tests: the group photos shipped in the pinned npm packages (copied to face-photos/ by the
 * build), and images derived from them in code.
 */
final class TestPhotos {

    private TestPhotos() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = TestPhotos.class.getClassLoader().getResourceAsStream("face-photos/" + name)) {
            if (in == null) {
                throw new IllegalStateException("face-photos/" + name + " missing: build with Maven (npm ci in models/)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BufferedImage image(String name) {
        return decode(bytes(name));
    }

    static BufferedImage decode(byte[] bytes) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] encode(BufferedImage image, String format) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] jpeg(BufferedImage image) {
        return encode(image, "jpeg");
    }

    /** A crop around a box, enlarged by {@code grow} times its size on every side, clamped to the image. */
    static BufferedImage crop(BufferedImage image, Box box, float grow) {
        int x = (int) Math.max(0, box.x() - grow * box.width());
        int y = (int) Math.max(0, box.y() - grow * box.height());
        int x2 = (int) Math.min(image.getWidth(), box.x() + box.width() * (1 + grow));
        int y2 = (int) Math.min(image.getHeight(), box.y() + box.height() * (1 + grow));
        return copy(image.getSubimage(x, y, x2 - x, y2 - y));
    }

    static BufferedImage copy(BufferedImage image) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return out;
    }

    static BufferedImage scale(BufferedImage image, double factor) {
        int w = (int) Math.round(image.getWidth() * factor);
        int h = (int) Math.round(image.getHeight() * factor);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION,
                java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    /** Rotates by a multiple of 90 degrees clockwise. */
    static BufferedImage rotate(BufferedImage image, int quarterTurns) {
        int q = ((quarterTurns % 4) + 4) % 4;
        int w = image.getWidth();
        int h = image.getHeight();
        boolean swap = q % 2 == 1;
        BufferedImage out = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_RGB);
        AffineTransform t = new AffineTransform();
        t.translate(out.getWidth() / 2.0, out.getHeight() / 2.0);
        t.quadrantRotate(q);
        t.translate(-w / 2.0, -h / 2.0);
        Graphics2D g = out.createGraphics();
        g.drawImage(image, t, null);
        g.dispose();
        return out;
    }

    /** Rotates by any angle around the centre (same canvas size, grey outside). */
    static BufferedImage rotateDegrees(BufferedImage image, double degrees) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(java.awt.Color.GRAY);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION,
                java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.rotate(Math.toRadians(degrees), image.getWidth() / 2.0, image.getHeight() / 2.0);
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return out;
    }
}
