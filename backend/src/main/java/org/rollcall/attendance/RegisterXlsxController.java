package org.rollcall.attendance;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import org.rollcall.classes.ClassService;
import org.rollcall.classes.SchoolClass;
import org.rollcall.web.CurrentTeacher;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The class history as the register teachers hand in: the same matrix as the JSON and CSV answers, as XLSX. */
@RestController
@RequestMapping("/api/classes/{classId}")
class RegisterXlsxController {

    private final ClassService classes;
    private final AttendanceHistory history;

    RegisterXlsxController(ClassService classes, AttendanceHistory history) {
        this.classes = classes;
        this.history = history;
    }

    @GetMapping(path = "/attendance", produces = AttendanceXlsx.MEDIA_TYPE)
    ResponseEntity<byte[]> register(
            CurrentTeacher teacher,
            @PathVariable UUID classId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        SchoolClass schoolClass = classes.owned(teacher, classId);
        ClassAttendanceReport report = history.ofClass(schoolClass, from, to);
        String fileName = "attendance-" + schoolClass.name() + "-" + report.from() + "-to-" + report.to() + ".xlsx";
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(AttendanceXlsx.MEDIA_TYPE))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(fileName, StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(AttendanceXlsx.of(report, schoolClass.name()));
    }
}
