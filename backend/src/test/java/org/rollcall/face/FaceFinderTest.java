package org.rollcall.face;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OrtException;
import java.awt.image.BufferedImage;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rollcall.face.detect.BlazeFaceDetector;
import org.rollcall.face.detect.Detection;
import org.rollcall.face.detect.FaceFinder;
import org.rollcall.face.image.ImageDecoder;
import org.rollcall.face.onnx.OnnxRuntimeLoader;
import org.rollcall.support.TestPhotos;

/** The decode and detect steps alone, without the engine: no landmarks, chips or embeddings. */
class FaceFinderTest {

    private static BlazeFaceDetector detector;
    private static FaceFinder finder;
    private static ImageDecoder decoder;

    @BeforeAll
    static void start() {
        FaceEngineSettings settings = FaceEngineSettings.defaults();
        FaceEngineSettings.Limits limits = settings.limits();
        decoder = new ImageDecoder(
                limits.maxImageBytes(), limits.maxImagePixels(), limits.maxImageSide(), limits.maxDecodedSide());
        detector = new BlazeFaceDetector(OnnxRuntimeLoader.environment(), settings.detection(), 1);
        finder = new FaceFinder(detector);
    }

    @AfterAll
    static void stop() throws OrtException {
        detector.close();
    }

    @Test
    void aClassPhotoIsLookedAtAsItIs() {
        ImageDecoder.Decoded decoded = decoder.decode(TestPhotos.bytes("sample4.jpg"));

        FaceFinder.Found found = finder.inClassPhoto(decoded.image());

        assertThat(found.detections()).hasSize(4);
        assertThat(found.border()).isZero();
        assertThat(found.image()).isSameAs(decoded.image());
    }

    @Test
    void anEnrolmentPhotoIsDecodedAtMost2048PixelsWideAClassPhotoInFull() {
        byte[] phone = TestPhotos.jpeg(TestPhotos.scaleBilinear(TestPhotos.image("sample4.jpg"), 4000.0 / 1920));

        ImageDecoder.Decoded asEnrolment = decoder.decodeForEnrolment(phone);
        ImageDecoder.Decoded asClassPhoto = decoder.decode(phone);

        assertThat(asClassPhoto.scale()).isEqualTo(1);
        assertThat(asClassPhoto.image().width()).isEqualTo(4000);
        assertThat(asEnrolment.scale()).isEqualTo(2);
        assertThat(asEnrolment.image().width()).isEqualTo(2000);
        assertThat(asEnrolment.image().height())
                .isEqualTo(Math.ceilDiv(asClassPhoto.image().height(), 2));
    }

    @Test
    void anEnrolmentPhotoFilledByItsFaceIsLookedAtAgainInsideAGreyBorder() {
        BufferedImage photo = TestPhotos.image("sample3.jpg");
        ImageDecoder.Decoded decoded = decoder.decode(TestPhotos.jpeg(photo));
        FaceFinder.Found inGroup = finder.inClassPhoto(decoded.image());
        List<Box> faces = inGroup.detections().stream()
                .map(d -> inGroup.box(d, decoded.scale()))
                .toList();
        assertThat(faces).hasSize(3);
        int padded = 0;
        for (Box face : faces) {
            // a crop tighter than the face box, 150 px square, as face databases and ID cards cut them
            BufferedImage tight = TestPhotos.crop(photo, face, -0.15f);
            byte[] idCrop = TestPhotos.jpeg(TestPhotos.scaleBilinear(tight, 150.0 / tight.getWidth()));
            ImageDecoder.Decoded crop = decoder.decode(idCrop);

            FaceFinder.Found found = finder.inEnrolmentPhoto(crop.image());

            assertThat(found.detections()).isNotEmpty();
            if (found.border() > 0) {
                padded++;
                Detection widest = found.detections().stream()
                        .max(Comparator.comparing(Detection::width))
                        .orElseThrow();
                float plainWidest = (float) detector.detect(crop.image(), false).stream()
                        .mapToDouble(Detection::width)
                        .max()
                        .orElse(0);
                assertThat(widest.width()).isGreaterThan(1.25f * plainWidest);
                // the box comes back in the crop's pixels, clipped to it
                Box box = found.box(widest, crop.scale());
                assertThat(box.x()).isGreaterThanOrEqualTo(0);
                assertThat(box.x() + box.width())
                        .isLessThanOrEqualTo(crop.image().width());
                assertThat(box.width()).isGreaterThan(0.5f * crop.image().width());
            }
        }
        assertThat(padded).isGreaterThanOrEqualTo(2);
    }
}
