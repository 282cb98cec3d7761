package org.rollcall.students;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** PATCH body: absent fields are left unchanged; an empty email removes it. */
public record StudentPatch(
        @Size(max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank")
        String name,

        @Size(max = 32) @Pattern(regexp = ".*\\S.*", message = "must not be blank")
        String rollNo,

        @Size(max = 320) @Pattern(regexp = "|.+@.+", message = "must be an email address")
        String email) {}
