package org.rollcall.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rollcall.support.TestApi.check;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rollcall.students.RosterUploads;
import org.rollcall.support.IntegrationTestSupport;
import org.rollcall.support.TestApi;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

class RegisterXlsxTest extends IntegrationTestSupport {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final LocalDate MONDAY = LocalDate.of(2026, 2, 2);
    private static final LocalDate TUESDAY = MONDAY.plusDays(1);

    private String token;
    private TestApi.Client teacher;
    private UUID classId;
    private Map<String, UUID> ids;

    @BeforeEach
    void classWithTwoSchoolDays() {
        token = api.newTeacher().token();
        teacher = api.client(token);
        classId = teacher.createClass("9P / Science", "UTC");
        RosterUploads.imported(teacher, classId, "Roll,Name\n1,Ana\n2,Ben\n3,=HYPERLINK(\"http://x\")\n");
        ids = TestApi.list(check(teacher.get("/api/classes/" + classId + "/students"), 200)
                        .json())
                .stream()
                .collect(Collectors.toMap(
                        s -> s.get("rollNo").asString(),
                        s -> UUID.fromString(s.get("id").asString())));
        present(MONDAY, "1");
        present(MONDAY, "2");
        present(TUESDAY, "1");
    }

    @Test
    void theRegisterIsARealSpreadsheetWithDatesNumbersAndAFrozenHeader() throws IOException {
        ResponseBytes answer = download("/api/classes/" + classId + "/attendance?from=2026-02-01&to=2026-02-28");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.headers().getContentType().toString()).isEqualTo(XLSX);
        assertThat(answer.headers().getContentDisposition().getFilename())
                .endsWith(".xlsx")
                .contains("2026-02-01-to-2026-02-28");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(answer.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("9P   Science");
            Row header = sheet.getRow(0);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("Roll no");
            assertThat(header.getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(header.getCell(2))).isTrue();
            assertThat(header.getCell(2).getLocalDateTimeCellValue().toLocalDate())
                    .isEqualTo(MONDAY);
            assertThat(header.getCell(3).getLocalDateTimeCellValue().toLocalDate())
                    .isEqualTo(TUESDAY);
            assertThat(header.getCell(4).getStringCellValue()).isEqualTo("Days present");
            assertThat(header.getCell(6).getStringCellValue()).isEqualTo("Percentage");

            assertThat(cells(sheet.getRow(1))).containsExactly("1", "Ana", "P", "P", "2.0", "2.0", "1.0");
            assertThat(cells(sheet.getRow(2))).containsExactly("2", "Ben", "P", "A", "1.0", "2.0", "0.5");
            assertThat(cells(sheet.getRow(3)))
                    .containsExactly("3", "=HYPERLINK(\"http://x\")", "A", "A", "0.0", "2.0", "0.0");
            assertThat(sheet.getRow(3).getCell(1).getCellType()).isEqualTo(CellType.STRING);
            assertThat(sheet.getRow(2).getCell(6).getCellStyle().getDataFormatString())
                    .isEqualTo("0.0%");
            assertThat(cells(sheet.getRow(4))).containsExactly("", "Present", "2.0", "1.0");

            PaneInformation pane = sheet.getPaneInformation();
            assertThat(pane.isFreezePane()).isTrue();
            assertThat(pane.getHorizontalSplitTopRow()).isEqualTo((short) 1);
            assertThat(pane.getVerticalSplitLeftColumn()).isEqualTo((short) 2);
        }
        // another teacher's class stays a 404 problem, whatever the client accepts
        ResponseBytes foreign = download("/api/classes/" + UUID.randomUUID() + "/attendance");
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(new String(foreign.body(), StandardCharsets.UTF_8)).contains("CLASS_NOT_FOUND");
    }

    @Test
    void theStudentHistoryListsAbsentSchoolDaysButNotDaysWithoutSchool() {
        JsonNode ben = check(
                        teacher.get("/api/classes/" + classId + "/students/" + ids.get("2")
                                + "/attendance?from=2026-02-01&to=2026-02-28"),
                        200)
                .json();

        assertThat(TestApi.list(ben.get("absent")))
                .extracting(JsonNode::asString)
                .containsExactly(TUESDAY.toString());
        assertThat(ben.get("schoolDays").asInt()).isEqualTo(2);
        assertThat(ben.get("percentage").asDouble()).isEqualTo(50.0);
        JsonNode third = check(
                        teacher.get("/api/classes/" + classId + "/students/" + ids.get("3")
                                + "/attendance?from=2026-02-01&to=2026-02-28"),
                        200)
                .json();
        assertThat(TestApi.list(third.get("absent")))
                .extracting(JsonNode::asString)
                .containsExactly(MONDAY.toString(), TUESDAY.toString());
        assertThat(third.get("percentage").asDouble()).isZero();
    }

    private void present(LocalDate date, String rollNo) {
        check(teacher.put("/api/classes/" + classId + "/attendance/" + date + "/students/" + ids.get(rollNo)), 200);
    }

    private static List<String> cells(Row row) {
        List<String> out = new java.util.ArrayList<>();
        for (int c = 0; c < row.getLastCellNum(); c++) {
            var cell = row.getCell(c);
            out.add(
                    cell == null
                            ? ""
                            : cell.getCellType() == CellType.NUMERIC
                                    ? String.valueOf(cell.getNumericCellValue())
                                    : cell.getStringCellValue());
        }
        return out;
    }

    private record ResponseBytes(int status, HttpHeaders headers, byte[] body) {}

    private ResponseBytes download(String path) {
        return RestClient.create()
                .method(HttpMethod.GET)
                .uri("http://localhost:" + api.port() + path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .header(HttpHeaders.ACCEPT, XLSX)
                .exchange(
                        (request, response) -> new ResponseBytes(
                                response.getStatusCode().value(),
                                response.getHeaders(),
                                response.getBody().readAllBytes()),
                        true);
    }
}
