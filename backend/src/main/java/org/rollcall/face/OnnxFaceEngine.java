package org.rollcall.face;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import java.util.ArrayList;
import java.util.List;
import org.rollcall.face.align.FaceAligner;
import org.rollcall.face.align.QualityMeter;
import org.rollcall.face.detect.BlazeFaceDetector;
import org.rollcall.face.detect.Detection;
import org.rollcall.face.detect.FaceFinder;
import org.rollcall.face.embed.FaceEmbedder;
import org.rollcall.face.image.ImageDecoder;
import org.rollcall.face.image.RgbImage;
import org.rollcall.face.model.FaceModels;
import org.rollcall.face.model.ShapePredictor;
import org.rollcall.face.onnx.OnnxRuntimeLoader;

/**
 * The face engine on ONNX Runtime: BlazeFace (converted from Human's TFJS graph) finds faces, dlib's 5-point
 * predictor places the landmarks, dlib's chip (150 px, padding 0.25) feeds dlib's ResNet (converted from its .dat),
 * whose 128-d output is L2-normalised. Models are converted in memory when the engine is built (about a second);
 * build one engine per application and share it (thread-safe). Close it to free the native sessions.
 *
 * <p>A façade over the steps, each a class a test or benchmark can call alone: decode ({@link ImageDecoder}), detect
 * ({@link FaceFinder} over {@link BlazeFaceDetector}), align ({@link FaceAligner}), embed ({@link FaceEmbedder}),
 * quality ({@link QualityMeter}, {@link HeadPose}, {@link EnrolmentGate}) and match ({@link OneToOneMatcher}).
 *
 * <p>Landmarks of a {@link DetectedFace} are dlib's five points: 0 outer and 1 inner corner of the eye on the
 * image's right (the person's left eye), 2 outer and 3 inner corner of the eye on the image's left, 4 the bottom
 * of the nose.
 */
public final class OnnxFaceEngine implements FaceEngine, AutoCloseable {

    private final FaceEngineSettings settings;
    private final Workers workers;
    private final ImageDecoder decoder;
    private final BlazeFaceDetector detector;
    private final FaceFinder finder;
    private final FaceAligner aligner;
    private final FaceEmbedder embedder;
    private final HeadPose headPose;
    private final EnrolmentGate gate;
    private final OneToOneMatcher.ScoreScale scoreScale;
    private final OneToOneMatcher matcher;
    private final OneToOneMatcher duplicateMatcher;

    public OnnxFaceEngine(FaceEngineSettings settings) {
        this.settings = settings;
        FaceEngineSettings.Limits limits = settings.limits();
        this.decoder = new ImageDecoder(
                limits.maxImageBytes(), limits.maxImagePixels(), limits.maxImageSide(), limits.maxDecodedSide());
        OrtEnvironment env = OnnxRuntimeLoader.environment();
        this.detector = new BlazeFaceDetector(env, settings.detection(), settings.threads());
        this.finder = new FaceFinder(detector);
        this.aligner = new FaceAligner(ShapePredictor.read(FaceModels.read(FaceModels.SHAPE_PREDICTOR)));
        this.embedder = new FaceEmbedder(env, settings.recognition());
        this.gate = new EnrolmentGate(settings.gate());
        this.headPose = new HeadPose(env);
        this.workers = new Workers(settings.threads());
        float[] scale = embedder.scoreScale();
        this.scoreScale = new OneToOneMatcher.ScoreScale(scale[0], scale[1]);
        this.matcher = OneToOneMatcher.forMarking(settings, scoreScale, env);
        this.duplicateMatcher = OneToOneMatcher.forDuplicates(settings, scoreScale, env);
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
        return scoreScale.score(probe, enrolled);
    }

    @Override
    public float[] embed(FaceCrop crop) {
        // stored crops are enrolment faces
        return workers.forPhoto(() ->
                embedder.embed(List.of(List.of(crop)), settings.recognition().flip(), 1, workers)[0]);
    }

    /**
     * The networks' multiply-adds for a class photo of this size with this many faces: the floor the benchmark
     * compares its time with (the 5-point predictor and the pixel work around the networks are not counted).
     */
    public long classPhotoMultiplyAdds(int width, int height, int faces) {
        int views = settings.recognition().classPhotoFlip() ? 2 : 1;
        return detector.multiplyAdds(width, height) + faces * embedder.multiplyAddsPerFace(views);
    }

    @Override
    public List<DetectedFace> findFaces(byte[] image) {
        return workers.forPhoto(() -> analyse(image, false).faces());
    }

    /**
     * Every face of a photo analysed as an enrolment photo is (no small-face pass; each embedding averaged over
     * shifted chips, {@code enrol-jitter}), before the quality gate of {@link #enrol}. The CLI's eval-pairs uses it.
     */
    public List<DetectedFace> findFacesAsEnrolment(byte[] image) {
        return workers.forPhoto(() -> analyse(image, true).faces());
    }

    @Override
    public Enrolment enrol(byte[] image) {
        return enrol(image, -1);
    }

    @Override
    public Enrolment enrol(byte[] image, int chosen) {
        return workers.forPhoto(() -> {
            Analysed analysed = analyse(image, true);
            DetectedFace face =
                    headPose.measure(analysed.photo(), analysed.scale(), gate.choose(analysed.faces(), chosen));
            gate.check(face.quality());
            return new Enrolment(face);
        });
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
    private record Analysed(RgbImage photo, int scale, List<DetectedFace> faces) {}

    /** decode, detect, align, embed, quality. */
    private Analysed analyse(byte[] bytes, boolean enrolment) {
        ImageDecoder.Decoded decoded = enrolment ? decoder.decodeForEnrolment(bytes) : decoder.decode(bytes);
        RgbImage photo = decoded.image();
        int scale = decoded.scale();
        FaceFinder.Found found = enrolment ? finder.inEnrolmentPhoto(photo) : finder.inClassPhoto(photo);
        List<Detection> detections = found.detections();
        if (detections.isEmpty()) {
            return new Analysed(photo, scale, List.of());
        }
        RgbImage image = found.image();
        List<FaceAligner.Aligned> aligned = workers.map(detections, d -> aligner.align(image, d));
        // An enrolment embedding is kept for months and compared with every class photo: averaging it over slightly
        // shifted chips makes it less dependent on where the landmarks happened to land (lfw-dev: EER 1.03 % with
        // shifted enrolment chips vs 1.19 % without; see the face issue note). Class photos stay at one chip per
        // face for speed.
        float jitter = settings.recognition().enrolJitter();
        List<List<FaceCrop>> views = enrolment && jitter > 0
                ? enrolmentViews(image, aligned, jitter)
                : aligned.stream().map(a -> List.of(a.crop())).toList();
        boolean flip = enrolment
                ? settings.recognition().flip()
                : settings.recognition().classPhotoFlip();
        float[][] embeddings = embedder.embed(views, flip, settings.threads(), workers);
        List<DetectedFace> faces = new ArrayList<>(detections.size());
        for (int i = 0; i < detections.size(); i++) {
            Detection d = detections.get(i);
            FaceAligner.Aligned a = aligned.get(i);
            faces.add(new DetectedFace(
                    found.box(d, scale),
                    found.points(a.landmarks(), scale),
                    d.score(),
                    QualityMeter.measure(a.landmarks(), a.chip(), scale),
                    embeddings[i],
                    a.crop()));
        }
        return new Analysed(photo, scale, faces);
    }

    /**
     * Each face's chip and its four shifted chips, the shifted ones cut in parallel: from a 12-megapixel photo each
     * chip pixel averages 16 samples, and the chips of a lone enrolment face would otherwise keep one core busy.
     */
    private List<List<FaceCrop>> enrolmentViews(RgbImage image, List<FaceAligner.Aligned> aligned, float jitter) {
        record Shifted(int face, float[] landmarks) {}
        List<Shifted> shifted = new ArrayList<>();
        List<List<FaceCrop>> views = new ArrayList<>(aligned.size());
        for (int f = 0; f < aligned.size(); f++) {
            for (float[] landmarks : aligner.shiftedForEnrolment(aligned.get(f), jitter)) {
                shifted.add(new Shifted(f, landmarks));
            }
            views.add(new ArrayList<>(List.of(aligned.get(f).crop())));
        }
        List<FaceCrop> crops =
                workers.map(shifted, s -> aligner.chip(image, s.landmarks()).crop());
        for (int i = 0; i < crops.size(); i++) {
            views.get(shifted.get(i).face()).add(crops.get(i));
        }
        return views;
    }

    @Override
    public void close() {
        workers.close();
        try {
            embedder.close();
            headPose.close();
            detector.close();
            matcher.close();
            duplicateMatcher.close();
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
    }
}
