package org.rollcall.support;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.rollcall.face.Box;
import org.rollcall.face.DetectedFace;
import org.rollcall.face.FaceEngine;

/**
 * People of one npm group photo, each cut out with room around the face as an enrolment photo, in left-to-right
 * order. The boxes come from the real engine run on the whole photo.
 */
public record SampleClass(BufferedImage photo, List<Box> boxes, List<byte[]> enrolmentPhotos) {

    public static SampleClass of(FaceEngine engine, int faceApiSample, int expectedPeople) {
        BufferedImage photo = TestPhotos.faceApiSample(faceApiSample);
        List<DetectedFace> faces = new ArrayList<>(engine.findFaces(TestPhotos.jpeg(photo, 0.95f)));
        faces.sort(Comparator.comparingDouble(f -> f.box().x()));
        if (faces.size() != expectedPeople) {
            throw new AssertionError(
                    "sample" + faceApiSample + ".jpg: expected " + expectedPeople + " faces, the engine found "
                            + faces.stream().map(DetectedFace::box).toList());
        }
        List<byte[]> crops = faces.stream()
                .map(face -> TestPhotos.jpeg(TestPhotos.crop(photo, face.box(), 0.6), 0.95f))
                .toList();
        return new SampleClass(photo, faces.stream().map(DetectedFace::box).toList(), crops);
    }
}
