package org.rollcall.attendance;

import org.rollcall.students.StudentRef;

/**
 * A student a face resembles, for the teacher to pick from.
 *
 * @param score the best similarity between the face and that student's faces (the scale is the engine's: compare
 *              scores with each other, never with a fixed number)
 */
public record Candidate(StudentRef student, float score) {}
