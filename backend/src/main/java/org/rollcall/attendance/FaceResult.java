package org.rollcall.attendance;

import org.rollcall.face.Box;
import org.rollcall.students.StudentRef;

/**
 * One face found in the class photos.
 *
 * @param photo   index of the photo (0-based, in upload order) the box belongs to
 * @param student the recognised student; null when UNKNOWN
 * @param score   similarity to the best-matching student (whether accepted or not; -1 when the class has no faces)
 */
public record FaceResult(int photo, Box box, FaceStatus status, StudentRef student, float score) {
}
