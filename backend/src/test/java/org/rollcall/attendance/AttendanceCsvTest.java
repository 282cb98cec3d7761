package org.rollcall.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.rollcall.students.StudentRef;

class AttendanceCsvTest {

    private final LocalDate day1 = LocalDate.of(2026, 3, 9);
    private final LocalDate day2 = LocalDate.of(2026, 3, 10);

    @Test
    void classMatrixRoundTripsThroughACsvParserWithQuotesCommasAndAccents() throws IOException {
        StudentRef tricky = new StudentRef(UUID.randomUUID(), "O'Brien, \"Zoë\"\nJr", "7");
        StudentRef plain = new StudentRef(UUID.randomUUID(), "Ben", "8");
        ClassAttendanceReport report = ClassAttendanceReport.of(
                new DateRange(day1, day2),
                List.of(tricky, plain),
                List.of(present(tricky, day1), present(plain, day1), present(plain, day2)));

        String csv = AttendanceCsv.of(report);

        assertThat(csv).startsWith("\uFEFF");
        List<CSVRecord> rows = parse(csv.substring(1));
        assertThat(rows.get(0).values())
                .containsExactly(
                        "Roll no", "Name", "2026-03-09", "2026-03-10", "Days present", "School days", "Percentage");
        assertThat(rows.get(1).values()).containsExactly("7", "O'Brien, \"Zoë\"\nJr", "P", "A", "1", "2", "50.0");
        assertThat(rows.get(2).values()).containsExactly("8", "Ben", "P", "P", "2", "2", "100.0");
        assertThat(rows).hasSize(3);
        assertThat(csv).contains("\r\n");
    }

    @Test
    void cellsASpreadsheetWouldEvaluateAreKeptAsText() throws IOException {
        StudentRef attacker = new StudentRef(UUID.randomUUID(), "=HYPERLINK(\"http://x\")", "+1");
        StudentAttendanceReport report = StudentAttendanceReport.of(
                attacker, new DateRange(day1, day2), List.of(present(attacker, day1)), List.of());

        List<CSVRecord> rows = parse(AttendanceCsv.of(report).substring(1));

        assertThat(rows.get(0).values()).containsExactly("Roll no", "Name", "Date", "Source", "Score", "Marked at");
        assertThat(rows.get(1).get(0)).isEqualTo("'+1");
        assertThat(rows.get(1).get(1)).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(rows.get(1).get(2)).isEqualTo("2026-03-09");
        assertThat(rows.get(1).get(3)).isEqualTo("PHOTO");
        assertThat(AttendanceCsv.text("-5")).isEqualTo("'-5");
        assertThat(AttendanceCsv.text("@cmd")).isEqualTo("'@cmd");
        assertThat(AttendanceCsv.text("Ana")).isEqualTo("Ana");
    }

    @Test
    void aFormulaAfterAnySeparatorASpreadsheetMayUseIsDefusedAndEveryTextCellIsQuoted() throws IOException {
        List<String> names = List.of(
                "Smith;=cmd|' /C calc'!A0",
                "Smith,=cmd|' /C calc'!A0",
                "Lee\t+SUM(A1)",
                "Ana; @cmd",
                "Bo|-2+3",
                "Kim\n=1+1");
        for (String name : names) {
            StudentRef attacker = new StudentRef(UUID.randomUUID(), name, "9");
            StudentAttendanceReport report = StudentAttendanceReport.of(
                    attacker, new DateRange(day1, day2), List.of(present(attacker, day1)), List.of());
            String csv = AttendanceCsv.of(report).substring(1);
            String dataLine = csv.substring(csv.indexOf("\r\n") + 2);

            // A reader that splits on ',' and honours quotes: the name is one cell, defused.
            assertThat(parse(csv).get(1).get(1))
                    .as(name)
                    .startsWith(name.substring(0, 2))
                    .doesNotStartWith("=");
            assertThat(dataLine).as("every text cell is quoted").startsWith("\"9\",\"");
            // Readers that split on ';', ',', tab or '|' and ignore quotes: no piece may start a formula.
            for (String separator : List.of(";", ",", "\t", "\\|", "\n")) {
                for (String cell : dataLine.split(separator)) {
                    String seen = cell.replace("\"", "").stripLeading();
                    assertThat(seen)
                            .as("%s split on %s", name, separator)
                            .doesNotStartWith("=")
                            .doesNotStartWith("+")
                            .doesNotStartWith("-")
                            .doesNotStartWith("@");
                }
            }
        }
        assertThat(AttendanceCsv.text("Smith;=cmd")).isEqualTo("Smith;'=cmd");
        assertThat(AttendanceCsv.text("Jean-Luc")).isEqualTo("Jean-Luc");
    }

    private static List<CSVRecord> parse(String csv) throws IOException {
        return CSVFormat.RFC4180.parse(new StringReader(csv)).getRecords();
    }

    private static AttendanceRecord present(StudentRef student, LocalDate date) {
        return new AttendanceRecord(student.id(), date, AttendanceSource.PHOTO, 0.9f, Instant.EPOCH, null);
    }
}
