package org.rollcall.support;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.RescaleOp;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.rollcall.face.Box;

/**
 * Test photos made from the group photos shipped in the pinned npm packages (models/node_modules, copied to
 * face-photos/ on the test class path by the build), images derived from them in code, and bad uploads generated on
 * the spot. Nothing here reads /work/shared: a fresh clone has all it needs.
 */
public final class TestPhotos {

    private TestPhotos() {}

    /** A photo of face-photos/ as shipped: face-api's sampleN.jpg (1920-px group photos of 3 to 6 people), Human's samples.jpg. */
    public static byte[] bytes(String name) {
        try (InputStream in = TestPhotos.class.getClassLoader().getResourceAsStream("face-photos/" + name)) {
            if (in == null) {
                throw new IllegalStateException(
                        "face-photos/" + name + " missing: build with Maven (npm ci in models/)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A photo of face-photos/ decoded as ImageIO reads it (its own pixel layout). */
    public static BufferedImage image(String name) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes(name)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** face-api's {@code sampleN.jpg} as RGB. */
    public static BufferedImage faceApiSample(int n) {
        return read(bytes("sample" + n + ".jpg"));
    }

    public static BufferedImage read(Path file) {
        try {
            BufferedImage image = ImageIO.read(file.toFile());
            if (image == null) {
                throw new IllegalStateException("Not an image: " + file.toAbsolutePath());
            }
            return rgb(image);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot read " + file.toAbsolutePath() + " (the build installs it with `npm ci` in models/)", e);
        }
    }

    public static BufferedImage read(byte[] encoded) {
        try {
            return rgb(ImageIO.read(new ByteArrayInputStream(encoded)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The box grown by {@code margin} of its size on every side, clipped to the image. */
    public static BufferedImage crop(BufferedImage image, Box box, double margin) {
        int x0 = (int) Math.max(0, box.x() - margin * box.width());
        int y0 = (int) Math.max(0, box.y() - margin * box.height());
        int x1 = (int) Math.min(image.getWidth(), box.x() + box.width() * (1 + margin));
        int y1 = (int) Math.min(image.getHeight(), box.y() + box.height() * (1 + margin));
        return copy(image.getSubimage(x0, y0, x1 - x0, y1 - y0));
    }

    /** Scaled with bicubic interpolation (as a camera app or photo editor would). */
    public static BufferedImage scale(BufferedImage image, double factor) {
        return scale(image, factor, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    }

    /**
     * Scaled with bilinear interpolation: what the face engine's tests were measured with (their blur and small-face
     * limits are calibrated on it).
     */
    public static BufferedImage scaleBilinear(BufferedImage image, double factor) {
        return scale(image, factor, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    }

    private static BufferedImage scale(BufferedImage image, double factor, Object interpolation) {
        int w = (int) Math.round(image.getWidth() * factor);
        int h = (int) Math.round(image.getHeight() * factor);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interpolation);
        if (interpolation == RenderingHints.VALUE_INTERPOLATION_BICUBIC) {
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        }
        g.drawImage(image, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    /** Rotates by a multiple of 90 degrees clockwise. */
    public static BufferedImage rotate(BufferedImage image, int quarterTurns) {
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
    public static BufferedImage rotateDegrees(BufferedImage image, double degrees) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.GRAY);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.rotate(Math.toRadians(degrees), image.getWidth() / 2.0, image.getHeight() / 2.0);
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return out;
    }

    /** Another shot of the same scene, roughly: smaller, slightly rotated, darker, recompressed harder. */
    public static BufferedImage anotherShot(BufferedImage image, double factor, double degrees, float brightness) {
        BufferedImage scaled = scale(image, factor);
        BufferedImage out = new BufferedImage(scaled.getWidth(), scaled.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.DARK_GRAY);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(scaled, rotation(scaled.getWidth(), scaled.getHeight(), degrees), null);
        g.dispose();
        new RescaleOp(brightness, 0, null).filter(out, out);
        return out;
    }

    /** Where a point of the original photo lands in {@link #anotherShot} of it. */
    public static AffineTransform anotherShotTransform(BufferedImage image, double factor, double degrees) {
        int w = (int) Math.round(image.getWidth() * factor);
        int h = (int) Math.round(image.getHeight() * factor);
        AffineTransform transform = rotation(w, h, degrees);
        transform.concatenate(
                AffineTransform.getScaleInstance(w / (double) image.getWidth(), h / (double) image.getHeight()));
        return transform;
    }

    private static AffineTransform rotation(int width, int height, double degrees) {
        return AffineTransform.getRotateInstance(Math.toRadians(degrees), width / 2.0, height / 2.0);
    }

    /** Pastes the images left to right on one canvas of the given height (each scaled to fit it). */
    public static BufferedImage sideBySide(int height, BufferedImage... images) {
        int width = Arrays.stream(images)
                .mapToInt(i -> (int) Math.round(i.getWidth() * (double) height / i.getHeight()))
                .sum();
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        int x = 0;
        for (BufferedImage image : images) {
            int w = (int) Math.round(image.getWidth() * (double) height / image.getHeight());
            g.drawImage(image, x, 0, w, height, null);
            x += w;
        }
        g.dispose();
        return out;
    }

    /** As ImageIO writes a JPEG by default (quality 0.75), in the image's own pixel layout. */
    public static byte[] jpeg(BufferedImage image) {
        return encode(image, "jpeg");
    }

    public static byte[] jpeg(BufferedImage image, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(rgb(image), null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    public static byte[] png(BufferedImage image) {
        return encode(image, "png");
    }

    private static byte[] encode(BufferedImage image, String format) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A photo without any face: a smooth colour gradient with a few shapes. */
    public static byte[] noFace() {
        BufferedImage image = new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(40, 90, 160), 800, 600, new Color(230, 210, 150)));
        g.fillRect(0, 0, 800, 600);
        g.setColor(new Color(60, 120, 40));
        g.fillRect(0, 450, 800, 150);
        g.setColor(new Color(120, 70, 30));
        g.fillRect(550, 250, 80, 200);
        g.dispose();
        return jpeg(image, 0.9f);
    }

    public static byte[] notAnImage() {
        return "name,roll\nAna,1\nBen,2\n".repeat(50).getBytes(StandardCharsets.UTF_8);
    }

    public static void save(byte[] bytes, Path file) {
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedImage rgb(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB) {
            return image;
        }
        return copy(image);
    }

    /** A TYPE_INT_RGB copy of the image. */
    public static BufferedImage copy(BufferedImage image) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return out;
    }
}
