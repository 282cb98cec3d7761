package org.rollcall.attendance;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Attendance as CSV for spreadsheets: RFC 4180 quoting by commons-csv, a UTF-8 byte order mark so spreadsheet
 * programs read accented names right, and text cells that a spreadsheet would run as a formula are defused.
 */
final class AttendanceCsv {

    private static final String BOM = "\uFEFF";

    private AttendanceCsv() {
    }

    static String of(ClassAttendanceReport report) {
        List<String> header = new ArrayList<>(List.of("Roll no", "Name"));
        report.dates().forEach(date -> header.add(date.toString()));
        header.addAll(List.of("Days present", "School days", "Percentage"));
        return write(header, printer -> {
            for (ClassAttendanceReport.Row row : report.students()) {
                List<Object> cells = new ArrayList<>(List.of(text(row.student().rollNo()), text(row.student().name())));
                row.present().forEach(here -> cells.add(here ? "P" : "A"));
                cells.add(row.total());
                cells.add(report.dates().size());
                cells.add(row.percentage() == null ? "" : row.percentage().toPlainString());
                printer.printRecord(cells);
            }
        });
    }

    static String of(StudentAttendanceReport report) {
        return write(List.of("Roll no", "Name", "Date", "Source", "Score", "Marked at"), printer -> {
            for (StudentAttendanceReport.Day day : report.present()) {
                printer.printRecord(text(report.student().rollNo()), text(report.student().name()), day.date(),
                        day.source(), day.score() == null ? "" : String.format("%.3f", day.score()), day.markedAt());
            }
        });
    }

    /** A cell starting with = + - @ (or tab/CR) would be evaluated by a spreadsheet; a leading quote keeps it text. */
    static String text(String value) {
        if (value != null && !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }

    private interface Rows {
        void print(CSVPrinter printer) throws IOException;
    }

    private static String write(List<String> header, Rows rows) {
        StringWriter out = new StringWriter();
        out.write(BOM);
        try (CSVPrinter printer = CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get()
                .print(out)) {
            rows.print(printer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
