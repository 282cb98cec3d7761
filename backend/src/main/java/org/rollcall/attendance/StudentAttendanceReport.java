package org.rollcall.attendance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.rollcall.students.StudentRef;

/**
 * One student's present dates in a range, and the school days they were absent (days the class took attendance
 * without them; days without any record, such as weekends, are not absences).
 *
 * @param corrections the teacher's manual marks and unmarks for dates in the range, oldest first
 * @param schoolDays  days in the range on which attendance was taken for anyone in the class
 * @param percentage  days present out of school days, one decimal; null when there was no school day
 */
public record StudentAttendanceReport(
        StudentRef student,
        LocalDate from,
        LocalDate to,
        List<Day> present,
        int total,
        List<Correction> corrections,
        List<LocalDate> absent,
        int schoolDays,
        java.math.BigDecimal percentage) {

    /** @param score recognition similarity for PHOTO, null for MANUAL */
    public record Day(LocalDate date, AttendanceSource source, Float score, Instant markedAt) {}

    /** Without the class's school days: only the student's own records are known, so no absence is. */
    static StudentAttendanceReport of(
            StudentRef student, DateRange range, List<AttendanceRecord> records, List<Correction> corrections) {
        return of(
                student,
                range,
                records,
                corrections,
                records.stream().map(AttendanceRecord::date).toList());
    }

    /** @param schoolDays the class's school days in the range, ascending */
    static StudentAttendanceReport of(
            StudentRef student,
            DateRange range,
            List<AttendanceRecord> records,
            List<Correction> corrections,
            List<LocalDate> schoolDays) {
        List<Day> days = records.stream()
                .map(r -> new Day(r.date(), r.source(), r.score(), r.markedAt()))
                .toList();
        java.util.Set<LocalDate> present =
                records.stream().map(AttendanceRecord::date).collect(java.util.stream.Collectors.toSet());
        List<LocalDate> absent =
                schoolDays.stream().filter(day -> !present.contains(day)).toList();
        return new StudentAttendanceReport(
                student,
                range.from(),
                range.to(),
                days,
                days.size(),
                corrections,
                absent,
                schoolDays.size(),
                ClassAttendanceReport.percentage(days.size(), schoolDays.size()));
    }
}
