package org.rollcall.attendance;

import java.time.LocalDate;
import java.util.List;
import org.rollcall.classes.SchoolClass;
import org.rollcall.students.Student;
import org.rollcall.students.StudentRef;
import org.rollcall.students.StudentRepository;
import org.springframework.stereotype.Service;

@Service
class AttendanceHistory {

    private final ClassDates dates;
    private final StudentRepository students;
    private final AttendanceRepository attendance;
    private final CorrectionRepository corrections;
    private final AttendanceProperties properties;

    AttendanceHistory(
            ClassDates dates,
            StudentRepository students,
            AttendanceRepository attendance,
            CorrectionRepository corrections,
            AttendanceProperties properties) {
        this.dates = dates;
        this.students = students;
        this.attendance = attendance;
        this.corrections = corrections;
        this.properties = properties;
    }

    ClassAttendanceReport ofClass(SchoolClass schoolClass, LocalDate from, LocalDate to) {
        DateRange range = dates.range(schoolClass, from, to, properties);
        List<StudentRef> roster = students.findByClass(schoolClass.id()).stream()
                .map(StudentRef::of)
                .toList();
        return ClassAttendanceReport.of(range, roster, attendance.findByClass(schoolClass.id(), range));
    }

    StudentAttendanceReport ofStudent(SchoolClass schoolClass, Student student, LocalDate from, LocalDate to) {
        DateRange range = dates.range(schoolClass, from, to, properties);
        return StudentAttendanceReport.of(
                StudentRef.of(student),
                range,
                attendance.findByStudent(student.id(), range),
                corrections.findByStudent(student.id(), range),
                attendance.schoolDays(schoolClass.id(), range));
    }
}
