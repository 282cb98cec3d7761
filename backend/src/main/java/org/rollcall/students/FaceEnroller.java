package org.rollcall.students;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.rollcall.face.Assignment;
import org.rollcall.face.DetectedFace;
import org.rollcall.face.Enrolment;
import org.rollcall.face.FaceEngine;
import org.rollcall.face.GalleryEntry;
import org.rollcall.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Turns enrolment photos into faces ready to store, refusing the whole batch at the first bad photo: the quality
 * gate (the engine's reason and measured value), and a face that already belongs to another student of the class.
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
     * @param studentId the student the photos are for, or null for a new one; their own faces are no conflict
     * @throws org.rollcall.face.FaceRejectedException when a photo fails the quality gate
     * @throws ApiException ALREADY_ENROLLED_AS when a face matches another student of the class
     */
    List<Enrolment> enrol(UUID classId, UUID studentId, List<byte[]> photos) {
        List<Enrolment> enrolments = new ArrayList<>(photos.size());
        for (byte[] photo : photos) {
            enrolments.add(engine.enrol(photo));
        }
        List<GalleryEntry<UUID>> others = gallery.of(classId).stream()
                .filter(entry -> !entry.subject().equals(studentId))
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
        String owner = students.findInClass(match.subject(), classId)
                .map(s -> s.name() + " (roll no. " + s.rollNo() + ")")
                .orElse("another student");
        String which = photoCount == 1 ? "This face" : "The face in photo " + (match.probeIndex() + 1);
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "ALREADY_ENROLLED_AS",
                which + " is already enrolled as " + owner + " in this class (similarity "
                        + String.format("%.2f", match.score()) + ").");
    }
}
