package org.rollcall.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rollcall.students.StudentRef;

class ClassAttendanceReportTest {

    private final StudentRef ana = new StudentRef(UUID.randomUUID(), "Ana", "1");
    private final StudentRef ben = new StudentRef(UUID.randomUUID(), "Ben", "2");
    private final LocalDate mon = LocalDate.of(2026, 3, 9);
    private final LocalDate tue = mon.plusDays(1);
    private final LocalDate thu = mon.plusDays(3);

    @Test
    void columnsAreTheDaysAttendanceWasTakenAndTotalsCountPresences() {
        List<AttendanceRecord> records =
                List.of(present(ana, mon), present(ana, tue), present(ben, tue), present(ana, thu));

        ClassAttendanceReport report =
                ClassAttendanceReport.of(new DateRange(mon, mon.plusDays(6)), List.of(ana, ben), records);

        assertThat(report.dates()).containsExactly(mon, tue, thu);
        assertThat(report.presentPerDate()).containsExactly(1, 2, 1);
        ClassAttendanceReport.Row anaRow = report.students().get(0);
        assertThat(anaRow.student()).isEqualTo(ana);
        assertThat(anaRow.present()).containsExactly(true, true, true);
        assertThat(anaRow.total()).isEqualTo(3);
        assertThat(anaRow.percentage()).isEqualByComparingTo("100.0");
        ClassAttendanceReport.Row benRow = report.students().get(1);
        assertThat(benRow.present()).containsExactly(false, true, false);
        assertThat(benRow.total()).isEqualTo(1);
        assertThat(benRow.percentage()).isEqualTo(new BigDecimal("33.3"));
    }

    @Test
    void noSchoolDayMeansNoPercentage() {
        ClassAttendanceReport report = ClassAttendanceReport.of(new DateRange(mon, thu), List.of(ana), List.of());

        assertThat(report.dates()).isEmpty();
        assertThat(report.students().get(0).total()).isZero();
        assertThat(report.students().get(0).percentage()).isNull();
    }

    @Test
    void percentageRoundsHalfUpToOneDecimal() {
        assertThat(ClassAttendanceReport.percentage(2, 3)).isEqualTo(new BigDecimal("66.7"));
        assertThat(ClassAttendanceReport.percentage(1, 8)).isEqualTo(new BigDecimal("12.5"));
        assertThat(ClassAttendanceReport.percentage(0, 4)).isEqualTo(new BigDecimal("0.0"));
    }

    private static AttendanceRecord present(StudentRef student, LocalDate date) {
        return new AttendanceRecord(student.id(), date, AttendanceSource.PHOTO, 0.9f, Instant.EPOCH, null);
    }
}
