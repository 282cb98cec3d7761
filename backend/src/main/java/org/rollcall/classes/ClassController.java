package org.rollcall.classes;

import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.rollcall.web.CurrentTeacher;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/classes")
class ClassController {

    private final ClassService classes;

    ClassController(ClassService classes) {
        this.classes = classes;
    }

    @GetMapping
    List<ClassResponse> list(CurrentTeacher teacher) {
        return classes.list(teacher.id()).stream().map(ClassResponse::of).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ClassResponse create(CurrentTeacher teacher, @Valid @RequestBody CreateClassRequest request) {
        return ClassResponse.of(classes.create(teacher.id(), request.name(), request.timezone()));
    }

    @GetMapping("/{classId}")
    ClassResponse get(CurrentTeacher teacher, @PathVariable UUID classId) {
        return ClassResponse.of(classes.owned(teacher, classId));
    }

    @PatchMapping("/{classId}")
    ClassResponse update(
            CurrentTeacher teacher, @PathVariable UUID classId, @Valid @RequestBody UpdateClassRequest request) {
        return ClassResponse.of(classes.update(classes.owned(teacher, classId), request));
    }

    @DeleteMapping("/{classId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(CurrentTeacher teacher, @PathVariable UUID classId) {
        classes.delete(classes.owned(teacher, classId));
    }
}
