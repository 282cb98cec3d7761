package org.rollcall.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rollcall.face.image.RgbImage;
import org.rollcall.face.onnx.OnnxRuntimeLoader;
import org.rollcall.face.pose.FaceMeshPose;
import org.rollcall.face.pose.FaceMeshPose.Pose;
import org.rollcall.support.TestPhotos;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Head pose from Human's face mesh converted to ONNX, on the npm sample photos: against Human itself (angles
 * recorded once from Human 3.3.6 with the browser check's settings, see record-human-angles.mjs), and against what
 * mirroring and turning a photo must do to the angles.
 */
class FaceMeshPoseTest {

    /** The photos Human's angles were recorded on: three npm samples, and one of them turned by 35 degrees. */
    private static final List<String> REFERENCE_PHOTOS =
            List.of("sample1.jpg", "sample2.jpg", "sample3.jpg", "sample3.jpg@35");

    private static OnnxFaceEngine engine;
    private static FaceMeshPose pose;
    private static FaceMeshPose rotatingPose;

    @BeforeAll
    static void start() {
        engine = new OnnxFaceEngine(FaceEngineSettings.defaults());
        pose = new FaceMeshPose(OnnxRuntimeLoader.environment());
        rotatingPose = new FaceMeshPose(OnnxRuntimeLoader.environment(), true);
    }

    @AfterAll
    static void stop() throws Exception {
        engine.close();
        pose.close();
        rotatingPose.close();
    }

    /** Human as the browser runs it (detector.rotation off), and with rotation on (FaceMeshPose's rotate option). */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void givesTheAnglesHumanGivesInTheBrowser(boolean rotate) throws Exception {
        JsonNode reference;
        String file = rotate ? "human-face-angles-rotation.json" : "human-face-angles.json";
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("face-reference/" + file)) {
            reference = JsonMapper.builder()
                    .build()
                    .readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .get("degrees");
        }
        int compared = 0;
        for (String name : REFERENCE_PHOTOS) {
            BufferedImage image = referencePhoto(name);
            List<Measured> ours = measure(image, rotate ? rotatingPose : pose);
            for (JsonNode human : reference.get(name)) {
                JsonNode box = human.get("box");
                double cx = box.get(0).asDouble() + box.get(2).asDouble() / 2;
                double cy = box.get(1).asDouble() + box.get(3).asDouble() / 2;
                Measured same = nearest(ours, cx, cy);
                assertThat(distance(same, cx, cy))
                        .as("%s: our face near Human's at %.0f,%.0f", name, cx, cy)
                        .isLessThan(box.get(2).asDouble() / 4);
                assertThat((double) same.pose.yawDeg())
                        .as("%s yaw", name)
                        .isCloseTo(human.get("yaw").asDouble(), offset(1.0));
                assertThat((double) same.pose.pitchDeg())
                        .as("%s pitch", name)
                        .isCloseTo(human.get("pitch").asDouble(), offset(1.0));
                assertThat((double) same.pose.rollDeg())
                        .as("%s roll", name)
                        .isCloseTo(human.get("roll").asDouble(), offset(1.0));
                assertThat(same.pose.meshScore()).isGreaterThan(0.5f);
                compared++;
            }
        }
        assertThat(compared).as("faces compared with Human").isGreaterThanOrEqualTo(10);
    }

    /** NAME or NAME@DEGREES (turned clockwise around the centre, grey outside). */
    private static BufferedImage referencePhoto(String name) {
        String[] parts = name.split("@");
        BufferedImage image = TestPhotos.image(parts[0]);
        return parts.length == 1 ? image : TestPhotos.rotateDegrees(image, Integer.parseInt(parts[1]));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sample1.jpg", "sample3.jpg", "sample6.jpg"})
    void aMirroredPhotoFlipsYawAndRollAndKeepsPitch(String name) {
        BufferedImage image = TestPhotos.image(name);
        BufferedImage mirrored = TestPhotos.copy(image);
        AffineTransform flip = new AffineTransform(-1, 0, 0, 1, image.getWidth(), 0);
        var g = mirrored.createGraphics();
        g.drawImage(image, flip, null);
        g.dispose();

        List<Measured> original = measure(image);
        List<Measured> flipped = measure(mirrored);

        assertThat(flipped).hasSameSizeAs(original);
        for (Measured m : original) {
            Measured twin = nearest(flipped, image.getWidth() - m.cx(), m.cy());
            assertThat(distance(twin, image.getWidth() - m.cx(), m.cy()))
                    .isLessThan(m.face.box().width() / 4);
            // the mesh network is less symmetric on strongly leaning heads: sample1 has two at 26 and 31 degrees
            double tolerance = Math.abs(m.pose.rollDeg()) < 15 ? 3 : 7;
            assertThat((double) twin.pose.yawDeg())
                    .as("yaw of %s", m.face.box())
                    .isCloseTo(-m.pose.yawDeg(), offset(tolerance));
            assertThat((double) twin.pose.rollDeg())
                    .as("roll of %s", m.face.box())
                    .isCloseTo(-m.pose.rollDeg(), offset(tolerance));
            assertThat((double) twin.pose.pitchDeg())
                    .as("pitch of %s", m.face.box())
                    .isCloseTo(m.pose.pitchDeg(), offset(tolerance));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sample3.jpg", "sample6.jpg"})
    void turningThePhotoBy20DegreesChangesRollBy20(String name) {
        BufferedImage image = TestPhotos.image(name);
        BufferedImage turned = TestPhotos.rotateDegrees(image, 20);
        AffineTransform turn =
                AffineTransform.getRotateInstance(Math.toRadians(20), image.getWidth() / 2.0, image.getHeight() / 2.0);

        List<Measured> original = measure(image);
        List<Measured> rotated = measure(turned);

        int compared = 0;
        for (Measured m : original) {
            Point2D at = turn.transform(new Point2D.Double(m.cx(), m.cy()), null);
            Measured same = nearest(rotated, at.getX(), at.getY());
            if (same == null
                    || distance(same, at.getX(), at.getY()) > m.face.box().width() / 4) {
                continue; // turned out of the picture
            }
            // Graphics2D turns clockwise on screen, and so does Human's roll
            assertThat((double) same.pose.rollDeg() - m.pose.rollDeg())
                    .as("roll change of %s", m.face.box())
                    .isCloseTo(20, offset(5.0));
            // Human's Euler angles mix a little yaw and pitch into a roll (up to 8 degrees seen here)
            assertThat((double) same.pose.yawDeg())
                    .as("yaw of %s", m.face.box())
                    .isCloseTo(m.pose.yawDeg(), offset(10.0));
            assertThat((double) same.pose.pitchDeg())
                    .as("pitch of %s", m.face.box())
                    .isCloseTo(m.pose.pitchDeg(), offset(10.0));
            compared++;
        }
        assertThat(compared).as("faces still in the turned photo").isGreaterThanOrEqualTo(2);
    }

    @Test
    void faceMeshFindsFacesLookingAtTheCameraFrontal() {
        List<Measured> faces = new ArrayList<>();
        faces.addAll(measure(TestPhotos.image("sample3.jpg")));
        faces.addAll(measure(TestPhotos.image("sample6.jpg")));

        assertThat(faces).hasSize(7);
        for (Measured m : faces) {
            assertThat(Math.abs(m.pose.yawDeg())).as("yaw of %s", m.face.box()).isLessThan(15f);
            assertThat(m.pose.mesh()).hasSize(3 * FaceMeshPose.POINTS);
            // the mesh lies on the face: its nose tip (point 1) inside the detector's box
            float noseX = m.pose.mesh()[3];
            float noseY = m.pose.mesh()[4];
            Box b = m.face.box();
            assertThat(noseX).isBetween(b.x(), b.x() + b.width());
            assertThat(noseY).isBetween(b.y(), b.y() + b.height());
        }
    }

    @Test
    void aTurnedHeadIsNotFrontal() {
        // sample2's face on the left looks well past the camera (about 35 degrees in Human)
        List<Measured> faces = measure(TestPhotos.image("sample2.jpg"));
        Measured left =
                faces.stream().min(Comparator.comparingDouble(Measured::cx)).orElseThrow();

        assertThat(Math.abs(left.pose.yawDeg())).isGreaterThan(25f);
    }

    private record Measured(DetectedFace face, Pose pose) {
        double cx() {
            return face.box().x() + face.box().width() / 2;
        }

        double cy() {
            return face.box().y() + face.box().height() / 2;
        }
    }

    private static List<Measured> measure(BufferedImage image) {
        return measure(image, pose);
    }

    private static List<Measured> measure(BufferedImage image, FaceMeshPose with) {
        RgbImage rgb = rgb(image);
        List<Measured> out = new ArrayList<>();
        for (DetectedFace f : engine.findFaces(TestPhotos.jpeg(image))) {
            out.add(new Measured(f, estimate(with, rgb, f)));
        }
        return out;
    }

    private static Measured nearest(List<Measured> faces, double x, double y) {
        return faces.stream()
                .min(Comparator.comparingDouble(m -> distance(m, x, y)))
                .orElse(null);
    }

    private static double distance(Measured m, double x, double y) {
        return Math.hypot(m.cx() - x, m.cy() - y);
    }

    /** dlib's points: 0, 1 the eye on the image's right, 2, 3 the eye on its left. */
    static Pose estimate(FaceMeshPose with, RgbImage rgb, DetectedFace f) {
        Box b = f.box();
        List<Point> l = f.landmarks();
        return with.estimate(
                rgb,
                b.x(),
                b.y(),
                b.x() + b.width(),
                b.y() + b.height(),
                (l.get(2).x() + l.get(3).x()) / 2,
                (l.get(2).y() + l.get(3).y()) / 2,
                (l.get(0).x() + l.get(1).x()) / 2,
                (l.get(0).y() + l.get(1).y()) / 2);
    }

    static RgbImage rgb(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] px = image.getRGB(0, 0, w, h, null, 0, w);
        for (int i = 0; i < px.length; i++) {
            px[i] &= 0xFFFFFF;
        }
        return new RgbImage(w, h, px);
    }

    /** Writes the reference photos as raw RGB for record-human-angles.mjs: {@code FaceMeshPoseTest OUTPUT_DIR}. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        for (String name : REFERENCE_PHOTOS) {
            BufferedImage image = referencePhoto(name);
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
            Files.write(dir.resolve(name + "." + image.getWidth() + "x" + image.getHeight() + ".rgb"), out);
        }
    }
}
