package org.rollcall.students;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.rollcall.classes.SchoolClass;
import org.rollcall.face.Enrolment;
import org.rollcall.face.FaceEngine;
import org.rollcall.facework.FaceWorkQueue;
import org.rollcall.facework.PhotoBudget;
import org.rollcall.web.ApiException;
import org.rollcall.web.ErrorCode;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Students of a teacher's class and their enrolment faces. Photos are judged by the engine before anything is
 * written, and each change is written in one transaction: a refused photo leaves nothing behind.
 */
@Service
public class StudentService {

    private final StudentRepository students;
    private final FaceRepository faces;
    private final FaceEnroller enroller;
    private final FaceWorkQueue faceWork;
    private final PhotoBudget photoBudget;
    private final FaceEngine engine;
    private final TransactionOperations transaction;

    StudentService(
            StudentRepository students,
            FaceRepository faces,
            FaceEnroller enroller,
            FaceWorkQueue faceWork,
            PhotoBudget photoBudget,
            FaceEngine engine,
            TransactionOperations transaction) {
        this.students = students;
        this.faces = faces;
        this.enroller = enroller;
        this.faceWork = faceWork;
        this.photoBudget = photoBudget;
        this.engine = engine;
        this.transaction = transaction;
    }

    public List<StudentResponse> roster(SchoolClass schoolClass, String query) {
        List<Student> found = query == null || query.isBlank()
                ? students.findByClass(schoolClass.id())
                : students.search(schoolClass.id(), query.strip());
        Map<UUID, List<StoredFace>> facesByStudent =
                faces.findByClass(schoolClass.id()).stream().collect(Collectors.groupingBy(StoredFace::studentId));
        return found.stream()
                .map(s -> response(s, facesByStudent.getOrDefault(s.id(), List.of())))
                .toList();
    }

    public StudentResponse get(Student student) {
        return response(student, faces.findByStudent(student.id()));
    }

    /**
     * The student, if in the teacher's class (loaded by {@code ClassService.owned}); otherwise 404, whoever owns it.
     * The one way a request gets hold of a student.
     */
    public Student owned(SchoolClass schoolClass, UUID studentId) {
        return students.findInClass(studentId, schoolClass.id()).orElseThrow(StudentService::notFound);
    }

    /**
     * @param differentFrom students of the class the teacher confirmed the photos are not (see {@link FaceEnroller})
     * @param face which face of the one photo to enrol when it shows several (null: the photo's only face)
     */
    public StudentResponse create(
            SchoolClass schoolClass,
            StudentRequest request,
            List<byte[]> photos,
            Set<UUID> differentFrom,
            Integer face) {
        Student student = new Student(
                UUID.randomUUID(),
                schoolClass.id(),
                request.rollNo().strip(),
                request.name().strip(),
                blankToNull(request.email()));
        // cheap check first, so a taken roll number does not cost the face work; the constraint stays the judge
        if (students.findByRollNo(schoolClass.id(), student.rollNo()).isPresent()) {
            throw rollNoTaken(student.rollNo());
        }
        // a student may start with no photo: marked by hand, or learned from a class photo later
        photoBudget.require(photos);
        List<Enrolment> enrolments = photos.isEmpty()
                ? List.of()
                : faceWork.run(
                        schoolClass.teacherId(),
                        () -> enroller.enrol(schoolClass.id(), null, photos, differentFrom, face));
        transaction.executeWithoutResult(tx -> {
            try {
                students.insert(student);
            } catch (DuplicateKeyException e) {
                throw rollNoTaken(student.rollNo());
            }
            enrolments.forEach(enrolment -> faces.insert(student.id(), engine.modelId(), enrolment));
        });
        return response(student, faces.findByStudent(student.id()));
    }

    public StudentResponse update(Student current, StudentPatch patch) {
        Student updated = new Student(
                current.id(),
                current.classId(),
                patch.rollNo() == null ? current.rollNo() : patch.rollNo().strip(),
                patch.name() == null ? current.name() : patch.name().strip(),
                patch.email() == null ? current.email() : blankToNull(patch.email()));
        try {
            students.update(updated);
        } catch (DuplicateKeyException e) {
            throw rollNoTaken(updated.rollNo());
        }
        return response(updated, faces.findByStudent(updated.id()));
    }

    /** Erases the student with their faces and attendance (database cascades). */
    public void delete(Student student) {
        students.delete(student.id());
    }

    /** @param face which face of the one photo to enrol when it shows several (null: the photo's only face) */
    public StudentResponse addFaces(
            SchoolClass schoolClass, Student student, List<byte[]> photos, Set<UUID> differentFrom, Integer face) {
        photoBudget.require(photos);
        List<Enrolment> enrolments = faceWork.run(
                schoolClass.teacherId(),
                () -> enroller.enrol(student.classId(), student.id(), photos, differentFrom, face));
        transaction.executeWithoutResult(
                tx -> enrolments.forEach(enrolment -> faces.insert(student.id(), engine.modelId(), enrolment)));
        return response(student, faces.findByStudent(student.id()));
    }

    /** The student's faces, enrolment and learned, oldest first. */
    public List<FaceResponse> faces(Student student) {
        return response(student, faces.findByStudent(student.id())).faces();
    }

    /** Removes a face of either source (a learned face too: the teacher may find it was a wrong one). */
    public void removeFace(Student student, UUID faceId) {
        if (!faces.delete(faceId, student.id())) {
            throw faceNotFound();
        }
    }

    public byte[] thumbnail(Student student, UUID faceId) {
        return faces.thumbnail(faceId, student.id()).orElseThrow(StudentService::faceNotFound);
    }

    private StudentResponse response(Student student, List<StoredFace> stored) {
        String model = engine.modelId();
        List<FaceResponse> faceResponses = stored.stream()
                .map(f -> new FaceResponse(
                        f.id(),
                        f.modelId(),
                        f.modelId().equals(model),
                        f.quality(),
                        f.createdAt(),
                        f.source(),
                        f.markingId(),
                        f.learnedDate()))
                .toList();
        boolean recognisable = faceResponses.stream().anyMatch(FaceResponse::current);
        return new StudentResponse(
                student.id(), student.name(), student.rollNo(), student.email(), !recognisable, faceResponses);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static ApiException rollNoTaken(String rollNo) {
        return new ApiException(
                ErrorCode.ROLL_NO_TAKEN,
                "Roll number " + rollNo + " already belongs to another student of this class.");
    }

    private static ApiException notFound() {
        return new ApiException(ErrorCode.STUDENT_NOT_FOUND);
    }

    private static ApiException faceNotFound() {
        return new ApiException(ErrorCode.FACE_NOT_FOUND, "This student has no such face.");
    }
}
