package org.rollcall.attendance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The class register as a real spreadsheet: one row per student, one column per school day (the header holds real
 * dates, so a spreadsheet can sort and filter by them), P or A in each cell, days present and school days as numbers,
 * the percentage as a number formatted as a percentage, a last row with how many were present each day. The header
 * row and the two name columns stay in view when scrolling. Written row by row (POI's streaming workbook), so a large
 * school's register does not sit in memory as cell objects.
 */
final class AttendanceXlsx {

    static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private AttendanceXlsx() {}

    static byte[] of(ClassAttendanceReport report, String className) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200);
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(workbook);
            SXSSFSheet sheet = workbook.createSheet(sheetName(className));
            List<java.time.LocalDate> dates = report.dates();
            int firstDay = 2;
            int totalColumn = firstDay + dates.size();

            Row header = sheet.createRow(0);
            text(header, 0, "Roll no", styles.header);
            text(header, 1, "Name", styles.header);
            for (int d = 0; d < dates.size(); d++) {
                Cell cell = header.createCell(firstDay + d);
                cell.setCellValue(dates.get(d));
                cell.setCellStyle(styles.headerDate);
            }
            text(header, totalColumn, "Days present", styles.header);
            text(header, totalColumn + 1, "School days", styles.header);
            text(header, totalColumn + 2, "Percentage", styles.header);

            int r = 1;
            for (ClassAttendanceReport.Row student : report.students()) {
                Row row = sheet.createRow(r++);
                text(row, 0, student.student().rollNo(), null);
                text(row, 1, student.student().name(), null);
                for (int d = 0; d < dates.size(); d++) {
                    boolean present = student.present().get(d);
                    text(row, firstDay + d, present ? "P" : "A", present ? styles.present : styles.absent);
                }
                row.createCell(totalColumn).setCellValue(student.total());
                row.createCell(totalColumn + 1).setCellValue(dates.size());
                if (student.percentage() != null) {
                    Cell percentage = row.createCell(totalColumn + 2);
                    percentage.setCellValue(student.percentage().doubleValue() / 100);
                    percentage.setCellStyle(styles.percentage);
                }
            }
            Row perDay = sheet.createRow(r);
            text(perDay, 1, "Present", styles.header);
            for (int d = 0; d < dates.size(); d++) {
                Cell cell = perDay.createCell(firstDay + d);
                cell.setCellValue(report.presentPerDate().get(d));
                cell.setCellStyle(styles.total);
            }

            sheet.createFreezePane(2, 1);
            sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, r - 1), 0, totalColumn + 2));
            sheet.setColumnWidth(0, 12 * 256);
            sheet.setColumnWidth(1, 28 * 256);
            for (int d = 0; d < dates.size(); d++) {
                sheet.setColumnWidth(firstDay + d, 11 * 256);
            }
            for (int c = totalColumn; c <= totalColumn + 2; c++) {
                sheet.setColumnWidth(c, 13 * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the register", e);
        }
    }

    private static void text(Row row, int column, String value, CellStyle style) {
        // a string cell is never evaluated, whatever it starts with: no formula injection to defuse here
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    /** Sheet names may not hold []:*?/\ and have at most 31 characters. */
    private static String sheetName(String className) {
        String name = className.replaceAll("[\\[\\]:*?/\\\\]", " ").strip();
        if (name.startsWith("'")) {
            name = name.substring(1);
        }
        name = name.isEmpty() ? "Register" : name;
        return name.length() > 31 ? name.substring(0, 31) : name;
    }

    private static final class Styles {

        final CellStyle header;
        final CellStyle headerDate;
        final CellStyle present;
        final CellStyle absent;
        final CellStyle percentage;
        final CellStyle total;

        Styles(SXSSFWorkbook workbook) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            header = workbook.createCellStyle();
            header.setFont(bold);
            header.setBorderBottom(BorderStyle.THIN);
            headerDate = workbook.createCellStyle();
            headerDate.cloneStyleFrom(header);
            headerDate.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
            headerDate.setAlignment(HorizontalAlignment.CENTER);
            present = workbook.createCellStyle();
            present.setAlignment(HorizontalAlignment.CENTER);
            Font red = workbook.createFont();
            red.setColor(org.apache.poi.ss.usermodel.IndexedColors.DARK_RED.getIndex());
            red.setBold(true);
            absent = workbook.createCellStyle();
            absent.setAlignment(HorizontalAlignment.CENTER);
            absent.setFont(red);
            percentage = workbook.createCellStyle();
            percentage.setDataFormat(workbook.createDataFormat().getFormat("0.0%"));
            total = workbook.createCellStyle();
            total.setFont(bold);
            total.setAlignment(HorizontalAlignment.CENTER);
        }
    }
}
