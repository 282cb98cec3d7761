package org.rollcall.students;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.Set;
import org.rollcall.web.ApiException;
import org.rollcall.web.NulCharacters;
import org.rollcall.web.ValidationFailedException;
import org.rollcall.web.ValidationFailedException.FieldMessage;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the `student` JSON part of a multipart request whatever content type the client gave it (browsers send
 * form fields as text/plain), then validates it like a JSON body.
 */
@Component
class StudentPartReader {

    private static final String PART = "student";

    private final JsonMapper json;
    private final Validator validator;

    StudentPartReader(JsonMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    StudentRequest read(String part) {
        if (part == null || part.isBlank()) {
            throw ValidationFailedException.of(
                    PART, "Send the student as JSON in a `student` part: {\"name\": …, \"rollNo\": …, \"email\": …}.");
        }
        StudentRequest request;
        try {
            request = json.readValue(part, StudentRequest.class);
        } catch (JacksonException e) {
            ApiException nul = NulCharacters.refusalIn(e);
            if (nul != null) {
                throw nul;
            }
            throw ValidationFailedException.of(PART, "The `student` part is not valid JSON: " + e.getOriginalMessage());
        }
        Set<ConstraintViolation<StudentRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ValidationFailedException(violations.stream()
                    .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .map(v -> new FieldMessage(v.getPropertyPath().toString(), v.getMessage()))
                    .toList());
        }
        return request;
    }
}
