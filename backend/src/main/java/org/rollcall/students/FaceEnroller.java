package org.rollcall.students;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.rollcall.face.Assignment;
import org.rollcall.face.DetectedFace;
import org.rollcall.face.Enrolment;
import org.rollcall.face.FaceEngine;
import org.rollcall.face.GalleryEntry;
import org.rollcall.web.ApiException;
import org.rollcall.web.ErrorCode;
import org.springframework.stereotype.Component;

/**
 * Turns enrolment photos into faces ready to store, refusing the whole batch at the first bad photo: the quality
 * gate (the engine's reason and measured value), and a face that already belongs to another student of the class,
 * unless the teacher confirmed that the photos are not that student (twins and look-alikes).
 */
@Component
class FaceEnroller {

    private final FaceEngine engine;
    private final ClassGallery gallery;
    private final StudentRepository students;

    FaceEnroller(FaceEngine engine, ClassGallery gallery, StudentRepository students) {
        this.engine = engine;
        this.gallery = gallery;
        this.students = students;
    }

    /**
     * @param studentId     the student the photos are for, or null for a new one; their own faces are no conflict
     * @param differentFrom students of the class the teacher says the photos are not: a match with them is no conflict
     * @throws ApiException DIFFERENT_FROM_NOT_IN_CLASS when differentFrom names anyone but another student of the class
     * @throws org.rollcall.face.FaceRejectedException when a photo fails the quality gate
     * @param face          with one photo that shows several faces, which one to enrol (largest first); null: its only face
     * @throws ApiException ALREADY_ENROLLED_AS when a face matches another student of the class
     */
    List<Enrolment> enrol(UUID classId, UUID studentId, List<byte[]> photos, Set<UUID> differentFrom, Integer face) {
        if (face != null && (face < 0 || photos.size() != 1)) {
            throw new ApiException(
                    ErrorCode.FACE_NEEDS_ONE_PHOTO,
                    face < 0
                            ? "The face number must be 0 or more."
                            : "Choose a face (face=…) only when sending a single photo.");
        }
        // checked before the face work, which is the expensive part
        for (UUID other : differentFrom) {
            if (other.equals(studentId) || students.findInClass(other, classId).isEmpty()) {
                throw notAnotherStudent(other);
            }
        }
        List<Enrolment> enrolments = new ArrayList<>(photos.size());
        for (byte[] photo : photos) {
            enrolments.add(face == null ? engine.enrol(photo) : engine.enrol(photo, face));
        }
        List<GalleryEntry<UUID>> others = gallery.of(classId).stream()
                .filter(entry -> !entry.subject().equals(studentId) && !differentFrom.contains(entry.subject()))
                .toList();
        if (!others.isEmpty()) {
            List<DetectedFace> faces = enrolments.stream().map(Enrolment::face).toList();
            List<Assignment<UUID>> matches = engine.findAlreadyEnrolled(faces, others);
            for (Assignment<UUID> match : matches) {
                if (match.subject() != null) {
                    throw alreadyEnrolled(classId, match, photos.size());
                }
            }
        }
        return enrolments;
    }

    private ApiException alreadyEnrolled(UUID classId, Assignment<UUID> match, int photoCount) {
        Optional<Student> owner = students.findInClass(match.subject(), classId);
        String ownerText =
                owner.map(s -> s.name() + " (roll no. " + s.rollNo() + ")").orElse("another student");
        String which = photoCount == 1 ? "This face" : "The face in photo " + (match.probeIndex() + 1);
        // the matched student's id lets a client resend with differentFrom once the teacher confirms
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("studentId", match.subject());
        owner.ifPresent(s -> properties.put("studentName", s.name()));
        return new ApiException(
                ErrorCode.ALREADY_ENROLLED_AS,
                which + " is already enrolled as " + ownerText + " in this class (similarity "
                        + String.format("%.2f", match.score()) + ").",
                properties);
    }

    private static ApiException notAnotherStudent(UUID id) {
        return new ApiException(
                ErrorCode.DIFFERENT_FROM_NOT_IN_CLASS,
                "differentFrom names " + id + ", which is not another student of this class.");
    }
}
