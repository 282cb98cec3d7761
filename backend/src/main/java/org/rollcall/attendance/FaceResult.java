package org.rollcall.attendance;

import java.util.List;
import java.util.UUID;
import org.rollcall.face.Box;
import org.rollcall.students.StudentRef;

/**
 * One face found in the class photos.
 *
 * @param faceId     identifies the face within its marking (for corrections)
 * @param photo      index of the photo (0-based, in upload order) the box belongs to
 * @param student    the student the face is given to; null when UNKNOWN
 * @param score      similarity to the best-matching student when the photo was marked (whether accepted or not; -1
 *                   when the class had no faces)
 * @param candidates for faces not simply ALREADY_MARKED: up to 3 students it resembles most, best first
 * @param needsReview an unknown face close to its first candidate, but not close enough to mark: look at it first
 * @param correction what the teacher said about this face, if anything
 * @param learned    the face was added to its student's gallery
 */
public record FaceResult(
        UUID faceId,
        int photo,
        Box box,
        FaceStatus status,
        StudentRef student,
        float score,
        List<Candidate> candidates,
        boolean needsReview,
        FaceCorrection correction,
        boolean learned) {}
