package org.rollcall.face;

import ai.onnxruntime.OrtException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.rollcall.face.align.ArcFaceCrop;
import org.rollcall.face.align.FivePoints;
import org.rollcall.face.onnx.OnnxRuntimeLoader;
import org.rollcall.support.TestPhotos;

/**
 * The fixed network inputs the converted models are checked on, made from the npm sample photos. The reference
 * outputs in {@code face-reference/} were recorded once from the original implementations on exactly these inputs:
 * {@code main} writes them as raw RGB bytes, then {@code backend/src/test/node/record-references.mjs} runs the TFJS
 * BlazeFace graph and face-api's ResNet (tfjs CPU backend bundled in @vladmandic/face-api) on them. No second
 * implementation of the TFLite MobileFaceNet runs from the registries here, so its reference is computed in the test
 * by {@link TfliteReference}, an independent plain-loop interpreter of the .tflite file.
 */
final class ReferenceInputs {

    private ReferenceInputs() {}

    /** sample1.jpg stretched to 256x256: BlazeFace's input as RGB bytes, row by row. */
    static byte[] blazeFaceRgb() {
        return rgb(resize(TestPhotos.image("sample1.jpg"), 0, 0, -1, -1, 256));
    }

    /** A 150x150 square around the largest face of sample3.jpg (x 560..860, y 260..560): the ResNet's input. */
    static byte[] resnetRgb() {
        return rgb(resize(TestPhotos.image("sample3.jpg"), 560, 260, 300, 300, 150));
    }

    /**
     * The ArcFace 112x112 crop, as the engine aligns it, of the largest face of sample5.jpg, which looks nearly
     * straight at the camera (so its mirror image is the same face seen the same way): MobileFaceNet's input.
     */
    static byte[] mobileFaceNetRgb() {
        try (OnnxFaceEngine engine = new OnnxFaceEngine(FaceEngineSettings.defaults())) {
            DetectedFace face = engine.findFaces(TestPhotos.bytes("sample5.jpg")).stream()
                    .max(java.util.Comparator.comparing(f -> f.quality().interOcularPx()))
                    .orElseThrow();
            int plane = ArcFaceCrop.SIZE * ArcFaceCrop.SIZE;
            float[] planar = new float[3 * plane];
            try (FivePoints five = new FivePoints(OnnxRuntimeLoader.environment())) {
                ArcFaceCrop.write(face.crop(), ArcFaceCrop.toCrop(five.of(List.of(face.crop()), 0, 1)[0]), planar, 0);
            } catch (OrtException e) {
                throw new IllegalStateException(e);
            }
            byte[] out = new byte[3 * plane];
            for (int i = 0; i < plane; i++) {
                for (int c = 0; c < 3; c++) {
                    out[3 * i + c] = (byte) Math.round(planar[c * plane + i] * 128 + 127.5f);
                }
            }
            return out;
        }
    }

    /** A 48x48 square around the largest face of sample3.jpg (as for the ResNet): O-Net's input. */
    static byte[] onetRgb() {
        return rgb(resize(TestPhotos.image("sample3.jpg"), 560, 260, 300, 300, 48));
    }

    /** The same region mirrored left to right. */
    static byte[] mirrored(byte[] rgb, int size) {
        byte[] out = new byte[rgb.length];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                System.arraycopy(rgb, 3 * (y * size + x), out, 3 * (y * size + size - 1 - x), 3);
            }
        }
        return out;
    }

    private static BufferedImage resize(BufferedImage source, int x, int y, int w, int h, int size) {
        BufferedImage region = w < 0 ? source : source.getSubimage(x, y, w, h);
        BufferedImage out = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(region, 0, 0, size, size, null);
        g.dispose();
        return out;
    }

    private static byte[] rgb(BufferedImage image) {
        byte[] out = new byte[image.getWidth() * image.getHeight() * 3];
        int i = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                out[i++] = (byte) (p >> 16);
                out[i++] = (byte) (p >> 8);
                out[i++] = (byte) p;
            }
        }
        return out;
    }

    /** Writes the inputs for the recording script: {@code ReferenceInputs OUTPUT_DIR}. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        Files.write(dir.resolve("blazeface-input.rgb"), blazeFaceRgb());
        Files.write(dir.resolve("resnet-input.rgb"), resnetRgb());
    }
}
