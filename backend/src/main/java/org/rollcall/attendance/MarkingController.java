package org.rollcall.attendance;

import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.rollcall.classes.ClassService;
import org.rollcall.classes.SchoolClass;
import org.rollcall.students.Student;
import org.rollcall.students.StudentService;
import org.rollcall.web.CurrentTeacher;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reviewing the faces of a marking (kept rollcall.attendance.review-hours after the photos were marked). */
@RestController
@RequestMapping("/api/classes/{classId}/attendance/markings")
class MarkingController {

    private final ClassService classes;
    private final StudentService students;
    private final MarkingReview review;

    MarkingController(ClassService classes, StudentService students, MarkingReview review) {
        this.classes = classes;
        this.students = students;
        this.review = review;
    }

    /** The markings of a date (default: today in the class's timezone) still open for review, oldest first. */
    @GetMapping
    List<MarkResponse> list(
            CurrentTeacher teacher,
            @PathVariable UUID classId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return review.on(classes.owned(teacher, classId), date);
    }

    @GetMapping("/{markingId}")
    MarkResponse get(CurrentTeacher teacher, @PathVariable UUID classId, @PathVariable UUID markingId) {
        return review.get(classes.owned(teacher, classId), markingId);
    }

    @PutMapping("/{markingId}/faces/{faceId}")
    FaceResult assign(
            CurrentTeacher teacher,
            @PathVariable UUID classId,
            @PathVariable UUID markingId,
            @PathVariable UUID faceId,
            @Valid @RequestBody AssignFaceRequest request) {
        SchoolClass schoolClass = classes.owned(teacher, classId);
        Student student = students.owned(schoolClass, request.studentId());
        return review.assign(
                schoolClass, markingId, faceId, student, request.learning(), request.notThese(), teacher.id());
    }

    @DeleteMapping("/{markingId}/faces/{faceId}")
    FaceResult reject(
            CurrentTeacher teacher,
            @PathVariable UUID classId,
            @PathVariable UUID markingId,
            @PathVariable UUID faceId) {
        return review.reject(classes.owned(teacher, classId), markingId, faceId, teacher.id());
    }

    /** The small aligned-face picture of a marking face (the class photo itself is not kept). */
    @GetMapping(path = "/{markingId}/faces/{faceId}/thumbnail", produces = MediaType.IMAGE_JPEG_VALUE)
    ResponseEntity<byte[]> thumbnail(
            CurrentTeacher teacher,
            @PathVariable UUID classId,
            @PathVariable UUID markingId,
            @PathVariable UUID faceId) {
        byte[] jpeg = review.thumbnail(classes.owned(teacher, classId), markingId, faceId);
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .contentType(MediaType.IMAGE_JPEG)
                .body(jpeg);
    }
}
