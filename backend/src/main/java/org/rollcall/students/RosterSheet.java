package org.rollcall.students;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.rollcall.web.ApiException;
import org.rollcall.web.ErrorCode;

/**
 * The cells of a roster file as text, row by row with the line number the teacher sees in her spreadsheet program.
 * The format is sniffed from the content, not the file name: a ZIP is an XLSX workbook (its first visible sheet),
 * anything else is read as CSV the way spreadsheet programs write it (a byte order mark, UTF-16 "Unicode text",
 * Windows-1252 when the bytes are not UTF-8, `;` or tab instead of `,`, Excel's `sep=;` first line).
 */
record RosterSheet(List<Line> lines) {

    /** @param number 1-based, as in the spreadsheet program */
    record Line(int number, List<String> cells) {

        boolean isBlank() {
            return cells.stream().allMatch(String::isBlank);
        }

        String cell(int column) {
            return column < 0 || column >= cells.size() ? "" : cells.get(column);
        }
    }

    private static final Pattern SEP_LINE = Pattern.compile("^sep=(.)\\r?\\n", Pattern.CASE_INSENSITIVE);
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    static RosterSheet read(byte[] content, UploadedZip.Limits zipLimits) {
        if (UploadedZip.isZip(content)) {
            return xlsx(content, zipLimits);
        }
        if (isOldExcel(content)) {
            throw unreadable("This is an old Excel file (.xls). Save it as \"Excel Workbook (.xlsx)\" or as CSV and"
                    + " upload that.");
        }
        return csv(text(content));
    }

    private static RosterSheet xlsx(byte[] content, UploadedZip.Limits zipLimits) {
        // POI inflates the whole package: let the ZIP reader's limits refuse a bomb first
        UploadedZip.read(content, zipLimits);
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            Sheet sheet = firstVisibleSheet(workbook);
            DataFormatter formatter = new DataFormatter(java.util.Locale.ROOT);
            // the value Excel last computed and showed, without evaluating formulas here
            formatter.setUseCachedValuesForFormulaCells(true);
            List<Line> lines = new ArrayList<>();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                    Cell cell = row.getCell(c);
                    cells.add(cell == null ? "" : clean(formatter.formatCellValue(cell)));
                }
                lines.add(new Line(row.getRowNum() + 1, cells));
            }
            return new RosterSheet(lines);
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiException api) {
                throw api;
            }
            throw unreadable("This file looks like a ZIP but is not an Excel workbook we can read; save it as .xlsx"
                    + " or CSV again.");
        }
    }

    private static Sheet firstVisibleSheet(Workbook workbook) {
        for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
            if (!workbook.isSheetHidden(i) && !workbook.isSheetVeryHidden(i)) {
                return workbook.getSheetAt(i);
            }
        }
        throw unreadable("The workbook has no visible sheet.");
    }

    private static RosterSheet csv(String text) {
        int lineOffset = 0;
        Character delimiter = null;
        Matcher sep = SEP_LINE.matcher(text);
        if (sep.find()) {
            delimiter = sep.group(1).charAt(0);
            text = text.substring(sep.end());
            lineOffset = 1;
        }
        if (delimiter == null) {
            delimiter = guessDelimiter(text);
        }
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(false)
                .setIgnoreSurroundingSpaces(true)
                .get();
        List<Line> lines = new ArrayList<>();
        try (CSVParser parser = format.parse(new StringReader(text))) {
            for (CSVRecord record : parser) {
                List<String> cells = record.stream().map(RosterSheet::clean).toList();
                lines.add(new Line((int) record.getRecordNumber() + lineOffset, cells));
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw unreadable("The CSV file could not be read (" + e.getMessage() + "); save it from your"
                    + " spreadsheet program as CSV again.");
        }
        return new RosterSheet(lines);
    }

    /** The separator of the first line: the most frequent of , ; and tab outside quotes. */
    private static char guessDelimiter(String text) {
        int end = text.indexOf('\n');
        String first = end < 0 ? text : text.substring(0, end);
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (char c : first.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                switch (c) {
                    case ',' -> commas++;
                    case ';' -> semicolons++;
                    case '\t' -> tabs++;
                    default -> {}
                }
            }
        }
        if (tabs > commas && tabs > semicolons) {
            return '\t';
        }
        return semicolons > commas ? ';' : ',';
    }

    private static String text(byte[] content) {
        if (content.length >= 2 && (content[0] & 0xFF) == 0xFF && (content[1] & 0xFF) == 0xFE) {
            return new String(content, 2, content.length - 2, StandardCharsets.UTF_16LE);
        }
        if (content.length >= 2 && (content[0] & 0xFF) == 0xFE && (content[1] & 0xFF) == 0xFF) {
            return new String(content, 2, content.length - 2, StandardCharsets.UTF_16BE);
        }
        int start = content.length >= 3
                        && (content[0] & 0xFF) == 0xEF
                        && (content[1] & 0xFF) == 0xBB
                        && (content[2] & 0xFF) == 0xBF
                ? 3
                : 0;
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content, start, content.length - start))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            // Excel on Windows saves "CSV" in the machine's code page
            return new String(content, WINDOWS_1252);
        }
    }

    private static boolean isOldExcel(byte[] content) {
        return content.length >= 8
                && (content[0] & 0xFF) == 0xD0
                && (content[1] & 0xFF) == 0xCF
                && (content[2] & 0xFF) == 0x11
                && (content[3] & 0xFF) == 0xE0;
    }

    /** Spreadsheets keep non-breaking and zero-width spaces that nobody sees; they must not make two names differ. */
    private static String clean(String cell) {
        return cell.replace('\u00A0', ' ')
                .replace("\u200B", "")
                .replace("\uFEFF", "")
                .strip();
    }

    private static ApiException unreadable(String message) {
        return new ApiException(ErrorCode.ROSTER_UNREADABLE, message);
    }
}
