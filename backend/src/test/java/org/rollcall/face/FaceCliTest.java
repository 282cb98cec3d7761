package org.rollcall.face;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollcall.face.cli.FaceCli;
import org.rollcall.support.TestPhotos;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The face command line, run in-process on photos derived from the npm samples. */
class FaceCliTest {

    @TempDir
    static Path dir;

    private static final List<Path> faces = new ArrayList<>();
    private static final List<Path> shrunk = new ArrayList<>();

    /** One crop per face of sample4 (four people) and a smaller copy of each. */
    @BeforeAll
    static void photos() throws IOException {
        BufferedImage photo = TestPhotos.image("sample4.jpg");
        try (OnnxFaceEngine engine = new OnnxFaceEngine(FaceEngineSettings.defaults())) {
            List<DetectedFace> found = engine.findFaces(TestPhotos.jpeg(photo));
            for (int i = 0; i < found.size(); i++) {
                BufferedImage crop = TestPhotos.crop(photo, found.get(i).box(), 0.5f);
                Path person = Files.createDirectories(dir.resolve("people/person" + i));
                faces.add(Files.write(person.resolve("a.jpg"), TestPhotos.jpeg(crop)));
                shrunk.add(Files.write(person.resolve("b.jpg"), TestPhotos.jpeg(TestPhotos.scaleBilinear(crop, 0.7))));
            }
        }
        Files.write(dir.resolve("group.jpg"), TestPhotos.bytes("sample4.jpg"));
        Files.write(dir.resolve("broken.jpg"), "not an image".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void detectPrintsOneJsonLinePerImage() {
        Run run = run(
                "detect",
                dir.resolve("group.jpg").toString(),
                dir.resolve("broken.jpg").toString());

        assertThat(run.code).isZero();
        String[] lines = run.out.strip().split("\n");
        assertThat(lines).hasSize(2);
        JsonNode group = JsonMapper.builder().build().readTree(lines[0]);
        assertThat(group.get("faces").size()).isEqualTo(4);
        JsonNode face = group.get("faces").get(0);
        assertThat(face.get("landmarks").size()).isEqualTo(5);
        assertThat(face.get("box").get("width").asDouble()).isPositive();
        assertThat(face.get("quality").get("interOcularPx").asDouble()).isPositive();
        assertThat(JsonMapper.builder().build().readTree(lines[1]).get("error").asString())
                .isEqualTo("UNSUPPORTED_IMAGE");
    }

    @Test
    void enrolPrintsTheGatesVerdictPerPhoto() {
        Run run = run(
                "enrol",
                faces.get(0).toString(),
                dir.resolve("group.jpg").toString(),
                dir.resolve("broken.jpg").toString());

        assertThat(run.code).isZero();
        String[] lines = run.out.strip().split("\n");
        JsonMapper json = JsonMapper.builder().build();
        assertThat(json.readTree(lines[0]).get("verdict").asString()).isEqualTo("ENROLLED");
        assertThat(json.readTree(lines[0]).get("quality").get("interOcularPx").asDouble())
                .isPositive();
        assertThat(json.readTree(lines[1]).get("verdict").asString()).isEqualTo("MULTIPLE_FACES");
        assertThat(json.readTree(lines[2]).get("verdict").asString()).isEqualTo("UNSUPPORTED_IMAGE");
    }

    @Test
    void identifyCountsRecognisedPeopleAndAcceptedStrangers() throws IOException {
        Path vectors = dir.resolve("vectors.tsv");
        // four people with a full-size and a 0.7 copy each; one of them is left out as a stranger
        Path identities = Files.writeString(
                dir.resolve("identities.txt"),
                String.join(
                        "\n",
                        "person0\tperson0/a.jpg\tperson0/b.jpg",
                        "person1\tperson1/a.jpg\tperson1/b.jpg",
                        "person2\tperson2/a.jpg\tperson2/b.jpg"));
        Run run = run(
                "identify",
                "--recogniser",
                "dlib",
                "--vectors",
                vectors.toString(),
                "--root",
                dir.resolve("people").toString(),
                identities.toString());

        assertThat(run.code).as(run.err).isZero();
        assertThat(run.out)
                .contains("3 people enrolled")
                .contains("model dlib-resnet-v1")
                .contains("enrolled-person probes 6:")
                .contains("taken for another enrolled person 0")
                .contains("stranger probes 4: accepted as an enrolled person 0")
                .contains("(2 rounds)");
        // each enrolment of each round, then each probe photo once: kind, round, person ("-": stranger), photo, eyes,
        // vector
        List<String[]> lines =
                Files.readAllLines(vectors).stream().map(l -> l.split("\t")).toList();
        assertThat(lines).allSatisfy(l -> {
            assertThat(l).hasSize(6);
            assertThat(l[5].split(",")).hasSize(128);
        });
        assertThat(lines.stream().filter(l -> l[0].equals("enrolled")).map(l -> l[1] + l[2]))
                .containsExactlyInAnyOrder("0person0", "0person1", "0person2", "1person0", "1person1", "1person2");
        assertThat(lines.stream().filter(l -> l[0].equals("probe")).map(l -> l[2]))
                .containsExactlyInAnyOrder("person0", "person0", "person1", "person1", "person2", "person2", "-", "-");
    }

    @Test
    void embedPrintsTheFloatsOrNoface() throws IOException {
        Path blank = Files.write(
                dir.resolve("blank.jpg"), TestPhotos.jpeg(new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB)));
        Run run = run("embed", "--pick", "largest", faces.get(0).toString(), blank.toString());

        String[] lines = run.out.strip().split("\n");
        assertThat(lines[0]).startsWith(faces.get(0) + "\t");
        assertThat(lines[0].split("\t")[1].split(",")).hasSize(320); // the fused recogniser: 128 + 192
        assertThat(lines[1]).isEqualTo(blank + "\tNOFACE");
    }

    @Test
    void evalPairsFollowsTheLfwProtocol() throws IOException {
        List<String> pairs = new ArrayList<>();
        for (int fold = 0; fold < 10; fold++) {
            int i = fold % faces.size();
            int j = (fold + 1) % faces.size();
            pairs.add(rel(faces.get(i)) + "\t" + rel(shrunk.get(i)) + "\t1");
            pairs.add(rel(faces.get(i)) + "\t" + rel(shrunk.get(j)) + "\t0");
        }
        Path file = Files.write(dir.resolve("pairs.txt"), pairs);

        Run asEnrolment = run("eval-pairs", "--root", dir.toString(), file.toString());
        Run mixed = run("eval-pairs", "--as", "mixed", "--root", dir.toString(), file.toString());
        Run asClassPhoto = run("eval-pairs", "--as", "class-photo", "--root", dir.toString(), file.toString());
        Run unknown = run("eval-pairs", "--as", "passport", "--root", dir.toString(), file.toString());

        assertThat(asEnrolment.code).isZero();
        assertThat(asEnrolment.out)
                .contains("pairs 20 (same 10, different 10), embedded as enrolment photos")
                .contains("accuracy 100.00 %")
                .contains("TAR 100.00 % at FAR 1e-3");
        assertThat(mixed.out)
                .contains("embedded as enrolment photo vs class photo")
                .contains("accuracy 100.00 %");
        assertThat(asClassPhoto.out).contains("embedded as class photos").contains("accuracy 100.00 %");
        assertThat(unknown.code).isEqualTo(2);
        assertThat(unknown.err).contains("--as must be enrolment, class-photo or mixed");
    }

    @Test
    void calibrateSuggestsThresholdAndMargin() {
        Run run = run("calibrate", dir.resolve("people").toString());

        assertThat(run.code).isZero();
        assertThat(run.out)
                .contains("people 4, photos with a face 8")
                .contains("genuine pairs 4, impostor pairs 24")
                .contains("suggested threshold")
                .contains("rollcall.face.fused.match-threshold=");
    }

    @Test
    void unknownCommandsPrintTheUsage() {
        Run run = run("frobnicate");
        assertThat(run.code).isEqualTo(2);
        assertThat(run.err).contains("usage: face detect");
    }

    private static String rel(Path p) {
        return dir.relativize(p).toString();
    }

    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new FaceCli(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
