package org.rollcall.students;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.rollcall.face.Assignment;
import org.rollcall.face.DetectedFace;
import org.rollcall.face.FaceEngine;
import org.rollcall.face.FaceQuality;
import org.rollcall.face.GalleryEntry;
import org.rollcall.web.ApiException;
import org.rollcall.web.ErrorCode;
import org.springframework.stereotype.Component;

/**
 * Faces of class photos that the teacher confirmed, added to the student's gallery (source LEARNED) so the next
 * photo recognises them better. Only teacher-confirmed faces come here, never the engine's own guesses. Guarded like
 * enrolment: a face the engine would take for another student of the class is refused unless the teacher said the
 * two are different people; and at most {@code rollcall.students.max-learned-faces} are kept per student, the most
 * redundant one giving way. Callers run these inside their own transaction.
 */
@Component
public class LearnedFaces {

    /** Applied instead of the face's real size: see {@link #checkNotAnotherStudent}. */
    private static final float CONFIRMED_FACE_SIZE_PX = 1_000f;

    private final FaceRepository faces;
    private final ClassGallery gallery;
    private final FaceEngine engine;
    private final StudentRepository students;
    private final StudentProperties properties;

    LearnedFaces(
            FaceRepository faces,
            ClassGallery gallery,
            FaceEngine engine,
            StudentRepository students,
            StudentProperties properties) {
        this.faces = faces;
        this.gallery = gallery;
        this.engine = engine;
        this.students = students;
        this.properties = properties;
    }

    /**
     * A face of a marking, ready to be learned.
     *
     * @param crop the aligned face as lossless PNG, so it can be embedded again when the model changes
     */
    public record FaceToLearn(
            UUID markingId,
            UUID markingFaceId,
            LocalDate date,
            String modelId,
            float[] embedding,
            FaceQuality quality,
            byte[] thumbnail,
            byte[] crop) {}

    /** Whether faces of this model can be compared with the class gallery at all. */
    public boolean comparable(FaceToLearn face) {
        return face.modelId().equals(engine.modelId());
    }

    /**
     * Refuses a face that the enrolment duplicate check would give to another student of the class, when it
     * resembles that student more than the one it is being learned for. The engine's size rule is left out (a
     * confirmed face is the teacher's decision, not a guess from a small face); its similarity rule, the
     * enrolment-duplicate threshold with the margin, is the very one enrolment uses.
     *
     * @param differentFrom students the teacher confirmed this face is not
     * @throws ApiException 409 FACE_MATCHES_OTHER_STUDENT naming that student
     */
    public void checkNotAnotherStudent(UUID classId, UUID studentId, FaceToLearn face, Set<UUID> differentFrom) {
        List<GalleryEntry<UUID>> all = gallery.of(classId);
        float own = Float.NEGATIVE_INFINITY;
        for (GalleryEntry<UUID> entry : all) {
            if (entry.subject().equals(studentId)) {
                own = Math.max(own, score(face.embedding(), entry.embedding()));
            }
        }
        List<GalleryEntry<UUID>> others = all.stream()
                .filter(e -> !e.subject().equals(studentId) && !differentFrom.contains(e.subject()))
                .toList();
        if (others.isEmpty()) {
            return;
        }
        FaceQuality q = face.quality();
        FaceQuality asConfirmed = new FaceQuality(
                Math.max(q.interOcularPx(), CONFIRMED_FACE_SIZE_PX),
                q.yawDeg(),
                q.pitchDeg(),
                q.rollDeg(),
                q.sharpness(),
                q.brightness());
        DetectedFace probe = new DetectedFace(null, List.of(), 1f, asConfirmed, face.embedding(), null);
        Assignment<UUID> match =
                engine.findAlreadyEnrolled(List.of(probe), others).getFirst();
        if (match.subject() != null && match.score() > own) {
            Optional<Student> other = students.findInClass(match.subject(), classId);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("studentId", match.subject());
            other.ifPresent(s -> details.put("studentName", s.name()));
            String named =
                    other.map(s -> s.name() + " (roll no. " + s.rollNo() + ")").orElse("another student");
            String chosen =
                    students.findInClass(studentId, classId).map(Student::name).orElse("the student you chose");
            throw new ApiException(
                    ErrorCode.FACE_MATCHES_OTHER_STUDENT,
                    "This face looks more like " + named + " than like " + chosen + ", so nothing was changed."
                            + " If they are different people, confirm it and the face will be used for " + chosen
                            + ".",
                    details);
        }
    }

    /**
     * Adds the face to the student's gallery (replacing any earlier copy of the same marking face) and keeps the
     * learned faces within the cap.
     *
     * @return whether the face is kept (false when it was the most redundant one over the cap)
     */
    public boolean learn(UUID studentId, FaceToLearn face) {
        faces.deleteLearnedFrom(face.markingFaceId());
        UUID id = faces.insertLearned(studentId, face);
        return keepWithinCap(studentId, face.modelId(), id);
    }

    /** Removes the learned copy of a marking face, if there is one. */
    public boolean forget(UUID markingFaceId) {
        return faces.deleteLearnedFrom(markingFaceId);
    }

    /** Of the marking faces given, those with a learned copy. */
    public Set<UUID> learnedFrom(List<UUID> markingFaceIds) {
        return Set.copyOf(faces.learnedFrom(markingFaceIds));
    }

    /**
     * Drops learned faces over the cap, each time the one closest to another face of the student (it adds the least
     * the gallery does not already know). Enrolment faces are never dropped.
     */
    private boolean keepWithinCap(UUID studentId, String modelId, UUID added) {
        List<FaceRepository.Embedded> all = faces.embeddings(studentId, modelId);
        long learned =
                all.stream().filter(f -> f.source() == FaceSource.LEARNED).count();
        boolean kept = true;
        List<FaceRepository.Embedded> remaining = new java.util.ArrayList<>(all);
        while (learned > properties.maxLearnedFaces()) {
            FaceRepository.Embedded redundant = remaining.stream()
                    .filter(f -> f.source() == FaceSource.LEARNED)
                    .max(Comparator.comparingDouble(f -> closest(f, remaining)))
                    .orElseThrow();
            faces.deleteById(redundant.id());
            remaining.remove(redundant);
            learned--;
            if (redundant.id().equals(added)) {
                kept = false;
            }
        }
        return kept;
    }

    private double closest(FaceRepository.Embedded face, List<FaceRepository.Embedded> all) {
        double best = Double.NEGATIVE_INFINITY;
        for (FaceRepository.Embedded other : all) {
            if (other != face) {
                best = Math.max(best, score(face.embedding(), other.embedding()));
            }
        }
        return best;
    }

    /** The engine's score (the scale its thresholds and the duplicate check's answer are on). */
    private float score(float[] probe, float[] enrolled) {
        return probe.length == enrolled.length ? engine.score(probe, enrolled) : Float.NEGATIVE_INFINITY;
    }
}
