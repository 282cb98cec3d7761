package org.rollcall.students;

import java.util.List;
import java.util.UUID;

/**
 * What a roster file does to the class: the students it adds, those whose name or email it changes (matched by roll
 * number), how many it leaves as they are, and every bad row. {@code written} says whether it was applied.
 */
public record RosterPreview(
        boolean written, List<NewStudent> create, List<ChangedStudent> update, int unchanged, List<RowError> errors) {

    public record NewStudent(int line, String rollNo, String name, String email) {}

    /** @param previousName  the name before the import; equal to {@code name} when only the email changes */
    public record ChangedStudent(
            int line,
            UUID studentId,
            String rollNo,
            String name,
            String email,
            String previousName,
            String previousEmail) {}

    /** @param field name, rollNo or email */
    public record RowError(int line, String field, String message) {}

    RosterPreview applied() {
        return new RosterPreview(true, create, update, unchanged, errors);
    }
}
