package org.rollcall.attendance;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.rollcall.classes.SchoolClass;
import org.rollcall.face.Assignment;
import org.rollcall.face.DetectedFace;
import org.rollcall.face.FaceEngine;
import org.rollcall.facework.FaceWorkQueue;
import org.rollcall.facework.MarkingThrottle;
import org.rollcall.facework.PhotoBudget;
import org.rollcall.face.FaceRejectedException;
import org.rollcall.face.GalleryEntry;
import org.rollcall.face.RejectReason;
import org.rollcall.students.ClassGallery;
import org.rollcall.students.StudentRef;
import org.rollcall.students.StudentRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Marks a class present from photos. Every face is matched against the WHOLE roster, present students included, so
 * a face can never be handed to the wrong student because its owner was taken out of the gallery; a student already
 * present is reported ALREADY_MARKED and not written again.
 */
@Service
class AttendanceMarker {

    private static final Logger log = LoggerFactory.getLogger(AttendanceMarker.class);

    private final ClassDates dates;
    private final ClassGallery gallery;
    private final FaceEngine engine;
    private final FaceWorkQueue faceWork;
    private final MarkingThrottle markingThrottle;
    private final PhotoBudget photoBudget;
    private final StudentRepository students;
    private final AttendanceRepository attendance;
    private final ClassPhotoArchive archive;
    private final TransactionOperations transaction;
    private final Clock clock;

    AttendanceMarker(ClassDates dates, ClassGallery gallery, FaceEngine engine, FaceWorkQueue faceWork,
                     MarkingThrottle markingThrottle, PhotoBudget photoBudget, StudentRepository students, AttendanceRepository attendance, ClassPhotoArchive archive,
                     TransactionOperations transaction, Clock clock) {
        this.dates = dates;
        this.gallery = gallery;
        this.engine = engine;
        this.faceWork = faceWork;
        this.markingThrottle = markingThrottle;
        this.photoBudget = photoBudget;
        this.students = students;
        this.attendance = attendance;
        this.archive = archive;
        this.transaction = transaction;
        this.clock = clock;
    }

    MarkResponse mark(SchoolClass schoolClass, UUID teacherId, LocalDate requestedDate, List<byte[]> photos) {
        LocalDate date = dates.attendanceDate(schoolClass, requestedDate);
        photoBudget.require(photos);
        markingThrottle.acquire(teacherId, photos.size());
        long started = System.nanoTime();
        // every photo is read before anything is written: a bad one refuses the whole request
        List<List<DetectedFace>> found = new ArrayList<>(photos.size());
        for (int p = 0; p < photos.size(); p++) {
            byte[] photo = photos.get(p);
            // one photo at a time through the shared, fair queue: a flood from one teacher delays only them
            List<DetectedFace> faces = faceWork.run(teacherId, () -> engine.findFaces(photo));
            if (faces.isEmpty()) {
                throw new FaceRejectedException(RejectReason.NO_FACE, (photos.size() == 1 ? "The photo"
                        : "Photo " + (p + 1)) + " shows no face that can be recognised; nothing was marked.");
            }
            found.add(faces);
        }
        long detected = System.nanoTime();
        List<GalleryEntry<UUID>> roster = gallery.of(schoolClass.id());
        // one-to-one within each photo; across photos the same student may appear twice (overlapping shots of a hall)
        List<PhotoMatches> matches = found.stream()
                .map(faces -> new PhotoMatches(faces, match(faces, roster)))
                .toList();
        Map<UUID, Float> recognised = MarkReport.recognised(matches);
        long matched = System.nanoTime();
        Instant now = clock.instant();
        Set<UUID> written = transaction.execute(tx -> {
            archive.keep(schoolClass.id(), date, photos, now);
            return attendance.markAllIfAbsent(schoolClass.id(), date, recognised, now, teacherId);
        });
        Map<UUID, StudentRef> named = students.findAll(schoolClass.id(), recognised.keySet()).stream()
                .map(StudentRef::of)
                .collect(Collectors.toMap(StudentRef::id, Function.identity()));
        MarkResponse response = MarkReport.of(date, matches, written, named);
        long done = System.nanoTime();
        log.debug("Marked class {} for {}: {} faces in {} photos, {} written; faces {} ms, gallery + match {} ms,"
                        + " database {} ms", schoolClass.id(), date, response.faces().size(), photos.size(),
                written.size(), (detected - started) / 1_000_000, (matched - detected) / 1_000_000,
                (done - matched) / 1_000_000);
        return response;
    }

    private List<Assignment<UUID>> match(List<DetectedFace> faces, List<GalleryEntry<UUID>> roster) {
        if (roster.isEmpty()) {
            List<Assignment<UUID>> nobody = new ArrayList<>(faces.size());
            for (int i = 0; i < faces.size(); i++) {
                nobody.add(new Assignment<>(i, null, -1f, -1f));
            }
            return nobody;
        }
        return engine.match(faces, roster);
    }
}
