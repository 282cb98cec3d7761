package org.rollcall.face.cli;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.rollcall.face.Assignment;
import org.rollcall.face.DetectedFace;
import org.rollcall.face.FaceRejectedException;
import org.rollcall.face.GalleryEntry;
import org.rollcall.face.OnnxFaceEngine;

/**
 * {@code face identify --root DIR IDENTITIES}: open-set identification as attendance does it. IDENTITIES lines are
 * {@code name<TAB>photo<TAB>photo…} (lfw-dev's identities.txt, paths relative to DIR). In round k (k = 1..3) every
 * person with a k-th photo is enrolled from it as an enrolment photo; their other photos, shrunk to 3/4 as faces of a class photo
 * are, and every photo under DIR of a person not in IDENTITIES (the strangers) are matched against the whole gallery
 * with the configured matcher (threshold, margin, small-face rule).
 */
final class Identification {

    private static final int ROUNDS = 3;
    private static final double PROBE_SCALE = 0.75;

    private final OnnxFaceEngine engine;
    private final PrintStream out;
    private final PrintStream err;

    Identification(OnnxFaceEngine engine, PrintStream out, PrintStream err) {
        this.engine = engine;
        this.out = out;
        this.err = err;
    }

    /**
     * @param dump where to write one line per probe (round, true person or "-" for a stranger, best enrolled person,
     *             best score, second-best score, pixels between the eyes) for sweeping matcher settings; null: none
     * @param vectorsFile where to write every embedding, for trying other scores offline: one line per enrolment of
     *             each round ("enrolled", round, person) and per probe photo ("probe", -1, person or "-"), then the
     *             photo's file name, pixels between the eyes and the vector; null: none
     */
    int run(Path root, Path identitiesFile, Path dump, Path vectorsFile) throws IOException {
        List<String> dumped = new ArrayList<>();
        List<String> vectors = new ArrayList<>();
        Map<String, List<Path>> identities = new LinkedHashMap<>();
        for (String line : Files.readAllLines(identitiesFile)) {
            String[] fields = line.strip().split("\t");
            if (fields.length >= 2) {
                identities.put(
                        fields[0], Stream.of(fields).skip(1).map(root::resolve).toList());
            }
        }
        List<Path> strangers = new ArrayList<>();
        Set<String> known = identities.keySet();
        try (Stream<Path> people = Files.list(root)) {
            for (Path person : people.filter(Files::isDirectory).sorted().toList()) {
                if (!known.contains(person.getFileName().toString())) {
                    try (Stream<Path> photos = Files.list(person)) {
                        photos.filter(Files::isRegularFile).sorted().forEach(strangers::add);
                    }
                }
            }
        }
        Map<Path, Optional<DetectedFace>> probes = new HashMap<>();
        int correct = 0, wrongPerson = 0, missed = 0, enrolledProbes = 0, strangerProbes = 0, strangersAccepted = 0;
        int rounds = 0;
        for (int round = 0; round < ROUNDS; round++) {
            List<GalleryEntry<String>> gallery = new ArrayList<>();
            Map<String, Path> enrolledFrom = new LinkedHashMap<>();
            for (Map.Entry<String, List<Path>> person : identities.entrySet()) {
                if (round < person.getValue().size()) {
                    Path photo = person.getValue().get(round);
                    Optional<DetectedFace> enrolled = largest(engine.findFacesAsEnrolment(Files.readAllBytes(photo)));
                    enrolled.ifPresent(f -> gallery.add(new GalleryEntry<>(person.getKey(), f.embedding())));
                    if (vectorsFile != null && enrolled.isPresent()) {
                        vectors.add(vectorLine("enrolled", round, person.getKey(), photo, enrolled.get()));
                    }
                    enrolledFrom.put(person.getKey(), photo);
                }
            }
            if (enrolledFrom.isEmpty()) {
                break; // nobody has this many photos
            }
            rounds++;
            List<DetectedFace> faces = new ArrayList<>();
            List<String> truth = new ArrayList<>();
            for (Map.Entry<String, List<Path>> person : identities.entrySet()) {
                if (!enrolledFrom.containsKey(person.getKey())) {
                    continue; // fewer photos than rounds: not enrolled this round
                }
                for (Path photo : person.getValue()) {
                    if (!photo.equals(enrolledFrom.get(person.getKey()))) {
                        enrolledProbes++;
                        Optional<DetectedFace> face = probes.computeIfAbsent(photo, this::probe);
                        if (face.isPresent()) {
                            faces.add(face.get());
                            truth.add(person.getKey());
                        } else {
                            missed++;
                        }
                    }
                }
            }
            for (Path photo : strangers) {
                strangerProbes++;
                Optional<DetectedFace> face = probes.computeIfAbsent(photo, this::probe);
                face.ifPresent(f -> {
                    faces.add(f);
                    truth.add(null);
                });
            }
            // one probe at a time: each is its own class photo, so the one-to-one rule cannot hide a wrong match
            for (int i = 0; i < faces.size(); i++) {
                Assignment<String> a =
                        engine.match(List.of(faces.get(i)), gallery).get(0);
                String expected = truth.get(i);
                if (dump != null) {
                    String best = bestSubject(faces.get(i), gallery);
                    dumped.add(String.format(
                            Locale.ROOT,
                            "%d\t%s\t%s\t%.5f\t%.5f\t%.1f",
                            round,
                            expected == null ? "-" : expected,
                            best,
                            a.score(),
                            a.secondBest(),
                            faces.get(i).quality().interOcularPx()));
                }
                if (expected == null) {
                    if (a.subject() != null) {
                        strangersAccepted++;
                        out.printf(
                                Locale.ROOT,
                                "  stranger accepted as %s (score %.3f, second %.3f)%n",
                                a.subject(),
                                a.score(),
                                a.secondBest());
                    }
                } else if (expected.equals(a.subject())) {
                    correct++;
                } else if (a.subject() != null) {
                    wrongPerson++;
                    out.printf(Locale.ROOT, "  %s taken for %s (score %.3f)%n", expected, a.subject(), a.score());
                } else {
                    missed++;
                }
            }
        }
        if (dump != null) {
            Files.write(dump, dumped);
        }
        if (vectorsFile != null) {
            Map<Path, String> personOf = new HashMap<>();
            identities.forEach((name, photos) -> photos.forEach(photo -> personOf.put(photo, name)));
            probes.forEach((photo, face) -> face.ifPresent(
                    f -> vectors.add(vectorLine("probe", -1, personOf.getOrDefault(photo, "-"), photo, f))));
            Files.write(vectorsFile, vectors);
        }
        out.printf(
                Locale.ROOT,
                "open-set identification, %d people enrolled from one photo (%d rounds), model %s%n",
                identities.size(),
                rounds,
                engine.modelId());
        out.printf(
                Locale.ROOT,
                "enrolled-person probes %d: recognised %d (%.1f %%), taken for another enrolled person"
                        + " %d, not recognised %d%n",
                enrolledProbes,
                correct,
                100.0 * correct / enrolledProbes,
                wrongPerson,
                missed);
        out.printf(
                Locale.ROOT,
                "stranger probes %d: accepted as an enrolled person %d%n",
                strangerProbes,
                strangersAccepted);
        return 0;
    }

    private static String vectorLine(String kind, int round, String person, Path photo, DetectedFace face) {
        StringBuilder line = new StringBuilder(String.format(
                Locale.ROOT,
                "%s\t%d\t%s\t%s\t%.1f\t",
                kind,
                round,
                person,
                photo.getFileName(),
                face.quality().interOcularPx()));
        float[] e = face.embedding();
        for (int i = 0; i < e.length; i++) {
            line.append(i == 0 ? "" : ",").append(e[i]);
        }
        return line.toString();
    }

    /** The enrolled person the face scores best against, whatever the matcher decides. */
    private String bestSubject(DetectedFace face, List<GalleryEntry<String>> gallery) {
        String best = "-";
        float top = Float.NEGATIVE_INFINITY;
        for (GalleryEntry<String> e : gallery) {
            float s = engine.score(face.embedding(), e.embedding());
            if (s > top) {
                top = s;
                best = e.subject();
            }
        }
        return best;
    }

    private static Optional<DetectedFace> largest(List<DetectedFace> faces) {
        return faces.stream().max(Comparator.comparing(f -> f.quality().interOcularPx()));
    }

    /** The photo at 3/4 size, as a face of a class photo: its most central face. */
    private Optional<DetectedFace> probe(Path photo) {
        try {
            BufferedImage image = ImageIO.read(photo.toFile());
            int w = (int) Math.round(image.getWidth() * PROBE_SCALE);
            int h = (int) Math.round(image.getHeight() * PROBE_SCALE);
            BufferedImage small = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            var g = small.createGraphics();
            g.setRenderingHint(
                    java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, 0, 0, w, h, null);
            g.dispose();
            ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
            ImageIO.write(small, "jpeg", jpeg);
            List<DetectedFace> faces = engine.findFaces(jpeg.toByteArray());
            return faces.stream()
                    .min(Comparator.comparing((DetectedFace f) -> Math.hypot(
                            f.box().x() + f.box().width() / 2 - w / 2.0,
                            f.box().y() + f.box().height() / 2 - h / 2.0)));
        } catch (FaceRejectedException e) {
            err.println(photo + ": " + e.reason());
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
