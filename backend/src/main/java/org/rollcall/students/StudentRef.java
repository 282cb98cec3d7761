package org.rollcall.students;

import java.util.UUID;

/** How a student is named in other answers (attendance, errors). */
public record StudentRef(UUID id, String name, String rollNo) {

    public static StudentRef of(Student student) {
        return new StudentRef(student.id(), student.name(), student.rollNo());
    }
}
