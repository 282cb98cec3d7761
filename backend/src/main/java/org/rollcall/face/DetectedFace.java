package org.rollcall.face;

import java.util.List;

/**
 * One face found in a photo.
 *
 * @param landmarks dlib's five points, in pixels of the upright photo like the box: 0 outer and 1 inner corner of the
 *                  eye on the image's right (the person's left eye), 2 outer and 3 inner corner of the eye on the
 *                  image's left, 4 the bottom of the nose; empty for a face rebuilt from a stored embedding
 * @param score     detector confidence 0..1
 * @param embedding L2-normalised; compare with a dot product. Its length and meaning depend on the engine's
 *                  {@link FaceEngine#modelId()}: only vectors of one model id are comparable
 * @param crop      the aligned face, kept instead of the photo (thumbnails, re-embedding after a model change)
 */
public record DetectedFace(
        Box box, List<Point> landmarks, float score, FaceQuality quality, float[] embedding, FaceCrop crop) {}
