package org.rollcall.face;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OrtException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rollcall.face.align.FivePoints;
import org.rollcall.face.onnx.OnnxRuntimeLoader;
import org.rollcall.support.TestPhotos;

/** O-Net's five points on the engine's stored crops of the npm sample photos. */
class FivePointsTest {

    /** dlib's template eye centres on a crop: (77.7, 77.1) on the image's left, (130.3, 77.1) on its right. */
    private static final double[] EYES = {77.7, 77.1, 130.3, 77.1};

    @Test
    void eyesNoseAndMouthCornersLandWhereTheAlignedCropHasThem() throws OrtException {
        List<FaceCrop> crops;
        try (OnnxFaceEngine engine = new OnnxFaceEngine(FaceEngineSettings.defaults())) {
            crops = engine.findFaces(TestPhotos.bytes("sample3.jpg")).stream()
                    .map(DetectedFace::crop)
                    .toList();
        }
        assertThat(crops).hasSize(3);
        try (FivePoints five = new FivePoints(OnnxRuntimeLoader.environment())) {
            double[][] points = five.of(crops, 0, crops.size());
            for (double[] p : points) {
                for (int k = 0; k < 4; k++) {
                    assertThat(p[k]).isCloseTo(EYES[k], org.assertj.core.data.Offset.offset(8.0));
                }
                double eyeLine = (p[1] + p[3]) / 2;
                double mouthLine = (p[7] + p[9]) / 2;
                // the nose tip between the eyes and the mouth, the mouth corners on either side of the nose
                assertThat(p[5]).isBetween(eyeLine + 10, mouthLine - 5);
                assertThat(p[6]).isLessThan(p[4]);
                assertThat(p[8]).isGreaterThan(p[4]);
            }
            // one batch or one crop at a time: the same points
            assertThat(five.of(crops, 1, 2)[0]).containsExactly(points[1], org.assertj.core.data.Offset.offset(1e-4));
        }
    }
}
