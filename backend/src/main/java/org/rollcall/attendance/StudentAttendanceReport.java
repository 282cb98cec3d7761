package org.rollcall.attendance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.rollcall.students.StudentRef;

/**
 * One student's present dates in a range.
 *
 * @param corrections the teacher's manual marks and unmarks for dates in the range, oldest first
 */
public record StudentAttendanceReport(StudentRef student, LocalDate from, LocalDate to, List<Day> present,
                                      int total, List<Correction> corrections) {

    /** @param score recognition similarity for PHOTO, null for MANUAL */
    public record Day(LocalDate date, AttendanceSource source, Float score, Instant markedAt) {
    }

    static StudentAttendanceReport of(StudentRef student, DateRange range, List<AttendanceRecord> records,
                                      List<Correction> corrections) {
        List<Day> days = records.stream()
                .map(r -> new Day(r.date(), r.source(), r.score(), r.markedAt()))
                .toList();
        return new StudentAttendanceReport(student, range.from(), range.to(), days, days.size(), corrections);
    }
}
