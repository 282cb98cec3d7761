package org.rollcall.attendance;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.rollcall.classes.SchoolClass;
import org.rollcall.students.Student;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The teacher's corrections: present or not present, by hand. A mark is written with source MANUAL; every change
 * (mark or unmark) is also logged with who and when, so an unmark, which removes the presence, leaves a trace.
 */
@Service
class ManualAttendance {

    private final ClassDates dates;
    private final AttendanceRepository attendance;
    private final CorrectionRepository corrections;
    private final TransactionOperations transaction;
    private final Clock clock;

    ManualAttendance(
            ClassDates dates,
            AttendanceRepository attendance,
            CorrectionRepository corrections,
            TransactionOperations transaction,
            Clock clock) {
        this.dates = dates;
        this.attendance = attendance;
        this.corrections = corrections;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Idempotent: a student already present keeps the record they have (photo or manual), and nothing is logged. */
    AttendanceRecord mark(SchoolClass schoolClass, Student student, LocalDate date, UUID teacherId) {
        LocalDate day = dates.attendanceDate(schoolClass, date);
        Instant now = clock.instant();
        return transaction.execute(tx -> {
            if (attendance.markIfAbsent(
                    schoolClass.id(),
                    new AttendanceRecord(student.id(), day, AttendanceSource.MANUAL, null, now, teacherId))) {
                corrections.insert(
                        schoolClass.id(), student.id(), new Correction(day, Correction.Action.MARK, teacherId, now));
            }
            return attendance.find(student.id(), day).orElseThrow();
        });
    }

    /** Idempotent: unmarking a student who is not present changes nothing and logs nothing. */
    void unmark(Student student, LocalDate date, UUID teacherId) {
        Instant now = clock.instant();
        transaction.executeWithoutResult(tx -> {
            if (attendance.delete(student.id(), date)) {
                corrections.insert(
                        student.classId(),
                        student.id(),
                        new Correction(date, Correction.Action.UNMARK, teacherId, now));
            }
        });
    }
}
