package org.rollcall.students;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The `student` part of the create request. */
public record StudentRequest(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 32) String rollNo,
        @Email @Size(max = 320) String email) {}
