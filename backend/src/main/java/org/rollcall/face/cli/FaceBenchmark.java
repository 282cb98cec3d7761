package org.rollcall.face.cli;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import org.rollcall.face.Box;
import org.rollcall.face.DetectedFace;
import org.rollcall.face.FaceCrop;
import org.rollcall.face.FaceEngineSettings;
import org.rollcall.face.FaceQuality;
import org.rollcall.face.FaceRejectedException;
import org.rollcall.face.Gallery;
import org.rollcall.face.GalleryEntry;
import org.rollcall.face.OnnxFaceEngine;
import org.rollcall.face.onnx.OnnxGraph;
import org.rollcall.face.onnx.OnnxRuntimeLoader;

/**
 * {@code face bench}: the speed figures of the face issue, printed as p50/p95 over repeated runs after a warm-up.
 * The photos are scaled (cover + centre crop) to the exact sizes and encoded as JPEG in memory, so the end-to-end
 * figure includes JPEG decoding.
 */
final class FaceBenchmark {

    private final PrintStream out;
    private final Map<String, String> overrides;
    private final FaceEngineSettings settings;

    /** @param overrides the command line's settings ({@code rollcall.face.*} over the shipped defaults) */
    FaceBenchmark(PrintStream out, Map<String, String> overrides) {
        this.out = out;
        this.overrides = overrides;
        this.settings = FaceEngineSettings.of(overrides);
    }

    int run(List<String> args) throws IOException {
        String single = FaceCli.option(args, "--single", null);
        String group = FaceCli.option(args, "--group", null);
        int runs = Integer.parseInt(FaceCli.option(args, "--runs", "50"));
        long start = System.nanoTime();
        try (OnnxFaceEngine engine = new OnnxFaceEngine(settings)) {
            out.printf(Locale.ROOT, "engine start-up (checksums, conversion, sessions): %.0f ms%n", ms(start));
            if (single != null) {
                byte[] jpeg = scaledJpeg(Path.of(single), 640, 480);
                int faces = engine.findFaces(jpeg).size();
                report(
                        "640x480 end-to-end (decode+detect+align+embed), " + faces + " face(s)",
                        time(runs, () -> engine.findFaces(jpeg)));
                report("640x480 enrolment (five shifted crops, gate)", time(runs, () -> enrol(engine, jpeg)));
                byte[] phone = scaledJpeg(Path.of(single), 4000, 3000);
                report(
                        "4000x3000 (12 MP phone photo) enrolment, " + phone.length / 1024 + " KB",
                        time(Math.max(5, runs / 3), () -> enrol(engine, phone)));
            }
            if (group != null) {
                byte[] jpeg = scaledJpeg(Path.of(group), 1920, 1080);
                int faces = engine.findFaces(jpeg).size();
                double[] endToEnd = time(Math.max(5, runs / 3), () -> engine.findFaces(jpeg));
                report("1920x1080 end-to-end, " + faces + " face(s)", endToEnd);
                floor(engine, faces, endToEnd[endToEnd.length / 2]);
                report("1920x1080 JPEG decode alone (ImageIO)", time(Math.max(5, runs / 3), () -> decode(jpeg)));
            }
            matcher(engine, runs);
        }
        if (group != null) {
            // where the time goes: the same photo with parts of the pipeline switched off
            byte[] jpeg = scaledJpeg(Path.of(group), 1920, 1080);
            variant("class-photo-flip", "true", "1920x1080 with the mirror image of every face too", jpeg, runs);
            variant(
                    "small-face-min-image-side",
                    String.valueOf(Integer.MAX_VALUE),
                    "1920x1080 without the small-face pass",
                    jpeg,
                    runs);
        }
        memory();
        return 0;
    }

    /** The enrolment's work, whether the gate accepts the photo or not. */
    private static Object enrol(OnnxFaceEngine engine, byte[] photo) {
        try {
            return engine.enrol(photo);
        } catch (FaceRejectedException e) {
            return e.reason();
        }
    }

    /** The command line's settings with one more key changed. */
    private void variant(String key, String value, String what, byte[] jpeg, int runs) {
        Map<String, String> changed = new HashMap<>(overrides);
        changed.put(FaceEngineSettings.PREFIX + "." + key, value);
        try (OnnxFaceEngine engine = new OnnxFaceEngine(FaceEngineSettings.of(changed))) {
            int faces = engine.findFaces(jpeg).size();
            report(what + ", " + faces + " face(s)", time(Math.max(5, runs / 3), () -> engine.findFaces(jpeg)));
        }
    }

    /**
     * The time the networks' arithmetic alone needs on this host, measured in the same run: ONNX Runtime's matrix
     * product (its best-tuned kernel) on the engine's thread count gives the host's FLOP rate.
     */
    private void floor(OnnxFaceEngine engine, int faces, double p50) {
        int n = 1024;
        OnnxGraph g = new OnnxGraph("matmul");
        g.input("a", n, n);
        float[] b = new float[n * n];
        Random random = new Random(7);
        for (int i = 0; i < b.length; i++) {
            b[i] = random.nextFloat();
        }
        g.node("MatMul", List.of("a", g.floats("b", b, n, n)), "c");
        g.output("c", n, n);
        OrtEnvironment env = OnnxRuntimeLoader.environment();
        double best = Double.MAX_VALUE;
        try (OrtSession session = OnnxRuntimeLoader.session(env, g.toBytes(), settings.threads());
                OnnxTensor a = OnnxTensor.createTensor(env, FloatBuffer.wrap(b), new long[] {n, n})) {
            for (int i = 0; i < 15; i++) {
                long s = System.nanoTime();
                session.run(Map.of("a", a)).close();
                best = Math.min(best, ms(s));
            }
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
        double gflops = 2.0 * n * n * n / best / 1e6;
        double work = 2.0 * engine.classPhotoMultiplyAdds(1920, 1080, faces) / 1e9;
        double floorMs = work / gflops * 1e3;
        out.printf(
                Locale.ROOT,
                "host FLOP rate (ONNX Runtime MatMul %dx%dx%d, %d thread(s)): %.0f GFLOP/s; the networks' %.1f GFLOP"
                        + " for the 1920x1080 photo take at least %.0f ms: end-to-end p50 is %.2fx that%n",
                n,
                n,
                n,
                settings.threads(),
                gflops,
                work,
                floorMs,
                p50 / floorMs);
    }

    private void matcher(OnnxFaceEngine engine, int runs) {
        Random random = new Random(42);
        int dim = engine.embed(new FaceCrop(FaceCrop.SIZE, new byte[3 * FaceCrop.SIZE * FaceCrop.SIZE])).length;
        List<DetectedFace> probes = new ArrayList<>();
        FaceQuality quality = new FaceQuality(60, 0, 0, 0, 100, 128);
        for (int i = 0; i < 50; i++) {
            probes.add(new DetectedFace(new Box(0, 0, 100, 100), List.of(), 1, quality, unit(random, dim), null));
        }
        List<GalleryEntry<Integer>> gallery = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            gallery.add(new GalleryEntry<>(i / 5, unit(random, dim)));
        }
        Gallery<Integer> prepared = Gallery.of(gallery);
        report(
                "matcher 50 probes x 50000 enrolled (10000 subjects, " + dim + "-d), gallery prepared once",
                time(Math.max(20, runs), () -> engine.match(probes, prepared)));
        report(
                "matcher 50 probes x 50000 enrolled, gallery list laid out on every call",
                time(Math.max(20, runs), () -> engine.match(probes, gallery)));
    }

    private static float[] unit(Random random, int dim) {
        float[] v = new float[dim];
        double s = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
            s += v[i] * v[i];
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= (float) Math.sqrt(s);
        }
        return v;
    }

    private void memory() {
        long heapPeak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heapPeak += pool.getPeakUsage().getUsed();
            }
        }
        out.printf(
                Locale.ROOT,
                "peak heap (sum of pool peaks) %.0f MB, max heap %.0f MB%n",
                heapPeak / 1048576.0,
                Runtime.getRuntime().maxMemory() / 1048576.0);
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM") || line.startsWith("VmRSS")) {
                    out.println(line.replaceAll("\\s+", " ") + (line.startsWith("VmHWM") ? " (peak RSS)" : ""));
                }
            }
        } catch (IOException e) {
            out.println("RSS not available on this system");
        }
    }

    private static double[] time(int runs, Supplier<?> work) {
        for (int i = 0; i < Math.max(3, runs / 5); i++) {
            work.get();
        }
        double[] t = new double[runs];
        for (int i = 0; i < runs; i++) {
            long s = System.nanoTime();
            work.get();
            t[i] = ms(s);
        }
        Arrays.sort(t);
        return t;
    }

    private void report(String what, double[] sorted) {
        out.printf(
                Locale.ROOT,
                "%s: p50 %.1f ms, p95 %.1f ms, min %.1f ms (%d runs)%n",
                what,
                sorted[sorted.length / 2],
                sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)],
                sorted[0],
                sorted.length);
    }

    private static double ms(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    private static BufferedImage decode(byte[] jpeg) {
        try {
            return ImageIO.read(new ByteArrayInputStream(jpeg));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Scales the photo to cover width x height, crops the centre, and encodes it as JPEG. */
    private static byte[] scaledJpeg(Path photo, int width, int height) throws IOException {
        BufferedImage source = ImageIO.read(photo.toFile());
        if (source == null) {
            throw new IOException(photo + " is not a readable image");
        }
        double scale = Math.max((double) width / source.getWidth(), (double) height / source.getHeight());
        int w = (int) Math.round(source.getWidth() * scale);
        int h = (int) Math.round(source.getHeight() * scale);
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.drawImage(source, (width - w) / 2, (height - h) / 2, w, h, null);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(target, "jpeg", bytes);
        return bytes.toByteArray();
    }
}
