package org.rollcall.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rollcall.support.ApiResponse;
import org.rollcall.support.RollcallIntegrationTest;
import org.rollcall.support.TestApi;
import org.rollcall.support.TestTeacher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Input found by an outside attack: NUL characters (which PostgreSQL cannot store) and absurd dates are refused with
 * a 400 a teacher can read, and nothing is written.
 */
@RollcallIntegrationTest
class HostileInputTest {

    @Autowired
    TestApi api;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aNulCharacterInAnyTextIsA400NamingTheField() {
        TestTeacher teacher = api.newTeacher();
        UUID classId = api.client(teacher.token()).createClass("NUL class", "UTC");

        assertNulRefused(
                api.post("/api/auth/login")
                        .from(TestApi.randomAddress())
                        .json("{\"email\": \"a\\u0000@school.example\", \"password\": \"whatever it is\"}")
                        .send(),
                "Email");
        assertNulRefused(
                api.post("/api/auth/register")
                        .json("{\"email\": \"" + TestApi.uniqueEmail()
                                + "\", \"password\": \"a long enough password 7\","
                                + " \"displayName\": \"Ms\\u0000 X\"}")
                        .send(),
                "Your name");
        assertNulRefused(
                api.post("/api/classes")
                        .as(teacher)
                        .json("{\"name\": \"7\\u0000B\", \"timezone\": \"UTC\"}")
                        .send(),
                "Name");
        assertNulRefused(
                api.patch("/api/classes/" + classId)
                        .as(teacher)
                        .json("{\"name\": \"7\\u0000B\"}")
                        .send(),
                "Name");
        assertNulRefused(
                api.post("/api/classes/" + classId + "/students")
                        .as(teacher)
                        .multipart(TestApi.studentParts("Ana\u0000", "1", new byte[] {1, 2, 3}))
                        .send(),
                "Name");
        assertNulRefused(
                api.get("/api/classes/" + classId + "/students?q=%00")
                        .as(teacher)
                        .send(),
                "The text");
        assertNulRefused(
                api.get("/api/classes/" + classId + "/students?q=Ana%00x")
                        .as(teacher)
                        .send(),
                "The text");

        assertThat(jdbc.sql("SELECT count(*) FROM school_class WHERE teacher_id = :t")
                        .param("t", teacher.id())
                        .query(Integer.class)
                        .single())
                .isEqualTo(2); // "My first class" and "NUL class"
        assertThat(jdbc.sql("SELECT name FROM school_class WHERE id = :id")
                        .param("id", classId)
                        .query(String.class)
                        .single())
                .isEqualTo("NUL class");
    }

    @Test
    void datesBeforeTheYear2000AreRefusedInWordsAndNothingIsWritten() {
        TestTeacher teacher = api.newTeacher();
        UUID classId = api.client(teacher.token()).createClass("Dates class", "UTC");
        UUID studentId = UUID.randomUUID();
        jdbc.sql("INSERT INTO student (id, class_id, name, roll_no) VALUES (:id, :c, 'Ana', '1')")
                .param("id", studentId)
                .param("c", classId)
                .update();

        for (String date : new String[] {"-999999999-01-01", "0001-01-01", "1999-12-31"}) {
            ApiResponse mark = api.put("/api/classes/" + classId + "/attendance/" + date + "/students/" + studentId)
                    .as(teacher)
                    .send();
            assertThat(mark.status()).as(mark.toString()).isEqualTo(400);
            assertThat(mark.code()).isEqualTo("DATE_TOO_EARLY");
            assertThat(mark.json().get("detail").asString()).contains("1 January 2000");
            ApiResponse history = api.get("/api/classes/" + classId + "/attendance?from=" + date + "&to=" + date)
                    .as(teacher)
                    .send();
            assertThat(history.status()).as(history.toString()).isEqualTo(400);
            assertThat(history.code()).isEqualTo("DATE_TOO_EARLY");
        }
        ApiResponse longRange = api.get("/api/classes/" + classId + "/attendance?from=2000-01-01&to=2026-01-01")
                .as(teacher)
                .send();
        assertThat(longRange.status()).isEqualTo(400);
        assertThat(longRange.code()).isEqualTo("INVALID_RANGE");
        assertThat(jdbc.sql("SELECT count(*) FROM attendance WHERE student_id = :s")
                        .param("s", studentId)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(api.put("/api/classes/" + classId + "/attendance/2000-01-01/students/" + studentId)
                        .as(teacher)
                        .send()
                        .status())
                .isEqualTo(200);
    }

    private static void assertNulRefused(ApiResponse response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.isProblem()).as(response.toString()).isTrue();
        assertThat(response.code()).as(response.toString()).isEqualTo("INVALID_CHARACTER");
        assertThat(response.json().get("detail").asString()).startsWith(field + " contains an invisible NUL");
    }
}
