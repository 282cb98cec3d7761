package org.rollcall.web;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * 400 VALIDATION_FAILED, alike from every source (bean validation of a body, a parameter or a multipart part, and
 * hand-written checks): a detail naming each field as the pages label it, and {@code errors} listing each field with
 * its message, so a client can show the message beside the field.
 */
public class ValidationFailedException extends ApiException {

    /** One field's problem; {@code message} reads after the field's label ("must not be blank"). */
    public record FieldMessage(String field, String message) {}

    /** @param detail the sentence for the whole request, when it says more than the fields' messages */
    public ValidationFailedException(String detail, List<FieldMessage> errors) {
        super(ErrorCode.VALIDATION_FAILED, detail, Map.of("errors", List.copyOf(errors)));
    }

    /** The detail is every field's label and message: "Name must not be blank; Roll number must not be blank". */
    public ValidationFailedException(List<FieldMessage> errors) {
        this(
                errors.isEmpty()
                        ? "The request is invalid."
                        : errors.stream()
                                .map(error -> Problems.fieldLabel(error.field()) + " " + error.message())
                                .collect(Collectors.joining("; ")),
                errors);
    }

    /** One field is wrong and the sentence says it all. */
    public static ValidationFailedException of(String field, String sentence) {
        return new ValidationFailedException(sentence, List.of(new FieldMessage(field, sentence)));
    }
}
