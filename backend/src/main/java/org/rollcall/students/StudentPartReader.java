package org.rollcall.students;

import java.util.Comparator;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.rollcall.web.ApiException;
import org.rollcall.web.NulCharacters;
import org.rollcall.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the `student` JSON part of a multipart request whatever content type the client gave it (browsers send
 * form fields as text/plain), then validates it like a JSON body.
 */
@Component
class StudentPartReader {

    private final JsonMapper json;
    private final Validator validator;

    StudentPartReader(JsonMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    StudentRequest read(String part) {
        if (part == null || part.isBlank()) {
            throw invalid("Send the student as JSON in a `student` part: {\"name\": …, \"rollNo\": …, \"email\": …}.");
        }
        StudentRequest request;
        try {
            request = json.readValue(part, StudentRequest.class);
        } catch (JacksonException e) {
            ApiException nul = NulCharacters.refusalIn(e);
            if (nul != null) {
                throw nul;
            }
            throw invalid("The `student` part is not valid JSON: " + e.getOriginalMessage());
        }
        Set<ConstraintViolation<StudentRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw invalid(violations.stream()
                    .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .map(v -> Problems.fieldLabel(v.getPropertyPath().toString()) + " " + v.getMessage())
                    .collect(Collectors.joining("; ")));
        }
        return request;
    }

    private static ApiException invalid(String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", message);
    }
}
