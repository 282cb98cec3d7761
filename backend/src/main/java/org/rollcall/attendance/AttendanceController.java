package org.rollcall.attendance;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.rollcall.classes.ClassService;
import org.rollcall.classes.SchoolClass;
import org.rollcall.students.StudentService;
import org.rollcall.students.UploadedPhotos;
import org.rollcall.web.CurrentTeacher;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/classes/{classId}")
class AttendanceController {

    static final String TEXT_CSV = "text/csv";

    private final ClassService classes;
    private final StudentService students;
    private final AttendanceMarker marker;
    private final ManualAttendance manual;
    private final AttendanceHistory history;
    private final AttendanceProperties properties;

    AttendanceController(
            ClassService classes,
            StudentService students,
            AttendanceMarker marker,
            ManualAttendance manual,
            AttendanceHistory history,
            AttendanceProperties properties) {
        this.classes = classes;
        this.students = students;
        this.marker = marker;
        this.manual = manual;
        this.history = history;
        this.properties = properties;
    }

    @PostMapping(path = "/attendance", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    MarkResponse mark(
            CurrentTeacher teacher,
            @PathVariable UUID classId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestPart(name = "photo", required = false) List<MultipartFile> photos) {
        SchoolClass schoolClass = classes.owned(teacher, classId);
        return marker.mark(schoolClass, teacher.id(), date, UploadedPhotos.read(photos, properties.maxPhotos()));
    }

    @GetMapping(path = "/attendance", produces = MediaType.APPLICATION_JSON_VALUE)
    ClassAttendanceReport classHistory(
            CurrentTeacher teacher,
            @PathVariable UUID classId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return history.ofClass(classes.owned(teacher, classId), from, to);
    }

    @GetMapping(path = "/attendance", produces = TEXT_CSV)
    ResponseEntity<String> classHistoryCsv(
            CurrentTeacher teacher,
            @PathVariable UUID classId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        SchoolClass schoolClass = classes.owned(teacher, classId);
        ClassAttendanceReport report = history.ofClass(schoolClass, from, to);
        return csv(
                AttendanceCsv.of(report),
                "attendance-" + schoolClass.name() + "-" + report.from() + "-to-" + report.to() + ".csv");
    }

    @GetMapping(path = "/students/{studentId}/attendance", produces = MediaType.APPLICATION_JSON_VALUE)
    StudentAttendanceReport studentHistory(
            CurrentTeacher teacher,
            @PathVariable UUID classId,
            @PathVariable UUID studentId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        SchoolClass schoolClass = classes.owned(teacher, classId);
        return history.ofStudent(schoolClass, students.owned(schoolClass, studentId), from, to);
    }

    @GetMapping(path = "/students/{studentId}/attendance", produces = TEXT_CSV)
    ResponseEntity<String> studentHistoryCsv(
            CurrentTeacher teacher,
            @PathVariable UUID classId,
            @PathVariable UUID studentId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        StudentAttendanceReport report = studentHistory(teacher, classId, studentId, from, to);
        return csv(
                AttendanceCsv.of(report),
                "attendance-" + report.student().name() + "-" + report.from() + "-to-" + report.to() + ".csv");
    }

    @PutMapping("/attendance/{date}/students/{studentId}")
    AttendanceRecord markByHand(
            CurrentTeacher teacher,
            @PathVariable UUID classId,
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @PathVariable UUID studentId) {
        SchoolClass schoolClass = classes.owned(teacher, classId);
        return manual.mark(schoolClass, students.owned(schoolClass, studentId), date, teacher.id());
    }

    @DeleteMapping("/attendance/{date}/students/{studentId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unmarkByHand(
            CurrentTeacher teacher,
            @PathVariable UUID classId,
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @PathVariable UUID studentId) {
        manual.unmark(students.owned(classes.owned(teacher, classId), studentId), date, teacher.id());
    }

    private static ResponseEntity<String> csv(String body, String fileName) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(fileName, StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(body);
    }
}
