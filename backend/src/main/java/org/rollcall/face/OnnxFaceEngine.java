package org.rollcall.face;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.rollcall.face.align.FaceAligner;
import org.rollcall.face.align.QualityMeter;
import org.rollcall.face.detect.BlazeFaceDetector;
import org.rollcall.face.detect.Detection;
import org.rollcall.face.image.ImageDecoder;
import org.rollcall.face.image.RgbImage;
import org.rollcall.face.model.DlibResnetConverter;
import org.rollcall.face.model.FaceModels;
import org.rollcall.face.model.ShapePredictor;
import org.rollcall.face.model.TfjsGraphConverter;
import org.rollcall.face.onnx.OnnxRuntimeLoader;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/**
 * The face engine on ONNX Runtime: BlazeFace (converted from Human's TFJS graph) finds faces, dlib's 5-point
 * predictor places the landmarks, dlib's chip (150 px, padding 0.25) feeds dlib's ResNet (converted from its .dat),
 * whose 128-d output is L2-normalised. Models are converted in memory when the engine is built (about a second);
 * build one engine per application and share it (thread-safe). Close it to free the native sessions.
 *
 * <p>Landmarks of a {@link DetectedFace} are dlib's five points: 0 outer and 1 inner corner of the eye on the
 * image's right (the person's left eye), 2 outer and 3 inner corner of the eye on the image's left, 4 the bottom
 * of the nose.
 */
public final class OnnxFaceEngine implements FaceEngine, AutoCloseable {

    private static final String MODEL_ID = "dlib-resnet-v1/sp5-chip150-p0.25";
    private static final int EMBEDDING = 128;

    private final FaceEngineSettings settings;
    private final ImageDecoder decoder;
    private final BlazeFaceDetector detector;
    private final FaceAligner aligner;
    private final OrtEnvironment env;
    private final OrtSession resnet;
    private final OneToOneMatcher matcher;
    private final OneToOneMatcher duplicateMatcher;
    private final ExecutorService workers;
    private final ExecutorService photos;

    public OnnxFaceEngine(FaceEngineSettings settings) {
        this.settings = settings;
        this.decoder = new ImageDecoder(settings.maxImageBytes(), settings.maxImagePixels(), settings.maxImageSide(),
                settings.maxDecodedSide());
        this.env = OnnxRuntimeLoader.environment();
        byte[] blazeface = TfjsGraphConverter.toOnnx(FaceModels.read(FaceModels.BLAZEFACE_JSON),
                FaceModels.read(FaceModels.BLAZEFACE_BIN), BlazeFaceDetector.INPUT,
                new long[]{-1, 3, -1, -1},
                Map.of("Identity", new long[]{-1, -1, 1}, "Identity_1", new long[]{-1, -1, 1},
                        "Identity_2", new long[]{-1, -1, 16}, "Identity_3", new long[]{-1, -1, 16}));
        this.detector = new BlazeFaceDetector(env, OnnxRuntimeLoader.session(env, blazeface, settings.threads()),
                new BlazeFaceDetector.Settings(settings.detectorMinScore(), settings.smallFaceMinScore(),
                        settings.nmsIou(), settings.smallFaceMinImageSide(), settings.smallFaceInputSize()));
        this.aligner = new FaceAligner(ShapePredictor.read(FaceModels.read(FaceModels.SHAPE_PREDICTOR)));
        this.resnet = OnnxRuntimeLoader.session(env, DlibResnetConverter.toOnnx(FaceModels.read(FaceModels.RESNET)), 1);
        this.workers = platformThreads(settings.threads(), "face-engine");
        // Callers may be virtual threads (the web app's request threads). Inference is long, CPU-bound native work
        // that would pin their few carrier threads and starve requests that hold a database connection, so each
        // photo is analysed on a platform thread; the pool's size also caps how many photos are decoded at once.
        this.photos = platformThreads(settings.threads(), "face-photo");
        this.matcher = new OneToOneMatcher(settings.matchThreshold(), settings.matchMargin(),
                settings.matchMinInterOcularPx(), settings.matchSmallFacePx(), settings.matchSmallFaceThreshold(), env,
                settings.threads());
        // enrolment faces are never small (enrol-min-inter-ocular-px), so no small-face rise
        this.duplicateMatcher = new OneToOneMatcher(settings.enrolDuplicateThreshold(), settings.matchMargin(),
                settings.matchMinInterOcularPx(), 0, settings.enrolDuplicateThreshold(), env, 1);
    }

    @Override
    public String modelId() {
        return settings.flipAugmentation() ? MODEL_ID + "+flip" : MODEL_ID;
    }

    @Override
    public List<DetectedFace> findFaces(byte[] image) {
        return await(photos.submit(() -> analyse(image, true, false)));
    }

    /**
     * Every face of a photo analysed as an enrolment photo is (no small-face pass; each embedding averaged over
     * shifted chips, {@code enrol-jitter}), before the quality gate of {@link #enrol}. The CLI's eval-pairs uses it.
     */
    public List<DetectedFace> findFacesAsEnrolment(byte[] image) {
        return await(photos.submit(() -> analyse(image, false, true)));
    }

    @Override
    public Enrolment enrol(byte[] image) {
        List<DetectedFace> faces = new ArrayList<>(await(photos.submit(() -> analyse(image, false, true))));
        if (faces.isEmpty()) {
            throw new FaceRejectedException(RejectReason.NO_FACE, "No face was found in the photo.");
        }
        faces.sort(Comparator.comparing((DetectedFace f) -> f.quality().interOcularPx()).reversed());
        FaceQuality q = faces.get(0).quality();
        long others = faces.stream().skip(1)
                .filter(f -> f.quality().interOcularPx() >= settings.enrolOtherFaceRatio() * q.interOcularPx())
                .count();
        if (others > 0) {
            throw new FaceRejectedException(RejectReason.MULTIPLE_FACES,
                    "The photo shows " + (others + 1) + " faces; an enrolment photo must show only the student.");
        }
        if (q.interOcularPx() < settings.enrolMinInterOcularPx()) {
            throw new FaceRejectedException(RejectReason.FACE_TOO_SMALL, String.format(
                    "The face is too small: %.0f px between the eyes, at least %.0f px are needed.",
                    q.interOcularPx(), settings.enrolMinInterOcularPx()));
        }
        if (Math.abs(q.yawDeg()) > settings.enrolMaxYawDeg() || Math.abs(q.pitchDeg()) > settings.enrolMaxPitchDeg()
                || Math.abs(q.rollDeg()) > settings.enrolMaxRollDeg()) {
            throw new FaceRejectedException(RejectReason.NOT_FRONTAL, String.format(
                    "The face is not frontal enough (turn %.0f°, tilt %.0f°, rotation %.0f°; at most %.0f°, %.0f° "
                            + "and %.0f°).", q.yawDeg(), q.pitchDeg(), q.rollDeg(), settings.enrolMaxYawDeg(),
                    settings.enrolMaxPitchDeg(), settings.enrolMaxRollDeg()));
        }
        if (q.brightness() < settings.enrolMinBrightness()) {
            throw new FaceRejectedException(RejectReason.TOO_DARK, String.format(
                    "The face is too dark (brightness %.0f of 255, at least %.0f needed).", q.brightness(),
                    settings.enrolMinBrightness()));
        }
        if (q.sharpness() < settings.enrolMinSharpness()) {
            throw new FaceRejectedException(RejectReason.TOO_BLURRY, String.format(
                    "The face is too blurry (sharpness %.1f, at least %.1f needed).", q.sharpness(),
                    settings.enrolMinSharpness()));
        }
        return new Enrolment(faces.get(0));
    }

    @Override
    public <K> List<Assignment<K>> match(List<DetectedFace> probes, List<GalleryEntry<K>> gallery) {
        return matcher.match(probes, Gallery.once(gallery));
    }

    @Override
    public <K> List<Assignment<K>> match(List<DetectedFace> probes, Gallery<K> gallery) {
        return matcher.match(probes, gallery);
    }

    @Override
    public <K> List<Assignment<K>> findAlreadyEnrolled(List<DetectedFace> faces, List<GalleryEntry<K>> gallery) {
        return duplicateMatcher.match(faces, Gallery.once(gallery));
    }

    private List<DetectedFace> analyse(byte[] bytes, boolean smallFacePass, boolean enrolment) {
        ImageDecoder.Decoded decoded = decoder.decode(bytes);
        RgbImage image = decoded.image();
        int scale = decoded.scale();
        List<Detection> detections = detector.detect(image, smallFacePass);
        if (detections.isEmpty()) {
            return List.of();
        }
        List<FaceAligner.Aligned> aligned = inParallel(detections, d -> aligner.align(image, d));
        // An enrolment embedding is kept for months and compared with every class photo: averaging it over slightly
        // shifted chips makes it less dependent on where the landmarks happened to land (lfw-dev: EER 1.03 % with
        // shifted enrolment chips vs 1.19 % without; see the face issue note). Class photos stay at one chip per
        // face for speed.
        List<List<FaceCrop>> views = enrolment && settings.enrolJitter() > 0
                ? inParallel(aligned, a -> aligner.viewsForEnrolment(image, a, settings.enrolJitter()))
                : aligned.stream().map(a -> List.of(a.crop())).toList();
        float[][] embeddings = embed(views);
        List<DetectedFace> faces = new ArrayList<>(detections.size());
        for (int i = 0; i < detections.size(); i++) {
            Detection d = detections.get(i);
            FaceAligner.Aligned a = aligned.get(i);
            List<Point> landmarks = new ArrayList<>(5);
            for (int k = 0; k < 10; k += 2) {
                landmarks.add(new Point(a.landmarks()[k] * scale, a.landmarks()[k + 1] * scale));
            }
            Box box = new Box(d.x1() * scale, d.y1() * scale, d.width() * scale, d.height() * scale);
            FaceQuality quality = QualityMeter.measure(a.landmarks(), a.chip(), scale);
            faces.add(new DetectedFace(box, List.copyOf(landmarks), d.score(), quality, embeddings[i], a.crop()));
        }
        return faces;
    }

    /**
     * Embeds every face from its chips: each chip (and its mirror image with flip augmentation) goes through the
     * ResNet, the outputs of one face are summed and L2-normalised. The chips are split into one batch per worker
     * thread (one intra-op thread per run beats two here).
     */
    private float[][] embed(List<List<FaceCrop>> chipsPerFace) {
        List<FaceCrop> chips = new ArrayList<>();
        List<Integer> owner = new ArrayList<>();
        for (int f = 0; f < chipsPerFace.size(); f++) {
            for (FaceCrop chip : chipsPerFace.get(f)) {
                chips.add(chip);
                owner.add(f);
            }
        }
        int n = chips.size();
        int batches = Math.min(n, Math.max(1, settings.threads()));
        List<int[]> ranges = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
            ranges.add(new int[]{b * n / batches, (b + 1) * n / batches});
        }
        List<float[][]> parts = inParallel(ranges, r -> embedRange(chips, r[0], r[1]));
        float[][] sums = new float[chipsPerFace.size()][EMBEDDING];
        for (int b = 0; b < batches; b++) {
            float[][] part = parts.get(b);
            for (int i = 0; i < part.length; i++) {
                float[] sum = sums[owner.get(ranges.get(b)[0] + i)];
                for (int k = 0; k < EMBEDDING; k++) {
                    sum[k] += part[i][k];
                }
            }
        }
        for (float[] sum : sums) {
            normalise(sum);
        }
        return sums;
    }

    /** The ResNet's raw output for chips {@code from..to-1}, each summed with its mirror's under flip augmentation. */
    private float[][] embedRange(List<FaceCrop> chips, int from, int to) {
        int chip = 3 * FaceAligner.CHIP * FaceAligner.CHIP;
        boolean flip = settings.flipAugmentation();
        int count = (to - from) * (flip ? 2 : 1);
        float[] input = new float[count * chip];
        for (int i = from; i < to; i++) {
            float[] c = FaceAligner.dlibChip(chips.get(i));
            int slot = (i - from) * (flip ? 2 : 1);
            System.arraycopy(c, 0, input, slot * chip, chip);
            if (flip) {
                mirror(c, input, (slot + 1) * chip);
            }
        }
        float[][] raw;
        try (OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(input),
                new long[]{count, 3, FaceAligner.CHIP, FaceAligner.CHIP});
             OrtSession.Result result = resnet.run(Map.of("image", tensor))) {
            raw = (float[][]) result.get(0).getValue();
        } catch (OrtException e) {
            throw new IllegalStateException("Embedding failed", e);
        }
        float[][] out = new float[to - from][EMBEDDING];
        for (int i = 0; i < out.length; i++) {
            for (int k = 0; k < EMBEDDING; k++) {
                out[i][k] = flip ? raw[2 * i][k] + raw[2 * i + 1][k] : raw[i][k];
            }
        }
        return out;
    }

    private static void mirror(float[] chip, float[] out, int offset) {
        int n = FaceAligner.CHIP;
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < n; y++) {
                int row = c * n * n + y * n;
                for (int x = 0; x < n; x++) {
                    out[offset + row + x] = chip[row + n - 1 - x];
                }
            }
        }
    }

    private static float[] normalise(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += x * x;
        }
        float inv = (float) (1 / Math.sqrt(Math.max(sum, 1e-12)));
        for (int i = 0; i < v.length; i++) {
            v[i] *= inv;
        }
        return v;
    }

    private <T, R> List<R> inParallel(List<T> items, java.util.function.Function<T, R> work) {
        if (items.size() == 1 || settings.threads() <= 1) {
            return items.stream().map(work).toList();
        }
        List<Future<R>> futures = items.stream().map(item -> workers.submit(() -> work.apply(item))).toList();
        List<R> results = new ArrayList<>(items.size());
        for (Future<R> f : futures) {
            results.add(await(f));
        }
        return results;
    }

    private static <R> R await(Future<R> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static ExecutorService platformThreads(int count, String name) {
        return Executors.newFixedThreadPool(Math.max(1, count), r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void close() {
        photos.shutdownNow();
        workers.shutdownNow();
        try {
            resnet.close();
            detector.close();
            matcher.close();
            duplicateMatcher.close();
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
    }
}
