package org.rollcall.classes;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** PATCH body: absent fields are left unchanged. */
public record UpdateClassRequest(
        @Size(max = 100) @Pattern(regexp = ".*\\S.*", message = "must not be blank")
        String name,

        @Size(max = 64) String timezone) {}
