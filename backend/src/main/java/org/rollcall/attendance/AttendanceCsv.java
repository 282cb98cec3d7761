package org.rollcall.attendance;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * Attendance as CSV for spreadsheets: RFC 4180 quoting by commons-csv, a UTF-8 byte order mark so spreadsheet
 * programs read accented names right, and text cells that a spreadsheet would run as a formula are defused.
 */
final class AttendanceCsv {

    private static final String BOM = "\uFEFF";

    private AttendanceCsv() {}

    static String of(ClassAttendanceReport report) {
        List<String> header = new ArrayList<>(List.of("Roll no", "Name"));
        report.dates().forEach(date -> header.add(date.toString()));
        header.addAll(List.of("Days present", "School days", "Percentage"));
        return write(header, printer -> {
            for (ClassAttendanceReport.Row row : report.students()) {
                List<Object> cells = new ArrayList<>(
                        List.of(text(row.student().rollNo()), text(row.student().name())));
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
                printer.printRecord(
                        text(report.student().rollNo()),
                        text(report.student().name()),
                        day.date(),
                        day.source(),
                        day.score() == null ? "" : String.format("%.3f", day.score()),
                        day.markedAt());
            }
        });
    }

    /*
     * A spreadsheet evaluates a cell that starts with = + - @ (or tab/CR before one). Which character splits cells
     * depends on the reader's locale (',' ';' tab, sometimes '|'), and some readers ignore quotes, so a formula start
     * after any of those separators (and spaces) gets a leading quote as well: "Smith;=cmd" becomes "Smith;'=cmd".
     */
    private static final Pattern FORMULA_START = Pattern.compile("(^|[,;\\t|\\r\\n])([ \\t\\r\\n]*)(?=[=+\\-@])");

    /** Text cells are defused wherever a spreadsheet might start a cell; every text cell is quoted besides. */
    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        return FORMULA_START.matcher(value).replaceAll("$1$2'");
    }

    private interface Rows {
        void print(CSVPrinter printer) throws IOException;
    }

    private static String write(List<String> header, Rows rows) {
        StringWriter out = new StringWriter();
        out.write(BOM);
        try (CSVPrinter printer = CSVFormat.RFC4180
                .builder()
                .setHeader(header.toArray(String[]::new))
                // Quoted cells keep one cell in readers that split on ';' too; numbers stay numbers.
                .setQuoteMode(QuoteMode.NON_NUMERIC)
                .get()
                .print(out)) {
            rows.print(printer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
