package org.rollcall.students;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;
import org.rollcall.classes.ClassService;
import org.rollcall.classes.SchoolClass;
import org.rollcall.web.ApiException;
import org.rollcall.web.CurrentTeacher;
import org.rollcall.web.ErrorCode;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** A roster spreadsheet in, students out: previewed by default ({@code dryRun=true}), written only when asked. */
@RestController
@RequestMapping("/api/classes/{classId}/students")
class RosterImportController {

    private final ClassService classes;
    private final RosterImport rosters;

    RosterImportController(ClassService classes, RosterImport rosters) {
        this.classes = classes;
        this.rosters = rosters;
    }

    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    RosterPreview importRoster(
            CurrentTeacher teacher,
            @PathVariable UUID classId,
            @RequestPart(name = "file", required = false) MultipartFile file,
            @RequestParam(defaultValue = "true") boolean dryRun) {
        if (file == null || file.isEmpty()) {
            throw new ApiException(
                    ErrorCode.FILE_REQUIRED, "Choose the roster file (CSV or Excel .xlsx) to send in a `file` part.");
        }
        SchoolClass schoolClass = classes.owned(teacher, classId);
        try {
            return rosters.run(schoolClass, file.getBytes(), dryRun);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the uploaded roster", e);
        }
    }
}
