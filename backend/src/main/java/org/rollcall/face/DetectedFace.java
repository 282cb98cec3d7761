package org.rollcall.face;

import java.util.List;

/**
 * One face found in a photo.
 *
 * @param landmarks five points: right eye, left eye, nose tip, right and left mouth corner (image-left first is NOT
 *                  implied; see the engine's docs for the order it uses)
 * @param score     detector confidence 0..1
 * @param embedding 128 floats, L2-normalised; compare with a dot product (cosine)
 */
public record DetectedFace(Box box, List<Point> landmarks, float score, FaceQuality quality, float[] embedding) {
}
