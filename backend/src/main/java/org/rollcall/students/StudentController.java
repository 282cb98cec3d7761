package org.rollcall.students;

import jakarta.validation.Valid;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.rollcall.classes.ClassService;
import org.rollcall.classes.SchoolClass;
import org.rollcall.web.CurrentTeacher;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/classes/{classId}/students")
class StudentController {

    private final ClassService classes;
    private final StudentService students;
    private final StudentPartReader studentPart;
    private final StudentProperties properties;

    StudentController(
            ClassService classes,
            StudentService students,
            StudentPartReader studentPart,
            StudentProperties properties) {
        this.classes = classes;
        this.students = students;
        this.studentPart = studentPart;
        this.properties = properties;
    }

    @GetMapping
    List<StudentResponse> roster(
            CurrentTeacher teacher, @PathVariable UUID classId, @RequestParam(required = false) String q) {
        return students.roster(classes.owned(teacher, classId), q);
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    StudentResponse create(
            CurrentTeacher teacher,
            @PathVariable UUID classId,
            @RequestPart(name = "student", required = false) String student,
            @RequestPart(name = "photo", required = false) List<MultipartFile> photos,
            @RequestParam(name = "differentFrom", required = false) Set<UUID> differentFrom,
            @RequestParam(name = "face", required = false) Integer face) {
        SchoolClass schoolClass = classes.owned(teacher, classId); // 404 before any judgement of the upload
        StudentRequest request = studentPart.read(student);
        List<byte[]> photoBytes =
                photos == null || photos.isEmpty() ? List.of() : UploadedPhotos.read(photos, properties.maxPhotos());
        return students.create(schoolClass, request, photoBytes, orNone(differentFrom), face);
    }

    /** A student with no photo yet (marked by hand, or given a face from a class photo later). */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    StudentResponse createWithoutPhoto(
            CurrentTeacher teacher, @PathVariable UUID classId, @Valid @RequestBody StudentRequest student) {
        return students.create(classes.owned(teacher, classId), student, List.of(), Set.of(), null);
    }

    @GetMapping("/{studentId}/faces")
    List<FaceResponse> faces(CurrentTeacher teacher, @PathVariable UUID classId, @PathVariable UUID studentId) {
        return students.faces(students.owned(classes.owned(teacher, classId), studentId));
    }

    @GetMapping("/{studentId}")
    StudentResponse get(CurrentTeacher teacher, @PathVariable UUID classId, @PathVariable UUID studentId) {
        return students.get(students.owned(classes.owned(teacher, classId), studentId));
    }

    @PatchMapping("/{studentId}")
    StudentResponse update(
            CurrentTeacher teacher,
            @PathVariable UUID classId,
            @PathVariable UUID studentId,
            @Valid @RequestBody StudentPatch patch) {
        return students.update(students.owned(classes.owned(teacher, classId), studentId), patch);
    }

    @DeleteMapping("/{studentId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(CurrentTeacher teacher, @PathVariable UUID classId, @PathVariable UUID studentId) {
        students.delete(students.owned(classes.owned(teacher, classId), studentId));
    }

    @PostMapping(path = "/{studentId}/faces", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    StudentResponse addFaces(
            CurrentTeacher teacher,
            @PathVariable UUID classId,
            @PathVariable UUID studentId,
            @RequestPart(name = "photo", required = false) List<MultipartFile> photos,
            @RequestParam(name = "differentFrom", required = false) Set<UUID> differentFrom,
            @RequestParam(name = "face", required = false) Integer face) {
        SchoolClass schoolClass = classes.owned(teacher, classId);
        Student student = students.owned(schoolClass, studentId); // 404 before any judgement of the upload
        return students.addFaces(
                schoolClass, student, UploadedPhotos.read(photos, properties.maxPhotos()), orNone(differentFrom), face);
    }

    private static Set<UUID> orNone(Set<UUID> ids) {
        return ids == null ? Set.of() : ids;
    }

    @DeleteMapping("/{studentId}/faces/{faceId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeFace(
            CurrentTeacher teacher,
            @PathVariable UUID classId,
            @PathVariable UUID studentId,
            @PathVariable UUID faceId) {
        students.removeFace(students.owned(classes.owned(teacher, classId), studentId), faceId);
    }

    /** The small aligned-face thumbnail kept from enrolment (the enrolment photo itself is never stored). */
    @GetMapping(path = "/{studentId}/faces/{faceId}/thumbnail", produces = MediaType.IMAGE_JPEG_VALUE)
    ResponseEntity<byte[]> thumbnail(
            CurrentTeacher teacher,
            @PathVariable UUID classId,
            @PathVariable UUID studentId,
            @PathVariable UUID faceId) {
        byte[] jpeg = students.thumbnail(students.owned(classes.owned(teacher, classId), studentId), faceId);
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .contentType(MediaType.IMAGE_JPEG)
                .body(jpeg);
    }
}
