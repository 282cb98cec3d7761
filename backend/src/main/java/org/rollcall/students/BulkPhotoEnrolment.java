package org.rollcall.students;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.rollcall.classes.SchoolClass;
import org.rollcall.face.Enrolment;
import org.rollcall.face.FaceEngine;
import org.rollcall.face.FaceRejectedException;
import org.rollcall.facework.FaceWorkQueue;
import org.rollcall.web.ApiException;
import org.rollcall.web.ErrorCode;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Enrols a folder of photos named by roll number ({@code 9P-03.jpg}, {@code 9P-03_2.jpg}). Each photo goes through the
 * same gate as a single enrolment ({@link FaceEnroller}: quality, and not another student's face) and is judged on
 * its own: one refused photo does not hold back the others, and the answer says per file what happened. A photo
 * whose exact bytes are already enrolled for that student is skipped, so a teacher can run the same folder again.
 */
@Service
class BulkPhotoEnrolment {

    /** "9P-03_2" and "9P-03 (2)" (a second photo, or the copy a file manager makes) are photos of 9P-03. */
    private static final Pattern COPY_SUFFIX = Pattern.compile("(_\\d+|\\s*\\(\\d+\\))$");

    private final StudentRepository students;
    private final FaceEnroller enroller;
    private final FaceRepository faces;
    private final PhotoHashRepository hashes;
    private final FaceEngine engine;
    private final FaceWorkQueue faceWork;
    private final TransactionOperations transaction;

    BulkPhotoEnrolment(
            StudentRepository students,
            FaceEnroller enroller,
            FaceRepository faces,
            PhotoHashRepository hashes,
            FaceEngine engine,
            TransactionOperations transaction,
            FaceWorkQueue faceWork) {
        this.faceWork = faceWork;
        this.students = students;
        this.enroller = enroller;
        this.faces = faces;
        this.hashes = hashes;
        this.engine = engine;
        this.transaction = transaction;
    }

    /** A photo file as uploaded: its name (without folders) and bytes. */
    record Photo(String fileName, byte[] content) {}

    List<BulkPhotoResult> enrol(SchoolClass schoolClass, List<Photo> photos) {
        Roster roster = new Roster(students.findByClass(schoolClass.id()));
        List<BulkPhotoResult> results = new ArrayList<>(photos.size());
        for (Photo photo : photos) {
            results.add(enrolOne(schoolClass, roster, photo));
        }
        return results;
    }

    private BulkPhotoResult enrolOne(SchoolClass schoolClass, Roster roster, Photo photo) {
        String base = baseName(photo.fileName());
        Optional<Student> found = roster.find(base);
        if (found.isEmpty()) {
            String rollNo = COPY_SUFFIX.matcher(base).replaceFirst("");
            return new BulkPhotoResult(
                    photo.fileName(),
                    rollNo,
                    BulkPhotoResult.Status.NO_STUDENT,
                    BulkPhotoResult.Status.NO_STUDENT.name(),
                    "No student of this class has roll number " + rollNo + "; name the photo after the roll number"
                            + " (e.g. " + roster.example() + ".jpg).",
                    null,
                    null);
        }
        Student student = found.get();
        byte[] hash = sha256(photo.content());
        if (hashes.enrolled(student.id(), hash)) {
            return alreadyEnrolled(photo, student);
        }
        List<Enrolment> enrolments;
        try {
            // through the shared face work queue, one photo at a time: a 40-photo upload takes its turns with other
            // teachers' markings instead of holding the cores (when the queue is full the upload stops with 503;
            // sending it again skips what was enrolled)
            enrolments = faceWork.run(
                    schoolClass.teacherId(),
                    () -> enroller.enrol(schoolClass.id(), student.id(), List.of(photo.content()), Set.of(), null));
        } catch (FaceRejectedException e) {
            return refused(photo, student, ErrorCode.of(e.reason()).code(), e.getMessage());
        } catch (ApiException e) {
            return refused(photo, student, e.code().code(), e.getMessage());
        }
        try {
            transaction.executeWithoutResult(tx -> {
                UUID faceId = faces.insert(student.id(), engine.modelId(), enrolments.getFirst());
                hashes.record(faceId, hash);
            });
        } catch (DuplicateKeyException sameUploadRacing) {
            return alreadyEnrolled(photo, student);
        }
        return new BulkPhotoResult(
                photo.fileName(),
                student.rollNo(),
                BulkPhotoResult.Status.ENROLLED,
                null,
                null,
                student.id(),
                student.name());
    }

    private static BulkPhotoResult refused(Photo photo, Student student, String code, String message) {
        return new BulkPhotoResult(
                photo.fileName(),
                student.rollNo(),
                BulkPhotoResult.Status.REFUSED,
                code,
                message,
                student.id(),
                student.name());
    }

    private static BulkPhotoResult alreadyEnrolled(Photo photo, Student student) {
        return new BulkPhotoResult(
                photo.fileName(),
                student.rollNo(),
                BulkPhotoResult.Status.ALREADY_ENROLLED,
                null,
                "This photo is already enrolled for " + student.name() + "; it was skipped.",
                student.id(),
                student.name());
    }

    /** "class 9P/9P-03_2.JPG" → "9P-03_2". */
    private static String baseName(String fileName) {
        String name = fileName.substring(fileName.lastIndexOf('/') + 1).strip();
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name).strip();
    }

    /** The class's students by roll number, as written and as a person compares them (capitals, spaces). */
    private static final class Roster {

        private final Map<String, Student> exact;
        private final Map<String, Student> folded;

        Roster(List<Student> students) {
            exact = students.stream().collect(Collectors.toMap(Student::rollNo, Function.identity()));
            folded = students.stream()
                    .collect(Collectors.toMap(s -> fold(s.rollNo()), Function.identity(), (a, b) -> a));
        }

        /** The whole name first: a roll number may itself end in "_1". */
        Optional<Student> find(String base) {
            String withoutSuffix = COPY_SUFFIX.matcher(base).replaceFirst("");
            for (String candidate : List.of(base, withoutSuffix)) {
                Student student = exact.get(candidate);
                if (student == null) {
                    student = folded.get(fold(candidate));
                }
                if (student != null) {
                    return Optional.of(student);
                }
            }
            return Optional.empty();
        }

        String example() {
            return exact.keySet().stream().findFirst().orElse("9P-03");
        }

        private static String fold(String rollNo) {
            return rollNo.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        }
    }

    private static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
