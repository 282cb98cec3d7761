package org.rollcall.attendance;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.rollcall.students.StudentRef;

/**
 * A marking as the teacher sees it now. The status of a face is derived from what is true today rather than stored:
 * whether its student is present for the date (and whether from this face), so a later manual unmark or a
 * correction elsewhere shows up in every marking of that day.
 */
final class MarkingView {

    private MarkingView() {}

    /**
     * @param present   students of the faces' who are present for the marking's date
     * @param students  students still in the class, by id (faces given to a deleted student read as unknown)
     * @param learned   faces with a learned copy in a gallery
     */
    static MarkResponse of(
            Marking marking,
            List<MarkingFace> faces,
            Set<UUID> present,
            Map<UUID, StudentRef> students,
            Set<UUID> learned) {
        List<FaceResult> results = new ArrayList<>(faces.size());
        Set<UUID> marked = new HashSet<>();
        Set<UUID> alreadyMarked = new HashSet<>();
        Set<UUID> keptAbsent = new HashSet<>();
        int unknown = 0;
        for (MarkingFace face : faces) {
            StudentRef student = face.studentId() == null ? null : students.get(face.studentId());
            FaceStatus status = status(face, student, present);
            switch (status) {
                case MARKED -> marked.add(student.id());
                case ALREADY_MARKED -> alreadyMarked.add(student.id());
                case KEPT_ABSENT -> keptAbsent.add(student.id());
                case UNKNOWN -> unknown++;
            }
            List<Candidate> candidates = new ArrayList<>();
            if (status != FaceStatus.ALREADY_MARKED) {
                for (int i = 0; i < face.candidateIds().size(); i++) {
                    StudentRef candidate = students.get(face.candidateIds().get(i));
                    if (candidate != null) {
                        candidates.add(
                                new Candidate(candidate, face.candidateScores().get(i)));
                    }
                }
            }
            results.add(new FaceResult(
                    face.id(),
                    face.photo(),
                    face.box(),
                    status,
                    status == FaceStatus.UNKNOWN ? null : student,
                    face.score(),
                    candidates,
                    status == FaceStatus.UNKNOWN
                            && face.correction() == null
                            && face.needsReview()
                            && !candidates.isEmpty(),
                    face.correction(),
                    learned.contains(face.id())));
        }
        // a student marked from one face and seen again in another photo counts once, as marked
        alreadyMarked.removeAll(marked);
        return new MarkResponse(
                marking.id(),
                marking.date(),
                marking.createdAt(),
                marking.reviewUntil(),
                marking.photoCount(),
                results,
                marked.size(),
                alreadyMarked.size(),
                unknown,
                keptAbsent.size());
    }

    static FaceStatus status(MarkingFace face, StudentRef student, Set<UUID> present) {
        if (face.correction() == FaceCorrection.REJECTED || student == null) {
            return FaceStatus.UNKNOWN;
        }
        if (!present.contains(student.id())) {
            return FaceStatus.KEPT_ABSENT;
        }
        return face.wrotePresence() ? FaceStatus.MARKED : FaceStatus.ALREADY_MARKED;
    }

    /** Every student a marking's faces name (given to or candidates), to look them up at once. */
    static Set<UUID> studentsNamed(List<MarkingFace> faces) {
        Set<UUID> ids = new HashSet<>();
        for (MarkingFace face : faces) {
            if (face.studentId() != null) {
                ids.add(face.studentId());
            }
            ids.addAll(face.candidateIds());
        }
        return ids;
    }
}
