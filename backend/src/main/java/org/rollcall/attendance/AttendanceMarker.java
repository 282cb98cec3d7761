package org.rollcall.attendance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import org.rollcall.face.FaceRejectedException;
import org.rollcall.face.GalleryEntry;
import org.rollcall.face.RejectReason;
import org.rollcall.facework.FaceWorkQueue;
import org.rollcall.facework.MarkingThrottle;
import org.rollcall.facework.PhotoBudget;
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
 * present is reported ALREADY_MARKED and not written again, and one the teacher unmarked by hand that day is reported
 * KEPT_ABSENT and not written either. The faces found are kept for review (see {@link MarkingReview}).
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
    private final MarkingRepository markings;
    private final MarkingCrops crops;
    private final CorrectionRepository corrections;
    private final AttendanceProperties properties;
    private final TransactionOperations transaction;
    private final Clock clock;

    AttendanceMarker(
            ClassDates dates,
            ClassGallery gallery,
            FaceEngine engine,
            FaceWorkQueue faceWork,
            MarkingThrottle markingThrottle,
            PhotoBudget photoBudget,
            StudentRepository students,
            AttendanceRepository attendance,
            ClassPhotoArchive archive,
            MarkingRepository markings,
            MarkingCrops crops,
            CorrectionRepository corrections,
            AttendanceProperties properties,
            TransactionOperations transaction,
            Clock clock) {
        this.markings = markings;
        this.crops = crops;
        this.corrections = corrections;
        this.properties = properties;
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
                throw new FaceRejectedException(
                        RejectReason.NO_FACE,
                        (photos.size() == 1 ? "The photo" : "Photo " + (p + 1))
                                + " shows no face that can be recognised; nothing was marked.");
            }
            found.add(faces);
        }
        long detected = System.nanoTime();
        List<GalleryEntry<UUID>> roster = gallery.of(schoolClass.id());
        // one-to-one within each photo; across photos the same student may appear twice (overlapping shots of a hall)
        List<PhotoMatches> matches = found.stream()
                .map(faces -> new PhotoMatches(faces, engine.match(faces, roster)))
                .toList();
        Map<UUID, Float> recognised = MarkReport.recognised(matches);
        // the teacher's manual unmark of the day wins over any later photo
        Set<UUID> keptAbsent = corrections.lastUnmarked(schoolClass.id(), date, recognised.keySet());
        Map<UUID, Float> toWrite = new LinkedHashMap<>(recognised);
        toWrite.keySet().removeAll(keptAbsent);
        long matched = System.nanoTime();
        Set<DetectedFace> worthALook = worthALook(matches, roster);
        List<MarkingFace> drafts =
                MarkReport.faces(matches, roster, engine.modelId(), keptAbsent, worthALook, engine::score);
        long encoded = System.nanoTime();
        Instant now = clock.instant();
        Marking marking = new Marking(
                UUID.randomUUID(),
                schoolClass.id(),
                date,
                photos.size(),
                now,
                now.plus(Duration.ofHours(properties.reviewHours())));
        List<MarkingFace> stored = transaction.execute(tx -> {
            archive.keep(schoolClass.id(), date, photos, now);
            Set<UUID> written = attendance.markAllIfAbsent(schoolClass.id(), date, toWrite, now, teacherId);
            List<MarkingFace> faces = drafts.stream()
                    .map(f -> f.studentId() != null && written.contains(f.studentId()) ? withPresence(f) : f)
                    .toList();
            markings.insert(marking, teacherId);
            markings.insertFaces(marking.id(), faces);
            return faces;
        });
        Map<UUID, StudentRef> named = students.findAll(schoolClass.id(), MarkingView.studentsNamed(stored)).stream()
                .map(StudentRef::of)
                .collect(Collectors.toMap(StudentRef::id, Function.identity()));
        MarkResponse response = MarkingView.of(marking, stored, toWrite.keySet(), named, Set.of());
        crops.storeLater(MarkReport.crops(matches, stored));
        long done = System.nanoTime();
        log.debug(
                "Marked class {} for {}: {} faces in {} photos, {} marked; faces {} ms, gallery + match {} ms,"
                        + " thumbnails + candidates {} ms, database {} ms",
                schoolClass.id(),
                date,
                response.faces().size(),
                photos.size(),
                response.marked(),
                (detected - started) / 1_000_000,
                (matched - detected) / 1_000_000,
                (encoded - matched) / 1_000_000,
                (done - encoded) / 1_000_000);
        return response;
    }

    private static MarkingFace withPresence(MarkingFace f) {
        return new MarkingFace(
                f.id(),
                f.position(),
                f.photo(),
                f.box(),
                f.modelId(),
                f.embedding(),
                f.quality(),
                f.thumbnail(),
                f.crop(),
                FaceStatus.MARKED,
                f.correction(),
                f.studentId(),
                f.score(),
                f.candidateIds(),
                f.candidateScores(),
                f.needsReview(),
                true);
    }

    /**
     * Unknown faces that the looser rule of the enrolment duplicate check would give to a student: not sure enough to
     * mark, close enough for the teacher to look at first.
     */
    private Set<DetectedFace> worthALook(List<PhotoMatches> matches, List<GalleryEntry<UUID>> roster) {
        Set<DetectedFace> found = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        if (roster.isEmpty()) {
            return found;
        }
        for (PhotoMatches photo : matches) {
            List<DetectedFace> unknown = new ArrayList<>();
            for (int i = 0; i < photo.faces().size(); i++) {
                if (photo.assignments().get(i).subject() == null) {
                    unknown.add(photo.faces().get(i));
                }
            }
            if (unknown.isEmpty()) {
                continue;
            }
            List<Assignment<UUID>> close = engine.findAlreadyEnrolled(unknown, roster);
            for (Assignment<UUID> assignment : close) {
                if (assignment.subject() != null) {
                    found.add(unknown.get(assignment.probeIndex()));
                }
            }
        }
        return found;
    }
}
