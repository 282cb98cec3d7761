package org.rollcall.attendance;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import org.rollcall.classes.SchoolClass;
import org.rollcall.students.Student;
import org.springframework.stereotype.Service;

/** The teacher's corrections: present or not present, by hand, recorded as MANUAL with who and when. */
@Service
class ManualAttendance {

    private final ClassDates dates;
    private final AttendanceRepository attendance;
    private final Clock clock;

    ManualAttendance(ClassDates dates, AttendanceRepository attendance, Clock clock) {
        this.dates = dates;
        this.attendance = attendance;
        this.clock = clock;
    }

    /** Idempotent: a student already present keeps the record they have (photo or manual). */
    AttendanceRecord mark(SchoolClass schoolClass, Student student, LocalDate date, UUID teacherId) {
        LocalDate day = dates.attendanceDate(schoolClass, date);
        attendance.markIfAbsent(schoolClass.id(), new AttendanceRecord(student.id(), day, AttendanceSource.MANUAL,
                null, clock.instant(), teacherId));
        return attendance.find(student.id(), day).orElseThrow();
    }

    /** Idempotent: unmarking an absent student changes nothing. */
    void unmark(Student student, LocalDate date) {
        attendance.delete(student.id(), date);
    }
}
