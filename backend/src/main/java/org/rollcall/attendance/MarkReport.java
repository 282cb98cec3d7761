package org.rollcall.attendance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.rollcall.face.Assignment;
import org.rollcall.students.StudentRef;

/** Assembles the answer to a marking request from the matches and from what the database actually wrote. */
final class MarkReport {

    private MarkReport() {
    }

    /**
     * The best score per recognised student over all photos: a student seen in two overlapping photos of a hall is
     * one presence.
     */
    static Map<UUID, Float> recognised(List<PhotoMatches> photos) {
        Map<UUID, Float> best = new LinkedHashMap<>();
        for (PhotoMatches photo : photos) {
            for (Assignment<UUID> assignment : photo.assignments()) {
                if (assignment.subject() != null) {
                    best.merge(assignment.subject(), assignment.score(), Math::max);
                }
            }
        }
        return best;
    }

    /**
     * @param written  students this request wrote present; the other recognised ones were present already
     * @param students the recognised students still in the class (one deleted meanwhile is reported unknown)
     */
    static MarkResponse of(LocalDate date, List<PhotoMatches> photos, Set<UUID> written,
                           Map<UUID, StudentRef> students) {
        List<FaceResult> faces = new ArrayList<>();
        Set<UUID> alreadyMarked = new HashSet<>();
        int unknown = 0;
        for (int p = 0; p < photos.size(); p++) {
            PhotoMatches photo = photos.get(p);
            for (int i = 0; i < photo.faces().size(); i++) {
                Assignment<UUID> assignment = photo.assignments().get(i);
                StudentRef student = assignment.subject() == null ? null : students.get(assignment.subject());
                FaceStatus status;
                if (student == null) {
                    status = FaceStatus.UNKNOWN;
                    unknown++;
                } else if (written.contains(student.id())) {
                    status = FaceStatus.MARKED;
                } else {
                    status = FaceStatus.ALREADY_MARKED;
                    alreadyMarked.add(student.id());
                }
                faces.add(new FaceResult(p, photo.faces().get(i).box(), status, student, assignment.score()));
            }
        }
        return new MarkResponse(date, faces, written.size(), alreadyMarked.size(), unknown);
    }
}
