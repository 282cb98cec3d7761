package org.rollcall.students;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rollcall.students.RosterUploads.assertProblem;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rollcall.support.ApiResponse;
import org.rollcall.support.RollcallIntegrationTest;
import org.rollcall.support.TestApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@RollcallIntegrationTest
class RosterImportTest {

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @Autowired
    private TestApi api;

    @Autowired
    private JdbcClient jdbc;

    private TestApi.Client teacher;
    private UUID classId;

    @BeforeEach
    void newClass() {
        teacher = api.client(api.newTeacher().token());
        classId = teacher.createClass("9P", "UTC");
    }

    @Test
    void aDryRunPreviewsAnExcelCsvWithBomSemicolonsAndLooseHeadersAndWritesNothing() {
        byte[] csv = concat(UTF8_BOM, """
                N° ;Nom complet;E-Mail
                9P-01;Amélie Durand;amelie@example.test
                9P-02 ; Bruno  Costa ;

                9P-03;"Chloé; dite Coco";
                """.getBytes(StandardCharsets.UTF_8));

        JsonNode preview =
                TestApi.check(importRoster(csv, "roster.csv", true), 200).json();

        assertThat(preview.get("written").asBoolean()).isFalse();
        assertThat(preview.get("errors")).isEmpty();
        List<JsonNode> create = TestApi.list(preview.get("create"));
        assertThat(create).extracting(n -> n.get("rollNo").asString()).containsExactly("9P-01", "9P-02", "9P-03");
        assertThat(create)
                .extracting(n -> n.get("name").asString())
                .containsExactly("Amélie Durand", "Bruno  Costa", "Chloé; dite Coco");
        assertThat(create).extracting(n -> n.get("line").asInt()).containsExactly(2, 3, 5);
        assertThat(create.get(0).get("email").asString()).isEqualTo("amelie@example.test");
        assertThat(create.get(1).get("email").isNull()).isTrue();
        assertThat(studentsInClass()).isZero();
    }

    @Test
    void confirmingWritesEveryRowAndASecondImportUpdatesByRollNumberInsteadOfDuplicating() {
        byte[] first = "Roll No.,Student Name,Email\n1,Ana Silva,ana@example.test\n2,Ben Okafor,\n3,Chen Wei,\n"
                .getBytes(StandardCharsets.UTF_8);
        JsonNode written =
                TestApi.check(importRoster(first, "r.csv", false), 200).json();
        assertThat(written.get("written").asBoolean()).isTrue();
        assertThat(studentsInClass()).isEqualTo(3);
        UUID benId = idOf("2");

        // Ben renamed, Chen gets an email, Ana's empty email cell keeps hers, Dara is new
        byte[] second =
                "roll_number;NAME;mail\n1;Ana Silva;\n2;Benjamin Okafor;\n3;Chen Wei;chen@example.test\n4;Dara Nolan;\n"
                        .getBytes(StandardCharsets.UTF_8);
        JsonNode preview =
                TestApi.check(importRoster(second, "r.csv", true), 200).json();
        assertThat(TestApi.list(preview.get("create")))
                .extracting(n -> n.get("rollNo").asString())
                .containsExactly("4");
        List<JsonNode> update = TestApi.list(preview.get("update"));
        assertThat(update).extracting(n -> n.get("rollNo").asString()).containsExactly("2", "3");
        assertThat(update.get(0).get("previousName").asString()).isEqualTo("Ben Okafor");
        assertThat(update.get(0).get("name").asString()).isEqualTo("Benjamin Okafor");
        assertThat(update.get(0).get("studentId").asString()).isEqualTo(benId.toString());
        assertThat(preview.get("unchanged").asInt()).isEqualTo(1);

        TestApi.check(importRoster(second, "r.csv", false), 200);
        assertThat(studentsInClass()).isEqualTo(4);
        assertThat(idOf("2")).isEqualTo(benId);
        assertThat(jdbc.sql("SELECT name FROM student WHERE id = :id")
                        .param("id", benId)
                        .query(String.class)
                        .single())
                .isEqualTo("Benjamin Okafor");
        assertThat(jdbc.sql("SELECT email FROM student WHERE class_id = :c AND roll_no = '1'")
                        .param("c", classId)
                        .query(String.class)
                        .single())
                .isEqualTo("ana@example.test");
        // created by import: no face yet, so the roster says they need a photo
        JsonNode roster = TestApi.check(teacher.get("/api/classes/" + classId + "/students"), 200)
                .json();
        assertThat(TestApi.list(roster))
                .allSatisfy(s -> assertThat(s.get("faces")).isEmpty());
    }

    @Test
    void badRowsAreListedWithLineAndReasonAndAConfirmedImportWithThemWritesNothing() {
        TestApi.check(
                importRoster("name,roll\nMaya Lopez,9P-07\n".getBytes(StandardCharsets.UTF_8), "a.csv", false), 200);
        byte[] csv = """
                Name,Roll number,Email
                Good Row,9P-01,
                ,9P-02,
                No Roll,,
                Bad Mail,9P-04,not-an-email
                Twice,9P-01,
                Shouting,9p-07,
                """.getBytes(StandardCharsets.UTF_8);

        JsonNode preview =
                TestApi.check(importRoster(csv, "bad.csv", true), 200).json();
        List<JsonNode> errors = TestApi.list(preview.get("errors"));
        assertThat(errors)
                .extracting(e -> e.get("line").asInt() + " " + e.get("field").asString())
                .containsExactly("3 name", "4 rollNo", "5 email", "6 rollNo", "7 rollNo");
        assertThat(errors.get(0).get("message").asString()).isEqualTo("Name must not be empty.");
        assertThat(errors.get(2).get("message").asString()).contains("not-an-email");
        assertThat(errors.get(3).get("message").asString()).isEqualTo("Roll number 9P-01 is also on line 2.");
        assertThat(errors.get(4).get("message").asString()).contains("9P-07").contains("Maya Lopez");
        assertThat(TestApi.list(preview.get("create")))
                .extracting(n -> n.get("rollNo").asString())
                .containsExactly("9P-01");

        ApiResponse refused = importRoster(csv, "bad.csv", false);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.code()).isEqualTo("ROSTER_INVALID");
        assertThat(refused.json().get("detail").asString())
                .startsWith("Nothing was imported: 5 problems")
                .contains("line 3: Name must not be empty.");
        assertThat(refused.json().get("errors")).hasSize(5);
        assertThat(studentsInClass()).isEqualTo(1); // not even the good row
    }

    @Test
    void readsAnExcelWorkbookWithATitleLineNumericRollNumbersFormulasAndSplitNames() {
        byte[] xlsx = workbook(sheet -> {
            sheet.createRow(0).createCell(0).setCellValue("Class 9P - roster 2026");
            Row header = sheet.createRow(2);
            String[] titles = {"Roll no", "First name", "Last name", "Email address"};
            for (int c = 0; c < titles.length; c++) {
                header.createCell(c).setCellValue(titles[c]);
            }
            Row one = sheet.createRow(3);
            one.createCell(0).setCellValue(1);
            one.createCell(1).setCellValue("Zoë");
            one.createCell(2).setCellValue("Ñúñez");
            one.createCell(3).setCellValue("zoe@example.test");
            Row two = sheet.createRow(4);
            two.createCell(0).setCellFormula("A4+1");
            two.createCell(1).setCellValue("Omar\u00A0");
            two.createCell(2).setCellValue("Haddad");
            sheet.createRow(5); // an empty row Excel keeps
        });

        JsonNode preview =
                TestApi.check(importRoster(xlsx, "roster.xlsx", true), 200).json();

        assertThat(preview.get("errors")).isEmpty();
        List<JsonNode> create = TestApi.list(preview.get("create"));
        assertThat(create)
                .extracting(n -> n.get("line").asInt() + " " + n.get("rollNo").asString() + " "
                        + n.get("name").asString())
                .containsExactly("4 1 Zoë Ñúñez", "5 2 Omar Haddad");
        TestApi.check(importRoster(xlsx, "whatever.bin", false), 200);
        assertThat(studentsInClass()).isEqualTo(2);
    }

    @Test
    void readsUnicodeTextAndWindowsCodePageExportsOfExcel() {
        byte[] utf16 = concat(
                new byte[] {(byte) 0xFF, (byte) 0xFE},
                "Name\tRoll\nJosé Álvarez\t1\n".getBytes(StandardCharsets.UTF_16LE));
        byte[] cp1252 = "sep=;\nName;Roll\nFrançois Müller;2\n".getBytes(Charset.forName("windows-1252"));

        JsonNode a = TestApi.check(importRoster(utf16, "u.txt", true), 200).json();
        JsonNode b = TestApi.check(importRoster(cp1252, "w.csv", true), 200).json();

        assertThat(a.get("create").get(0).get("name").asString()).isEqualTo("José Álvarez");
        assertThat(b.get("create").get(0).get("name").asString()).isEqualTo("François Müller");
        assertThat(b.get("create").get(0).get("line").asInt()).isEqualTo(3);
    }

    @Test
    void twoThousandRowsAreImportedInOneGo() {
        StringBuilder csv = new StringBuilder("Roll number,Name,Email\n");
        for (int i = 1; i <= 2000; i++) {
            csv.append("S-")
                    .append(i)
                    .append(",Student Number ")
                    .append(i)
                    .append(",s")
                    .append(i)
                    .append("@example.test\n");
        }
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);

        long start = System.nanoTime();
        JsonNode preview =
                TestApi.check(importRoster(file, "big.csv", true), 200).json();
        long dry = System.nanoTime();
        JsonNode written =
                TestApi.check(importRoster(file, "big.csv", false), 200).json();
        long end = System.nanoTime();

        assertThat(preview.get("create")).hasSize(2000);
        assertThat(written.get("written").asBoolean()).isTrue();
        assertThat(studentsInClass()).isEqualTo(2000);
        System.out.printf(
                "roster import of 2000 rows: dry run %d ms, import %d ms%n",
                (dry - start) / 1_000_000, (end - dry) / 1_000_000);
    }

    @Test
    void filesThatAreNoRosterGetAProblemAndNothingIsWritten() {
        assertProblem(
                importRoster("just,some,words\n1,2,3\n".getBytes(StandardCharsets.UTF_8), "x.csv", true),
                422,
                "ROSTER_COLUMNS_MISSING");
        assertProblem(
                importRoster("Name,Roll\n\n".getBytes(StandardCharsets.UTF_8), "x.csv", true), 422, "ROSTER_EMPTY");
        byte[] oldExcel = concat(
                new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1},
                new byte[512]);
        assertProblem(importRoster(oldExcel, "roster.xls", false), 422, "ROSTER_UNREADABLE");
        assertProblem(
                importRoster(zipOf("word/document.xml", new byte[100]), "fake.xlsx", false), 422, "ROSTER_UNREADABLE");
        assertProblem(
                importRoster(zipOf("xl/worksheets/sheet1.xml", new byte[20 * 1024 * 1024]), "bomb.xlsx", false),
                413,
                "ZIP_BOMB");
        MultipartBodyBuilder none = new MultipartBodyBuilder();
        none.part("dryRun", "true");
        assertProblem(teacher.postMultipart(path(false), none.build()), 400, "FILE_REQUIRED");
        TestApi.Client stranger = api.client(api.newTeacher().token());
        assertProblem(
                RosterUploads.importRoster(
                        stranger, classId, "Name,Roll\nA,1\n".getBytes(StandardCharsets.UTF_8), "r.csv", false),
                404,
                "CLASS_NOT_FOUND");
        assertThat(studentsInClass()).isZero();
    }

    private ApiResponse importRoster(byte[] file, String fileName, boolean dryRun) {
        return RosterUploads.importRoster(teacher, classId, file, fileName, dryRun);
    }

    private String path(boolean dryRun) {
        return "/api/classes/" + classId + "/students/import?dryRun=" + dryRun;
    }

    private long studentsInClass() {
        return jdbc.sql("SELECT count(*) FROM student WHERE class_id = :c")
                .param("c", classId)
                .query(Long.class)
                .single();
    }

    private UUID idOf(String rollNo) {
        return jdbc.sql("SELECT id FROM student WHERE class_id = :c AND roll_no = :r")
                .param("c", classId)
                .param("r", rollNo)
                .query(UUID.class)
                .single();
    }

    interface SheetWriter {
        void write(Sheet sheet);
    }

    static byte[] workbook(SheetWriter writer) {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            writer.write(workbook.createSheet("Roster"));
            workbook.setForceFormulaRecalculation(true);
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] zipOf(String name, byte[] content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
