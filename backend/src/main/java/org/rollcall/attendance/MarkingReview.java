package org.rollcall.attendance;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.rollcall.classes.SchoolClass;
import org.rollcall.face.FaceCrop;
import org.rollcall.face.FaceEngine;
import org.rollcall.students.LearnedFaces;
import org.rollcall.students.Student;
import org.rollcall.students.StudentRef;
import org.rollcall.students.StudentRepository;
import org.rollcall.web.ApiException;
import org.rollcall.web.ErrorCode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The teacher's review of a marking: every face can be given to a student ("this is Penny": written present by hand,
 * and learned) or taken away ("not this student": the mark it made is removed). Corrections of one marking run one
 * after the other (the marking row is locked), and each is one transaction: a refused correction changes nothing.
 */
@Service
class MarkingReview {

    private final MarkingRepository markings;
    private final AttendanceRepository attendance;
    private final CorrectionRepository corrections;
    private final StudentRepository students;
    private final LearnedFaces learned;
    private final FaceEngine engine;
    private final AttendanceProperties properties;
    private final ClassDates dates;
    private final TransactionOperations transaction;
    private final Clock clock;

    MarkingReview(
            MarkingRepository markings,
            AttendanceRepository attendance,
            CorrectionRepository corrections,
            StudentRepository students,
            LearnedFaces learned,
            FaceEngine engine,
            AttendanceProperties properties,
            ClassDates dates,
            TransactionOperations transaction,
            Clock clock) {
        this.engine = engine;
        this.markings = markings;
        this.attendance = attendance;
        this.corrections = corrections;
        this.students = students;
        this.learned = learned;
        this.properties = properties;
        this.dates = dates;
        this.transaction = transaction;
        this.clock = clock;
    }

    MarkResponse get(SchoolClass schoolClass, UUID markingId) {
        Marking marking = markings.find(markingId, schoolClass.id()).orElseThrow(MarkingReview::markingNotFound);
        if (!marking.open(clock.instant())) {
            throw closed();
        }
        return view(schoolClass, marking);
    }

    List<MarkResponse> on(SchoolClass schoolClass, LocalDate date) {
        LocalDate day = date == null ? dates.today(schoolClass) : date;
        return markings.openOn(schoolClass.id(), day, clock.instant()).stream()
                .map(marking -> view(schoolClass, marking))
                .toList();
    }

    /**
     * "This face is this student": the student is written present for the marking's date (MANUAL, logged with who
     * and when) even if unmarked by hand before (the teacher's newest word wins); a mark this face gave another
     * student is removed; with learn, the face joins the student's gallery.
     *
     * @param differentFrom students the teacher confirmed the face is not, for the learning guard
     */
    FaceResult assign(
            SchoolClass schoolClass,
            UUID markingId,
            UUID faceId,
            Student student,
            boolean learn,
            Set<UUID> differentFrom,
            UUID teacherId) {
        for (UUID other : differentFrom) {
            if (other.equals(student.id())
                    || students.findInClass(other, schoolClass.id()).isEmpty()) {
                throw new ApiException(
                        ErrorCode.DIFFERENT_FROM_NOT_IN_CLASS,
                        "The student named as a different person is not another student of this class.");
            }
        }
        Instant now = clock.instant();
        transaction.executeWithoutResult(tx -> {
            Marking marking = openForCorrection(schoolClass, markingId, now);
            MarkingFace face = markings.faceToLearn(markingId, faceId).orElseThrow(MarkingReview::faceNotFound);
            UUID previous = face.studentId();
            boolean wrote = face.wrotePresence() && student.id().equals(previous);
            if (previous != null && !previous.equals(student.id()) && face.wrotePresence()) {
                release(schoolClass.id(), marking.date(), previous, face.id(), teacherId, now);
            }
            // the same correction twice keeps the copy already learned (same id) instead of learning it again
            boolean keepCopy = learn
                    && student.id().equals(previous)
                    && learned.learnedFrom(List.of(face.id())).contains(face.id());
            if (!keepCopy) {
                learned.forget(face.id());
            }
            if (attendance.markIfAbsent(
                    schoolClass.id(),
                    new AttendanceRecord(
                            student.id(), marking.date(), AttendanceSource.MANUAL, null, now, teacherId))) {
                corrections.insert(
                        schoolClass.id(),
                        student.id(),
                        new Correction(marking.date(), Correction.Action.MARK, teacherId, now));
                wrote = true;
            }
            if (learn && !keepCopy) {
                LearnedFaces.FaceToLearn toLearn = new LearnedFaces.FaceToLearn(
                        marking.id(),
                        face.id(),
                        marking.date(),
                        face.modelId(),
                        face.embedding(),
                        face.quality(),
                        face.thumbnail(),
                        face.crop());
                // marked before the recognisers changed: embedded again from its crop; without a crop it cannot
                // be compared with today's gallery and is not learned
                if (!learned.comparable(toLearn) && face.crop() != null) {
                    toLearn = new LearnedFaces.FaceToLearn(
                            marking.id(),
                            face.id(),
                            marking.date(),
                            engine.modelId(),
                            engine.embed(FaceCrop.read(face.crop()).widened()),
                            face.quality(),
                            face.thumbnail(),
                            face.crop());
                }
                if (learned.comparable(toLearn)) {
                    learned.checkNotAnotherStudent(schoolClass.id(), student.id(), toLearn, differentFrom);
                    learned.learn(student.id(), toLearn);
                }
            }
            markings.correct(face.id(), FaceCorrection.ASSIGNED, student.id(), wrote, teacherId, now);
        });
        return face(schoolClass, markingId, faceId);
    }

    /** "Not this student": the mark this face made is removed, the face is unknown, a learned copy is forgotten. */
    FaceResult reject(SchoolClass schoolClass, UUID markingId, UUID faceId, UUID teacherId) {
        Instant now = clock.instant();
        transaction.executeWithoutResult(tx -> {
            Marking marking = openForCorrection(schoolClass, markingId, now);
            MarkingFace face = markings.faceToLearn(markingId, faceId).orElseThrow(MarkingReview::faceNotFound);
            if (face.studentId() != null && face.wrotePresence()) {
                release(schoolClass.id(), marking.date(), face.studentId(), face.id(), teacherId, now);
            }
            learned.forget(face.id());
            markings.correct(face.id(), FaceCorrection.REJECTED, null, false, teacherId, now);
        });
        return face(schoolClass, markingId, faceId);
    }

    byte[] thumbnail(SchoolClass schoolClass, UUID markingId, UUID faceId) {
        Marking marking = markings.find(markingId, schoolClass.id()).orElseThrow(MarkingReview::markingNotFound);
        if (!marking.open(clock.instant())) {
            throw closed();
        }
        return markings.thumbnail(marking.id(), faceId).orElseThrow(MarkingReview::faceNotFound);
    }

    /**
     * Removes the presence a face wrote, unless another face of that day is still given to the student (it then holds
     * the presence). The removal is logged as the teacher's unmark.
     */
    private void release(UUID classId, LocalDate date, UUID studentId, UUID faceId, UUID teacherId, Instant now) {
        if (markings.handPresenceToAnotherFace(classId, date, studentId, faceId)) {
            return;
        }
        if (attendance.delete(studentId, date)) {
            corrections.insert(classId, studentId, new Correction(date, Correction.Action.UNMARK, teacherId, now));
        }
    }

    private Marking openForCorrection(SchoolClass schoolClass, UUID markingId, Instant now) {
        Marking marking = markings.lock(markingId, schoolClass.id()).orElseThrow(MarkingReview::markingNotFound);
        if (!marking.open(now)) {
            throw closed();
        }
        return marking;
    }

    private FaceResult face(SchoolClass schoolClass, UUID markingId, UUID faceId) {
        Marking marking = markings.find(markingId, schoolClass.id()).orElseThrow(MarkingReview::markingNotFound);
        return view(schoolClass, marking).faces().stream()
                .filter(f -> f.faceId().equals(faceId))
                .findFirst()
                .orElseThrow(MarkingReview::faceNotFound);
    }

    private MarkResponse view(SchoolClass schoolClass, Marking marking) {
        List<MarkingFace> faces = markings.faces(marking.id());
        Map<UUID, StudentRef> named = students.findAll(schoolClass.id(), MarkingView.studentsNamed(faces)).stream()
                .map(StudentRef::of)
                .collect(Collectors.toMap(StudentRef::id, Function.identity()));
        Set<UUID> present = attendance.presentAmong(schoolClass.id(), marking.date(), named.keySet());
        Set<UUID> learnedFaces =
                learned.learnedFrom(faces.stream().map(MarkingFace::id).toList());
        return MarkingView.of(marking, faces, present, named, learnedFaces);
    }

    private ApiException closed() {
        return new ApiException(
                ErrorCode.MARKING_CLOSED,
                "This marking is more than "
                        + properties.reviewHours()
                        + " hours old, so its faces are no longer kept and it cannot be corrected."
                        + " Mark students present or absent by hand instead.");
    }

    private static ApiException markingNotFound() {
        return new ApiException(ErrorCode.MARKING_NOT_FOUND);
    }

    private static ApiException faceNotFound() {
        return new ApiException(ErrorCode.FACE_NOT_FOUND, "That face is not part of this marking.");
    }
}
