package org.rollcall.face.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.rollcall.face.DetectedFace;
import org.rollcall.face.FaceEngineSettings;
import org.rollcall.face.FaceRejectedException;
import org.rollcall.face.OnnxFaceEngine;
import org.rollcall.face.Recogniser;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.core.NestedExceptionUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code java -jar rollcall.jar face <command> ...}: the face engine from the command line, with nothing else
 * started. Commands: detect, embed, eval-pairs, calibrate, bench (see {@link #usage()}).
 */
public final class FaceCli {

    private final PrintStream out;
    private final PrintStream err;
    private final JsonMapper json = JsonMapper.builder().build();
    private Map<String, String> overrides;
    private FaceEngineSettings settings;

    public FaceCli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Runs a command and returns the process exit code (0 ok, 1 failure, 2 usage). */
    public int run(String... args) {
        if (args.length == 0) {
            err.println(usage());
            return 2;
        }
        List<String> rest = new ArrayList<>(Arrays.asList(args).subList(1, args.length));
        try {
            overrides = overrides(rest);
            settings = FaceEngineSettings.of(overrides);
            return switch (args[0]) {
                case "detect" -> detect(rest);
                case "enrol" -> enrol(rest);
                case "embed" -> embed(rest);
                case "eval-pairs" -> evalPairs(rest);
                case "calibrate" -> calibrate(rest);
                case "identify" -> identify(rest);
                case "bench" -> new FaceBenchmark(out, overrides).run(rest);
                default -> {
                    err.println(usage());
                    yield 2;
                }
            };
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(usage());
            return 2;
        } catch (BindException e) {
            err.println(e.getMessage() + ": "
                    + NestedExceptionUtils.getMostSpecificCause(e).getMessage());
            return 2;
        } catch (IOException e) {
            err.println("I/O error: " + e.getMessage());
            return 1;
        }
    }

    static String usage() {
        return """
                Every command takes --recogniser dlib|mobilefacenet|fused (default: rollcall.face.recogniser).
                usage: face detect IMAGE...
                       face enrol IMAGE...                     (the enrolment gate's verdict on each photo)
                       face embed [--pick largest|center] [--as class-photo|enrolment] IMAGE...
                       face eval-pairs [--as enrolment|class-photo|mixed] [--all-pairs] --root DIR PAIRS
                                                               (PAIRS lines: path1<TAB>path2<TAB>1|0; --as says how
                                                               images are embedded: both as enrolment photos, the
                                                               default; both as faces of a class photo; or the first
                                                               as an enrolment photo, the second as a class photo)
                       face calibrate [--far 0.001] DIR        (DIR holds one folder of photos per person)
                       face identify [--dump F] [--vectors F] --root DIR IDENTITIES (open-set identification: IDENTITIES lines are
                                                               name<TAB>photo<TAB>photo..., everyone else under DIR
                                                               is a stranger)
                       face bench [--single FILE] [--group FILE] [--runs N]   (photos are scaled to 640x480 and 1920x1080)""";
    }

    private int detect(List<String> images) throws IOException {
        requireArgs(images, "detect needs at least one image");
        try (OnnxFaceEngine engine = new OnnxFaceEngine(settings)) {
            for (String path : images) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("path", path);
                try {
                    line.put(
                            "faces",
                            engine.findFaces(Files.readAllBytes(Path.of(path))).stream()
                                    .map(FaceCli::describe)
                                    .toList());
                } catch (FaceRejectedException e) {
                    line.put("error", e.reason().name());
                    line.put("message", e.getMessage());
                }
                out.println(json.writeValueAsString(line));
            }
        }
        return 0;
    }

    private int enrol(List<String> images) throws IOException {
        requireArgs(images, "enrol needs at least one image");
        try (OnnxFaceEngine engine = new OnnxFaceEngine(settings)) {
            for (String path : images) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("path", path);
                try {
                    DetectedFace face =
                            engine.enrol(Files.readAllBytes(Path.of(path))).face();
                    line.put("verdict", "ENROLLED");
                    line.put("quality", face.quality());
                } catch (FaceRejectedException e) {
                    line.put("verdict", e.reason().name());
                    line.put("message", e.getMessage());
                }
                out.println(json.writeValueAsString(line));
            }
        }
        return 0;
    }

    private static Map<String, Object> describe(DetectedFace f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("box", f.box());
        m.put("landmarks", f.landmarks());
        m.put("score", f.score());
        m.put("quality", f.quality());
        return m;
    }

    private int embed(List<String> args) throws IOException {
        String pick = option(args, "--pick", "largest");
        boolean asEnrolment = embedAs(option(args, "--as", "class-photo"));
        requireArgs(args, "embed needs at least one image");
        try (OnnxFaceEngine engine = new OnnxFaceEngine(settings)) {
            for (String path : args) {
                Optional<float[]> e = embedOne(engine, Path.of(path), pick, asEnrolment);
                out.println(path + "\t" + e.map(FaceCli::csv).orElse("NOFACE"));
            }
        }
        return 0;
    }

    private int evalPairs(List<String> args) throws IOException {
        Path root = Path.of(option(args, "--root", "."));
        String pick = option(args, "--pick", "center");
        PairEmbedding how = switch (option(args, "--as", "enrolment")) {
            case "enrolment" -> new PairEmbedding(true, true, "enrolment photos");
            case "class-photo" -> new PairEmbedding(false, false, "class photos");
            case "mixed" -> new PairEmbedding(true, false, "enrolment photo vs class photo");
            default -> throw new IllegalArgumentException("--as must be enrolment, class-photo or mixed");
        };
        boolean allPairs = args.remove("--all-pairs");
        requireArgs(args, "eval-pairs needs a PAIRS file");
        List<String[]> pairs = Files.readAllLines(Path.of(args.get(0))).stream()
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .map(l -> l.split("\t"))
                .toList();
        Map<ImageAs, Optional<float[]>> cache = new LinkedHashMap<>();
        double[] scores = new double[pairs.size()];
        boolean[] same = new boolean[pairs.size()];
        int missing = 0;
        try (OnnxFaceEngine engine = new OnnxFaceEngine(settings)) {
            for (int i = 0; i < pairs.size(); i++) {
                String[] p = pairs.get(i);
                if (p.length != 3) {
                    throw new IllegalArgumentException("Bad pairs line " + (i + 1) + ": " + String.join(" ", p));
                }
                Optional<float[]> a = cache.computeIfAbsent(
                        new ImageAs(p[0], how.firstAsEnrolment()),
                        k -> embedOneUnchecked(engine, root.resolve(k.path()), pick, k.enrolment()));
                Optional<float[]> b = cache.computeIfAbsent(
                        new ImageAs(p[1], how.secondAsEnrolment()),
                        k -> embedOneUnchecked(engine, root.resolve(k.path()), pick, k.enrolment()));
                same[i] = p[2].equals("1");
                if (a.isEmpty() || b.isEmpty()) {
                    missing++;
                    scores[i] = -1;
                } else {
                    scores[i] = engine.score(a.get(), b.get());
                }
            }
            if (allPairs) {
                allPairs(engine, cache, how.firstAsEnrolment());
            }
        }
        PairStats.Folds folds = PairStats.tenFold(scores, same, 10);
        double[] genuine = filter(scores, same, true);
        double[] impostor = filter(scores, same, false);
        double tAtFar = PairStats.thresholdAtFar(impostor, 1e-3);
        out.printf(
                Locale.ROOT,
                "pairs %d (same %d, different %d), embedded as %s, images without a face: %d%n",
                pairs.size(),
                genuine.length,
                impostor.length,
                how.description(),
                cache.values().stream().filter(Optional::isEmpty).count());
        out.printf(
                Locale.ROOT,
                "accuracy %.2f %% ± %.2f (10 folds, threshold fit on 9), mean threshold %.4f%n",
                100 * folds.meanAccuracy(),
                100 * folds.stdAccuracy(),
                folds.meanThreshold());
        out.printf(
                Locale.ROOT,
                "TAR %.2f %% at FAR 1e-3 (threshold %.4f; %d impostor pairs, so FAR 1e-3 means %d "
                        + "false accepts)%n",
                100 * PairStats.acceptRate(genuine, tAtFar),
                tAtFar,
                impostor.length,
                (int) Math.floor(1e-3 * impostor.length));
        if (missing > 0) {
            out.printf(Locale.ROOT, "%d pairs had an image without a face (scored -1)%n", missing);
        }
        return 0;
    }

    /**
     * Every same-person pair of the images against every different-person pair (the person is the image's folder),
     * embedded the first image's way: far less noisy than the 10-fold pairs figure.
     */
    private void allPairs(OnnxFaceEngine engine, Map<ImageAs, Optional<float[]>> cache, boolean asEnrolment) {
        List<String> people = new ArrayList<>();
        List<float[]> embeddings = new ArrayList<>();
        cache.forEach((image, embedding) -> {
            if (image.enrolment() == asEnrolment && embedding.isPresent()) {
                Path parent = Path.of(image.path()).getParent();
                people.add(parent == null ? image.path() : parent.toString());
                embeddings.add(embedding.get());
            }
        });
        List<Double> genuine = new ArrayList<>();
        double[] impostor = new double[embeddings.size() * (embeddings.size() - 1) / 2];
        int n = 0;
        for (int i = 0; i < embeddings.size(); i++) {
            for (int j = i + 1; j < embeddings.size(); j++) {
                double s = engine.score(embeddings.get(i), embeddings.get(j));
                if (people.get(i).equals(people.get(j))) {
                    genuine.add(s);
                } else {
                    impostor[n++] = s;
                }
            }
        }
        PairStats.AllPairs r = PairStats.allPairs(
                genuine.stream().mapToDouble(Double::doubleValue).toArray(), Arrays.copyOf(impostor, n));
        out.printf(
                Locale.ROOT,
                "all pairs of %d images: %d same-person against %d different-person pairs: EER %.2f %%, "
                        + "TAR %.2f %% at FAR 1e-3, %.2f %% at FAR 1e-4, d' %.3f; different people score %.4f"
                        + " on average, std %.4f (the fusion's impostor statistics)%n",
                embeddings.size(),
                r.genuine(),
                r.impostor(),
                100 * r.eer(),
                100 * r.tarAt1e3(),
                100 * r.tarAt1e4(),
                r.dPrime(),
                r.impostorMean(),
                r.impostorStd());
    }

    /** How eval-pairs embeds the first and the second image of each pair, and the words for it. */
    private record PairEmbedding(boolean firstAsEnrolment, boolean secondAsEnrolment, String description) {}

    private record ImageAs(String path, boolean enrolment) {}

    private int identify(List<String> args) throws IOException {
        Path root = Path.of(option(args, "--root", "."));
        String dump = option(args, "--dump", null);
        String vectors = option(args, "--vectors", null);
        requireArgs(args, "identify needs an IDENTITIES file");
        try (OnnxFaceEngine engine = new OnnxFaceEngine(settings)) {
            return new Identification(engine, out, err)
                    .run(
                            root,
                            Path.of(args.get(0)),
                            dump == null ? null : Path.of(dump),
                            vectors == null ? null : Path.of(vectors));
        }
    }

    private int calibrate(List<String> args) throws IOException {
        double far = Double.parseDouble(option(args, "--far", "0.001"));
        requireArgs(args, "calibrate needs a folder with one folder per person");
        Path dir = Path.of(args.get(0));
        Map<String, List<Calibration.Photo>> people = new LinkedHashMap<>();
        int noFace = 0;
        Calibration.Result r;
        String recogniser = settings.recognition().recogniser().key();
        try (OnnxFaceEngine engine = new OnnxFaceEngine(settings);
                Stream<Path> persons = Files.list(dir)) {
            for (Path person : persons.filter(Files::isDirectory).sorted().toList()) {
                List<Calibration.Photo> embeddings = new ArrayList<>();
                try (Stream<Path> photos = Files.list(person)) {
                    for (Path photo :
                            photos.filter(Files::isRegularFile).sorted().toList()) {
                        Optional<float[]> enrolled = embedOneUnchecked(engine, photo, "largest", true);
                        Optional<float[]> inClassPhoto = embedOneUnchecked(engine, photo, "largest", false);
                        if (enrolled.isPresent() && inClassPhoto.isPresent()) {
                            embeddings.add(new Calibration.Photo(enrolled.get(), inClassPhoto.get()));
                        } else {
                            noFace++;
                        }
                    }
                }
                if (!embeddings.isEmpty()) {
                    people.put(person.getFileName().toString(), embeddings);
                }
            }
            r = Calibration.suggest(new ArrayList<>(people.values()), far, engine::score);
        }
        out.printf(
                Locale.ROOT,
                "people %d, photos with a face %d, without %d%n",
                people.size(),
                people.values().stream().mapToInt(List::size).sum(),
                noFace);
        out.printf(Locale.ROOT, "genuine pairs %d, impostor pairs %d%n", r.genuinePairs(), r.impostorPairs());
        out.printf(
                Locale.ROOT,
                "suggested threshold %.4f (FAR %.4f %% on impostor pairs, target %.4f %%), " + "TAR %.2f %%%n",
                r.threshold(),
                100 * r.far(),
                100 * far,
                100 * r.tar());
        out.printf(
                Locale.ROOT,
                "suggested margin %.4f (identification: %.2f %% of probes correctly accepted, "
                        + "%.2f %% wrongly accepted, leave-one-out over enrolled photos)%n",
                r.margin(),
                100 * r.identificationCorrect(),
                100 * r.identificationWrong());
        out.printf(
                Locale.ROOT,
                "configuration: rollcall.face.%s.match-threshold=%.4f rollcall.face.%s.match-margin=%.4f%n",
                recogniser,
                r.threshold(),
                recogniser,
                r.margin());
        return 0;
    }

    private Optional<float[]> embedOneUnchecked(OnnxFaceEngine engine, Path path, String pick, boolean asEnrolment) {
        try {
            return embedOne(engine, path, pick, asEnrolment);
        } catch (IOException e) {
            err.println(path + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<float[]> embedOne(OnnxFaceEngine engine, Path path, String pick, boolean asEnrolment)
            throws IOException {
        List<DetectedFace> faces;
        byte[] bytes = Files.readAllBytes(path);
        try {
            faces = asEnrolment ? engine.findFacesAsEnrolment(bytes) : engine.findFaces(bytes);
        } catch (FaceRejectedException e) {
            err.println(path + ": " + e.reason() + " " + e.getMessage());
            return Optional.empty();
        }
        Comparator<DetectedFace> order = switch (pick) {
            case "largest" ->
                Comparator.comparing((DetectedFace f) -> f.quality().interOcularPx())
                        .reversed();
            case "center" -> {
                java.awt.Dimension size = PhotoSize.of(bytes);
                yield Comparator.comparing((DetectedFace f) -> Math.hypot(
                        f.box().x() + f.box().width() / 2 - size.width / 2.0,
                        f.box().y() + f.box().height() / 2 - size.height / 2.0));
            }
            default -> throw new IllegalArgumentException("--pick must be largest or center");
        };
        return faces.stream().min(order).map(DetectedFace::embedding);
    }

    private static double[] filter(double[] scores, boolean[] same, boolean wanted) {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            if (same[i] == wanted) {
                out.add(scores[i]);
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static String csv(float[] v) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < v.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(v[i]);
        }
        return sb.toString();
    }

    /**
     * The settings over the shipped defaults: Java system properties {@code rollcall.face.*}, and {@code --recogniser}
     * (removed from args) over both.
     */
    static Map<String, String> overrides(List<String> args) {
        String recogniser = option(args, "--recogniser", null);
        Map<String, String> overrides = new HashMap<>();
        for (String key : System.getProperties().stringPropertyNames()) {
            if (key.startsWith(FaceEngineSettings.PREFIX + ".")) {
                overrides.put(key, System.getProperty(key));
            }
        }
        if (recogniser != null) {
            overrides.put(
                    FaceEngineSettings.PREFIX + ".recogniser",
                    Recogniser.of(recogniser).key());
        }
        return overrides;
    }

    /** Removes "--name value" from args and returns the value, or the default. */
    static String option(List<String> args, String name, String fallback) {
        int i = args.indexOf(name);
        if (i < 0) {
            return fallback;
        }
        if (i + 1 >= args.size()) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        String value = args.get(i + 1);
        args.remove(i + 1);
        args.remove(i);
        return value;
    }

    /** true for enrolment, false for class-photo (an image embedded as a face of a class photo). */
    private static boolean embedAs(String as) {
        return switch (as) {
            case "enrolment" -> true;
            case "class-photo" -> false;
            default -> throw new IllegalArgumentException("--as must be enrolment or class-photo");
        };
    }

    private static void requireArgs(List<String> args, String message) {
        if (args.isEmpty()) {
            throw new IllegalArgumentException(message);
        }
    }
}
