package org.rollcall.face;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.rollcall.face.align.FaceAligner;
import org.rollcall.face.align.QualityMeter;
import org.rollcall.face.detect.BlazeFaceDetector;
import org.rollcall.face.detect.Detection;
import org.rollcall.face.embed.FaceEmbedder;
import org.rollcall.face.image.ImageDecoder;
import org.rollcall.face.image.RgbImage;
import org.rollcall.face.model.FaceModels;
import org.rollcall.face.model.ShapePredictor;
import org.rollcall.face.onnx.OnnxRuntimeLoader;
import org.rollcall.face.pose.FaceMeshPose;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;

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

    private static final int PADDING_GREY = 0x808080;
    /** Human's face-mesh confidence below which the browser's check sees no face (face-check.js: minConfidence). */
    private static final float MESH_MIN_SCORE = 0.5f;
    /** A face box at least this share of the photo's shorter side may have been too big for the plain view. */
    private static final float FILLS_THE_FRAME = 0.4f;
    /** How much wider the padded view's biggest face must be to replace the plain view's detections. */
    private static final float PADDED_WINS = 1.25f;

    private final FaceEngineSettings settings;
    private final ImageDecoder decoder;
    private final BlazeFaceDetector detector;
    private final FaceAligner aligner;
    private final OrtEnvironment env;
    private final FaceEmbedder embedder;
    private final OneToOneMatcher.ScoreScale scoreScale;
    private final EnrolmentGate gate;
    private final FaceMeshPose meshPose;
    private final OneToOneMatcher matcher;
    private final OneToOneMatcher duplicateMatcher;
    private final ExecutorService workers;
    private final ExecutorService photos;

    public OnnxFaceEngine(FaceEngineSettings settings) {
        this.settings = settings;
        FaceEngineSettings.Limits limits = settings.limits();
        this.decoder = new ImageDecoder(limits.maxImageBytes(), limits.maxImagePixels(), limits.maxImageSide(),
                limits.maxDecodedSide());
        this.env = OnnxRuntimeLoader.environment();
        this.detector = new BlazeFaceDetector(env, settings.detection(), settings.threads());
        this.aligner = new FaceAligner(ShapePredictor.read(FaceModels.read(FaceModels.SHAPE_PREDICTOR)));
        this.embedder = new FaceEmbedder(env, settings.recognition());
        this.gate = new EnrolmentGate(settings.gate());
        this.meshPose = new FaceMeshPose(env);
        this.workers = platformThreads(settings.threads(), "face-engine");
        // Callers may be virtual threads (the web app's request threads). Inference is long, CPU-bound native work
        // that would pin their few carrier threads and starve requests that hold a database connection, so each
        // photo is analysed on a platform thread; the pool's size also caps how many photos are decoded at once.
        this.photos = platformThreads(settings.threads(), "face-photo");
        float[] scale = embedder.scoreScale();
        this.scoreScale = new OneToOneMatcher.ScoreScale(scale[0], scale[1]);
        FaceEngineSettings.Matching m = settings.matching();
        FaceEngineSettings.Scores sc = settings.scores();
        this.matcher = new OneToOneMatcher(sc.threshold(), sc.margin(), m.minInterOcularPx(), m.smallFacePx(),
                sc.smallFaceThreshold(), scoreScale, env, settings.threads());
        // enrolment faces are never small (enrol-min-inter-ocular-px), so no small-face rise
        this.duplicateMatcher = new OneToOneMatcher(sc.duplicateThreshold(), sc.margin(), m.minInterOcularPx(), 0,
                sc.duplicateThreshold(), scoreScale, env, 1);
    }

    public FaceEngineSettings settings() {
        return settings;
    }

    @Override
    public String modelId() {
        return embedder.modelId();
    }

    @Override
    public float score(float[] probe, float[] enrolled) {
        if (probe.length != enrolled.length) {
            throw new IllegalArgumentException("Embeddings of lengths " + probe.length + " and " + enrolled.length
                    + " cannot be compared");
        }
        float dot = 0;
        for (int i = 0; i < probe.length; i++) {
            dot += probe[i] * enrolled[i];
        }
        return scoreScale.of(dot);
    }

    @Override
    public float[] embed(FaceCrop crop) {
        // stored crops are enrolment faces
        return await(photos.submit(() -> embedder.embed(List.of(List.of(crop)), settings.recognition().flip(), 1,
                this::inParallel)[0]));
    }

    @Override
    public List<DetectedFace> findFaces(byte[] image) {
        return await(photos.submit(() -> analyse(image, true, false).faces()));
    }

    /**
     * Every face of a photo analysed as an enrolment photo is (no small-face pass; each embedding averaged over
     * shifted chips, {@code enrol-jitter}), before the quality gate of {@link #enrol}. The CLI's eval-pairs uses it.
     */
    public List<DetectedFace> findFacesAsEnrolment(byte[] image) {
        return await(photos.submit(() -> analyse(image, false, true).faces()));
    }

    @Override
    public Enrolment enrol(byte[] image) {
        return enrol(image, -1);
    }

    @Override
    public Enrolment enrol(byte[] image, int chosen) {
        return await(photos.submit(() -> {
            Analysed analysed = analyse(image, false, true);
            DetectedFace face = withMeshPose(analysed, gate.choose(analysed.faces(), chosen));
            gate.check(face.quality());
            return new Enrolment(face);
        }));
    }

    /**
     * The face with its head turn and tilt read from Human's face mesh on the photo as the browser sees it, so the
     * browser's live check and this gate judge pose alike; the in-plane rotation stays dlib's eye line, which follows
     * any tilt (the mesh's reading saturates near 20 degrees). When the mesh does not see a face (Human would report
     * none) the landmarks' coarse estimate stays.
     */
    private DetectedFace withMeshPose(Analysed analysed, DetectedFace face) {
        float s = analysed.scale();
        Box b = face.box();
        List<Point> p = face.landmarks();
        FaceMeshPose.Pose pose = meshPose.estimate(analysed.photo(), b.x() / s, b.y() / s, (b.x() + b.width()) / s,
                (b.y() + b.height()) / s, (p.get(2).x() + p.get(3).x()) / (2 * s), (p.get(2).y() + p.get(3).y()) / (2 * s),
                (p.get(0).x() + p.get(1).x()) / (2 * s), (p.get(0).y() + p.get(1).y()) / (2 * s));
        if (pose.meshScore() < MESH_MIN_SCORE) {
            return face;
        }
        FaceQuality q = face.quality();
        return new DetectedFace(face.box(), face.landmarks(), face.score(), new FaceQuality(q.interOcularPx(),
                pose.yawDeg(), pose.pitchDeg(), q.rollDeg(), q.sharpness(), q.brightness()), face.embedding(),
                face.crop());
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

    /** The faces of a photo with the photo as decoded (upright, maybe subsampled by {@code scale}). */
    private record Analysed(RgbImage photo, int scale, List<DetectedFace> faces) {
    }

    private Analysed analyse(byte[] bytes, boolean smallFacePass, boolean enrolment) {
        ImageDecoder.Decoded decoded = decoder.decode(bytes);
        RgbImage photo = decoded.image();
        int scale = decoded.scale();
        RgbImage image = photo;
        int border = 0;
        List<Detection> detections = detector.detect(image, smallFacePass);
        if (enrolment) {
            // A face that fills the frame (an ID-card or aligned crop) is too big for BlazeFace's view: it finds
            // nothing, or a smaller "face" inside the face. Looked at again with a neutral border around the photo,
            // as if the camera had been further away, the whole face is found; that view wins when it finds a face
            // clearly bigger than the plain view's biggest
            int padding = Math.max(photo.width(), photo.height()) / 2;
            RgbImage padded = photo.padded(padding, PADDING_GREY);
            // only a face that was too big for the plain view: at least this share of the photo's shorter side
            float tooBig = FILLS_THE_FRAME * Math.min(photo.width(), photo.height());
            List<Detection> inPadded = detector.detect(padded, false).stream().filter(d -> d.width() >= tooBig)
                    .toList();
            if (widest(inPadded) > PADDED_WINS * widest(detections)) {
                image = padded;
                border = padding;
                detections = inPadded;
            }
        }
        if (detections.isEmpty()) {
            return new Analysed(photo, scale, List.of());
        }
        RgbImage analysed = image;
        List<FaceAligner.Aligned> aligned = inParallel(detections, d -> aligner.align(analysed, d));
        // An enrolment embedding is kept for months and compared with every class photo: averaging it over slightly
        // shifted chips makes it less dependent on where the landmarks happened to land (lfw-dev: EER 1.03 % with
        // shifted enrolment chips vs 1.19 % without; see the face issue note). Class photos stay at one chip per
        // face for speed.
        List<List<FaceCrop>> views = enrolment && settings.recognition().enrolJitter() > 0
                ? inParallel(aligned, a -> aligner.viewsForEnrolment(analysed, a, settings.recognition().enrolJitter()))
                : aligned.stream().map(a -> List.of(a.crop())).toList();
        boolean flip = enrolment ? settings.recognition().flip() : settings.recognition().classPhotoFlip();
        float[][] embeddings = embedder.embed(views, flip, settings.threads(), this::inParallel);
        List<DetectedFace> faces = new ArrayList<>(detections.size());
        for (int i = 0; i < detections.size(); i++) {
            Detection d = detections.get(i);
            FaceAligner.Aligned a = aligned.get(i);
            List<Point> landmarks = new ArrayList<>(5);
            for (int k = 0; k < 10; k += 2) {
                landmarks.add(new Point((a.landmarks()[k] - border) * scale, (a.landmarks()[k + 1] - border) * scale));
            }
            Box box = clipped(d.x1() - border, d.y1() - border, d.x2() - border, d.y2() - border, photo, scale);
            FaceQuality quality = QualityMeter.measure(a.landmarks(), a.chip(), scale);
            faces.add(new DetectedFace(box, List.copyOf(landmarks), d.score(), quality, embeddings[i], a.crop()));
        }
        return new Analysed(photo, scale, faces);
    }

    private static float widest(List<Detection> detections) {
        return (float) detections.stream().mapToDouble(Detection::width).max().orElse(0);
    }

    /** The box in photo pixels, clipped to the photo (a face that fills a padded photo reaches past its edges). */
    private static Box clipped(float x1, float y1, float x2, float y2, RgbImage photo, int scale) {
        float left = Math.max(0, x1);
        float top = Math.max(0, y1);
        float right = Math.min(photo.width(), x2);
        float bottom = Math.min(photo.height(), y2);
        return new Box(left * scale, top * scale, Math.max(0, right - left) * scale, Math.max(0, bottom - top) * scale);
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
            embedder.close();
            meshPose.close();
            detector.close();
            matcher.close();
            duplicateMatcher.close();
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
    }
}
