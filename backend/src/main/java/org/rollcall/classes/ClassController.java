package org.rollcall.classes;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
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
    List<ClassResponse> list(@AuthenticationPrincipal Jwt token) {
        return classes.list(AuthenticatedTeacher.id(token)).stream().map(ClassResponse::of).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ClassResponse create(@AuthenticationPrincipal Jwt token, @Valid @RequestBody CreateClassRequest request) {
        return ClassResponse.of(classes.create(AuthenticatedTeacher.id(token), request.name(), request.timezone()));
    }

    @GetMapping("/{classId}")
    ClassResponse get(@AuthenticationPrincipal Jwt token, @PathVariable UUID classId) {
        return ClassResponse.of(classes.get(classId, AuthenticatedTeacher.id(token)));
    }

    @PatchMapping("/{classId}")
    ClassResponse update(@AuthenticationPrincipal Jwt token, @PathVariable UUID classId,
                         @Valid @RequestBody UpdateClassRequest request) {
        return ClassResponse.of(classes.update(classId, AuthenticatedTeacher.id(token), request));
    }

    @DeleteMapping("/{classId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@AuthenticationPrincipal Jwt token, @PathVariable UUID classId) {
        classes.delete(classId, AuthenticatedTeacher.id(token));
    }
}
