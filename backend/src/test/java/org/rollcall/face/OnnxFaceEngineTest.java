package org.rollcall.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rollcall.support.BadImages;
import org.rollcall.support.TestPhotos;

/** The real engine (converted npm models on ONNX Runtime) on the photos shipped in the pinned npm packages. */
class OnnxFaceEngineTest {

    private static OnnxFaceEngine engine;

    @BeforeAll
    static void start() {
        engine = new OnnxFaceEngine(FaceEngineSettings.defaults());
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @ParameterizedTest
    @CsvSource({"sample1.jpg,3", "sample2.jpg,3", "sample3.jpg,3", "sample4.jpg,4", "sample5.jpg,5", "sample6.jpg,4"})
    void findsEveryFaceOfTheFaceApiSamples(String photo, int faces) {
        List<DetectedFace> found = engine.findFaces(TestPhotos.bytes(photo));

        assertThat(found).hasSize(faces);
        for (DetectedFace f : found) {
            assertThat(norm(f.embedding())).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
            assertThat(f.embedding()).hasSize(320); // dlib's 128 and MobileFaceNet's 192
            assertThat(f.landmarks()).hasSize(5);
            assertThat(f.score()).isBetween(0.5f, 1f);
        }
    }

    @Test
    void enrolmentFromACropMatchesTheSameFaceInTheGroupPhotoAndNoOtherFace() {
        List<DetectedFace> group = engine.findFaces(TestPhotos.bytes("sample3.jpg"));
        DetectedFace target = largest(group);
        Enrolment enrolment =
                engine.enrol(TestPhotos.jpeg(TestPhotos.crop(TestPhotos.image("sample3.jpg"), target.box(), 0.6f)));
        assertThat(enrolment.thumbnailJpeg()).isNotEmpty();
        assertThat(TestPhotos.read(enrolment.thumbnailJpeg()).getWidth()).isEqualTo(150);

        List<GalleryEntry<String>> gallery = new ArrayList<>();
        gallery.add(new GalleryEntry<>("target", enrolment.face().embedding()));
        for (String other : List.of("sample4.jpg", "sample6.jpg")) {
            List<DetectedFace> faces = engine.findFaces(TestPhotos.bytes(other));
            for (int i = 0; i < faces.size(); i++) {
                gallery.add(new GalleryEntry<>(other + "#" + i, faces.get(i).embedding()));
            }
        }

        List<Assignment<String>> result = engine.match(group, gallery);

        assertThat(result).hasSize(group.size());
        for (Assignment<String> a : result) {
            if (group.get(a.probeIndex()) == target) {
                assertThat(a.subject()).isEqualTo("target");
                assertThat(a.score()).isGreaterThan(threshold());
            } else {
                assertThat(a.subject()).isNull();
            }
        }
    }

    @Test
    void enrolmentEmbeddingsAverageShiftedChipsOfTheFace() {
        byte[] portrait = TestPhotos.jpeg(TestPhotos.crop(
                TestPhotos.image("sample3.jpg"),
                largest(engine.findFaces(TestPhotos.bytes("sample3.jpg"))).box(),
                0.6f));
        double shifted;
        double oneChip;
        // class-photo faces embedded with their mirror images too, as enrolment faces are
        try (OnnxFaceEngine withoutShifts = new OnnxFaceEngine(FaceEngineSettings.of(
                Map.of("rollcall.face.enrol-jitter", "0", "rollcall.face.class-photo-flip", "true")))) {
            float[] asInAClassPhoto = largest(withoutShifts.findFaces(portrait)).embedding();
            shifted = cos(engine.enrol(portrait).face().embedding(), asInAClassPhoto);
            oneChip = cos(withoutShifts.enrol(portrait).face().embedding(), asInAClassPhoto);
        }

        assertThat(oneChip).isGreaterThan(0.99999);
        assertThat(shifted).isBetween(0.98, 0.9999);
    }

    @Test
    void aPhonePhotoIsEnrolledFromASubsampledDecodeWithItsBoxInItsOwnPixels() {
        BufferedImage photo = TestPhotos.image("sample6.jpg");
        BufferedImage portrait = TestPhotos.crop(
                photo, largest(engine.findFaces(TestPhotos.jpeg(photo))).box(), 0.8f);
        double factor = 4000.0 / Math.max(portrait.getWidth(), portrait.getHeight());
        // decoded at 2000 px on its long side, a quarter of the pixels
        BufferedImage phone = TestPhotos.scaleBilinear(portrait, factor);

        DetectedFace small = engine.enrol(TestPhotos.jpeg(portrait)).face();
        DetectedFace big = engine.enrol(TestPhotos.jpeg(phone)).face();

        assertThat(big.box().width() / (small.box().width() * factor)).isBetween(0.9, 1.1);
        assertThat(big.box().x() / (small.box().x() * factor)).isBetween(0.9, 1.1);
        assertThat(big.quality().interOcularPx() / (small.quality().interOcularPx() * factor))
                .isBetween(0.9, 1.1);
        assertThat(engine.score(big.embedding(), small.embedding())).isGreaterThan(threshold());
    }

    @Test
    void aSecondEnrolmentOfTheSameFaceIsFoundWithTheDuplicateThresholdNotTheMatchThreshold() {
        BufferedImage photo = TestPhotos.image("sample6.jpg");
        DetectedFace target = largest(engine.findFaces(TestPhotos.jpeg(photo)));
        BufferedImage stranger = TestPhotos.image("sample4.jpg");
        DetectedFace other = largest(engine.findFaces(TestPhotos.jpeg(stranger)));
        // two enrolment photos cut from one photo score far above the duplicate threshold, but below this match
        // threshold (above any score the fused recogniser gives)
        try (OnnxFaceEngine strict =
                new OnnxFaceEngine(FaceEngineSettings.of(Map.of("rollcall.face.fused.match-threshold", "1000")))) {
            List<GalleryEntry<String>> enrolled = List.of(new GalleryEntry<>(
                    "target",
                    strict.enrol(TestPhotos.jpeg(TestPhotos.crop(photo, target.box(), 0.8f)))
                            .face()
                            .embedding()));
            List<DetectedFace> again = List.of(
                    strict.enrol(TestPhotos.jpeg(
                                    TestPhotos.scaleBilinear(TestPhotos.crop(photo, target.box(), 0.5f), 0.7)))
                            .face(),
                    strict.enrol(TestPhotos.jpeg(TestPhotos.crop(stranger, other.box(), 0.8f)))
                            .face());

            List<Assignment<String>> duplicates = strict.findAlreadyEnrolled(again, enrolled);
            assertThat(duplicates).extracting(Assignment::subject).containsExactly("target", null);
            assertThat(strict.match(again, enrolled))
                    .extracting(Assignment::subject)
                    .containsExactly(null, null);
        }
    }

    @Test
    void theSameFaceSurvivesRotationRescalingAndExifOrientation() {
        BufferedImage photo = TestPhotos.image("sample6.jpg");
        DetectedFace target = largest(engine.findFaces(TestPhotos.jpeg(photo)));
        BufferedImage crop = TestPhotos.crop(photo, target.box(), 0.8f);
        float[] reference = only(TestPhotos.jpeg(crop)).embedding();

        assertThat(scoreOf(reference, TestPhotos.rotate(crop, 1))).isGreaterThan(threshold());
        assertThat(scoreOf(reference, TestPhotos.rotate(crop, 3))).isGreaterThan(threshold());
        assertThat(scoreOf(reference, TestPhotos.rotateDegrees(crop, 25))).isGreaterThan(threshold());
        assertThat(scoreOf(reference, TestPhotos.scaleBilinear(crop, 0.6))).isGreaterThan(threshold());
        assertThat(scoreOf(reference, TestPhotos.scaleBilinear(crop, 2.5))).isGreaterThan(threshold());

        // stored turned a quarter left, EXIF says "rotate 90 clockwise to display": the engine sees it upright
        byte[] exifRotated = Exif.withOrientation(TestPhotos.jpeg(TestPhotos.rotate(crop, -1)), 6);
        DetectedFace upright = only(exifRotated);
        // the same pixels turned back: far more alike than a match needs
        assertThat(engine.score(reference, upright.embedding())).isGreaterThan(threshold() + 2 * margin());
        DetectedFace original = only(TestPhotos.jpeg(crop));
        assertThat(upright.box().x()).isCloseTo(original.box().x(), org.assertj.core.data.Offset.offset(6f));
        assertThat(upright.box().y()).isCloseTo(original.box().y(), org.assertj.core.data.Offset.offset(6f));
    }

    @Test
    void aFacePastedTwiceMarksItsStudentOnlyOnce() {
        BufferedImage photo = TestPhotos.image("sample5.jpg");
        DetectedFace target = largest(engine.findFaces(TestPhotos.jpeg(photo)));
        BufferedImage crop = TestPhotos.crop(photo, target.box(), 0.4f);
        BufferedImage twice = new BufferedImage(crop.getWidth() * 3, crop.getHeight() + 40, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = twice.createGraphics();
        g.setColor(Color.DARK_GRAY);
        g.fillRect(0, 0, twice.getWidth(), twice.getHeight());
        g.drawImage(crop, 0, 20, null);
        g.drawImage(crop, crop.getWidth() * 2, 20, null);
        g.dispose();

        List<DetectedFace> faces = engine.findFaces(TestPhotos.jpeg(twice));
        assertThat(faces).hasSize(2);
        List<Assignment<String>> result =
                engine.match(faces, List.of(new GalleryEntry<>("student", target.embedding())));

        assertThat(result).extracting(Assignment::subject).containsExactlyInAnyOrder("student", null);
        assertThat(result).allSatisfy(a -> assertThat(a.score()).isGreaterThan(threshold()));
    }

    @Test
    void enrolmentRefusesPhotosWithoutOneGoodFace() {
        BufferedImage photo = TestPhotos.image("sample6.jpg");
        DetectedFace target = largest(engine.findFaces(TestPhotos.jpeg(photo)));
        BufferedImage crop = TestPhotos.crop(photo, target.box(), 0.8f);

        assertRejected(TestPhotos.jpeg(new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB)), RejectReason.NO_FACE);
        assertRejected(TestPhotos.bytes("sample6.jpg"), RejectReason.MULTIPLE_FACES);
        double small = 20.0 / target.quality().interOcularPx();
        assertRejected(TestPhotos.jpeg(TestPhotos.scaleBilinear(crop, small)), RejectReason.FACE_TOO_SMALL);
        assertRejected(TestPhotos.jpeg(TestPhotos.rotateDegrees(crop, 50)), RejectReason.NOT_FRONTAL);
        assertRejected(TestPhotos.jpeg(darken(crop, 0.15f)), RejectReason.TOO_DARK);
        BufferedImage half = TestPhotos.scaleBilinear(crop, 0.5); // still ~50 px between the eyes
        assertRejected(
                TestPhotos.jpeg(TestPhotos.scaleBilinear(TestPhotos.scaleBilinear(half, 1 / 6.0), 6)),
                RejectReason.TOO_BLURRY);
        assertThat(engine.enrol(TestPhotos.jpeg(half)).face().quality().sharpness())
                .isGreaterThan(15f);
        assertThat(engine.enrol(TestPhotos.jpeg(crop)).face().quality().interOcularPx())
                .isGreaterThan(36f);
    }

    @Test
    void aFaceThatFillsThePhotoIsFoundWholeOnAPaddedCopy() {
        BufferedImage photo = TestPhotos.image("sample3.jpg");
        List<DetectedFace> faces = engine.findFaces(TestPhotos.jpeg(photo));
        assertThat(faces).hasSizeGreaterThanOrEqualTo(3);
        int missedByThePlainView = 0;
        for (DetectedFace face : faces) {
            // crops tighter than the face box, 150 px square, as face databases and ID cards cut them
            for (float grow : new float[] {-0.1f, -0.15f}) {
                BufferedImage tight = TestPhotos.crop(photo, face.box(), grow);
                double toSide = 150.0 / tight.getWidth();
                byte[] idCrop = TestPhotos.jpeg(TestPhotos.scaleBilinear(tight, toSide));

                DetectedFace found = largest(engine.findFacesAsEnrolment(idCrop));

                // the whole face, not a smaller "face" BlazeFace found inside it (FACE_TOO_SMALL, MULTIPLE_FACES)
                float whole = (float) (0.8 * face.quality().interOcularPx() * toSide);
                assertThat(found.quality().interOcularPx())
                        .as("face at %s, grow %s", face.box(), grow)
                        .isGreaterThan(whole);
                if (engine.findFaces(idCrop).stream().noneMatch(f -> f.quality().interOcularPx() > whole)) {
                    missedByThePlainView++;
                }
                Box box = found.box();
                assertThat(box.x()).isGreaterThanOrEqualTo(0);
                assertThat(box.x() + box.width()).isLessThanOrEqualTo(150.5f);
            }
        }
        // the padded view made the difference: in these crops BlazeFace alone finds nothing or only a part of the face
        assertThat(missedByThePlainView).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aPhotoOfTwoListsBothFacesAndEnrolsTheOneChosen() {
        BufferedImage first = TestPhotos.image("sample6.jpg");
        BufferedImage second = TestPhotos.image("sample4.jpg");
        BufferedImage a = TestPhotos.crop(
                first, largest(engine.findFaces(TestPhotos.jpeg(first))).box(), 0.6f);
        BufferedImage b = TestPhotos.crop(
                second, largest(engine.findFaces(TestPhotos.jpeg(second))).box(), 0.6f);
        b = TestPhotos.scaleBilinear(b, 0.8 * a.getHeight() / b.getHeight()); // the second face a little smaller
        BufferedImage pair =
                new BufferedImage(a.getWidth() + b.getWidth() + 60, a.getHeight() + 40, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = pair.createGraphics();
        g.setColor(Color.GRAY);
        g.fillRect(0, 0, pair.getWidth(), pair.getHeight());
        g.drawImage(a, 20, 20, null);
        g.drawImage(b, a.getWidth() + 40, 20, null);
        g.dispose();
        byte[] photo = TestPhotos.jpeg(pair);

        assertThatThrownBy(() -> engine.enrol(photo)).isInstanceOfSatisfying(FaceRejectedException.class, e -> {
            assertThat(e.reason()).isEqualTo(RejectReason.MULTIPLE_FACES);
            assertThat(e.faces()).hasSize(2);
            assertThat(e.faces().get(0).x()).isLessThan(a.getWidth() + 20f); // largest first: the left face
            assertThat(e.faces().get(1).x()).isGreaterThan(a.getWidth() + 20f);
        });
        float[] secondAlone = engine.enrol(TestPhotos.jpeg(b)).face().embedding();
        float[] firstAlone = engine.enrol(TestPhotos.jpeg(a)).face().embedding();
        Enrolment chosen = engine.enrol(photo, 1);
        assertThat(engine.score(secondAlone, chosen.face().embedding())).isGreaterThan(threshold());
        assertThat(engine.score(firstAlone, chosen.face().embedding())).isLessThan(threshold());
        assertThatThrownBy(() -> engine.enrol(photo, 2))
                .isInstanceOfSatisfying(
                        FaceRejectedException.class, e -> assertThat(e.reason()).isEqualTo(RejectReason.NO_SUCH_FACE));
    }

    @Test
    void badFilesGetATypedErrorBeforeAnyDecoding() {
        byte[] jpeg = TestPhotos.bytes("sample1.jpg");
        assertRejected(new byte[0], RejectReason.UNSUPPORTED_IMAGE);
        assertRejected("%PDF-1.7 not an image".getBytes(), RejectReason.UNSUPPORTED_IMAGE);
        assertRejected(BadImages.truncated(jpeg, 0.4), RejectReason.UNSUPPORTED_IMAGE);
        assertRejected(BadImages.truncated(jpeg, 0.01), RejectReason.UNSUPPORTED_IMAGE);
        assertRejected(BadImages.corrupt(jpeg), RejectReason.UNSUPPORTED_IMAGE);
        assertRejected(BadImages.gifBomb(), RejectReason.UNSUPPORTED_IMAGE);
        assertRejected(BadImages.hugePng(60000, 60000), RejectReason.IMAGE_TOO_LARGE);
        assertRejected(BadImages.hugePng(30000, 10), RejectReason.IMAGE_TOO_LARGE);
        assertRejected(new byte[21 * 1024 * 1024], RejectReason.IMAGE_TOO_LARGE);
    }

    private static void assertRejected(byte[] image, RejectReason reason) {
        assertThatThrownBy(() -> engine.enrol(image)).isInstanceOfSatisfying(FaceRejectedException.class, e -> {
            assertThat(e.reason()).isEqualTo(reason);
            assertThat(e.getMessage()).isNotBlank();
        });
    }

    private static DetectedFace only(byte[] image) {
        List<DetectedFace> faces = engine.findFaces(image);
        assertThat(faces).hasSize(1);
        return faces.get(0);
    }

    private static DetectedFace largest(List<DetectedFace> faces) {
        return faces.stream()
                .max(Comparator.comparing(f -> f.quality().interOcularPx()))
                .orElseThrow();
    }

    private static BufferedImage darken(BufferedImage image, float factor) {
        BufferedImage out = TestPhotos.copy(image);
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                int p = out.getRGB(x, y);
                int r = (int) (((p >> 16) & 0xFF) * factor);
                int g = (int) (((p >> 8) & 0xFF) * factor);
                int b = (int) ((p & 0xFF) * factor);
                out.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return out;
    }

    static double cos(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double norm(float[] v) {
        return Math.sqrt(cos(v, v));
    }

    private static float scoreOf(float[] reference, BufferedImage image) {
        return engine.score(reference, only(TestPhotos.jpeg(image)).embedding());
    }

    private static float threshold() {
        return engine.settings().scores().threshold();
    }

    private static float margin() {
        return engine.settings().scores().margin();
    }
}
