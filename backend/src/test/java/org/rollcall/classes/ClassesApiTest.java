package org.rollcall.classes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rollcall.support.TestApi.check;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rollcall.support.ApiResponse;
import org.rollcall.support.IntegrationTestSupport;
import org.rollcall.support.TestApi;

class ClassesApiTest extends IntegrationTestSupport {

    @Test
    void aNewAccountStartsWithOneClass() {
        TestApi.Client teacher = newTeacher();

        ApiResponse classes = check(teacher.get("/api/classes"), 200);

        assertThat(classes.json().size()).isEqualTo(1);
        assertThat(classes.json().get(0).get("name").asString()).isEqualTo("My first class");
        assertThat(classes.json().get(0).get("timezone").asString()).isNotBlank();
    }

    @Test
    void createReadRenameMoveAndDeleteAClass() {
        TestApi.Client teacher = newTeacher();

        ApiResponse created =
                check(teacher.postJson("/api/classes", Map.of("name", " 7B Physics ", "timezone", "Asia/Dhaka")), 201);
        String id = created.json().get("id").asString();
        assertThat(created.json().get("name").asString()).isEqualTo("7B Physics");
        assertThat(created.json().get("timezone").asString()).isEqualTo("Asia/Dhaka");

        ApiResponse renamed = check(teacher.patchJson("/api/classes/" + id, Map.of("name", "7B Physics (lab)")), 200);
        assertThat(renamed.json().get("timezone").asString()).isEqualTo("Asia/Dhaka");
        ApiResponse moved = check(teacher.patchJson("/api/classes/" + id, Map.of("timezone", "Europe/Paris")), 200);
        assertThat(moved.json().get("name").asString()).isEqualTo("7B Physics (lab)");
        assertThat(check(teacher.get("/api/classes/" + id), 200)
                        .json()
                        .get("timezone")
                        .asString())
                .isEqualTo("Europe/Paris");
        assertThat(check(teacher.get("/api/classes"), 200).json().size()).isEqualTo(2);

        check(teacher.delete("/api/classes/" + id), 204);
        assertThat(check(teacher.get("/api/classes/" + id), 404).code()).isEqualTo("CLASS_NOT_FOUND");
        assertThat(jdbc.sql("SELECT count(*) FROM school_class WHERE id = :id")
                        .param("id", UUID.fromString(id))
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void anUnknownTimezoneOrABlankNameIsRefusedAndNothingIsWritten() {
        TestApi.Client teacher = newTeacher();
        long before = count("school_class");

        ApiResponse badZone = teacher.postJson("/api/classes", Map.of("name", "8A", "timezone", "Mars/Olympus"));
        ApiResponse blank = teacher.postJson("/api/classes", Map.of("name", "  ", "timezone", "UTC"));

        assertProblem(badZone, 400, "INVALID_TIMEZONE");
        assertThat(badZone.json().get("detail").asString()).contains("Mars/Olympus");
        assertProblem(blank, 400, "VALIDATION_FAILED");
        assertThat(count("school_class")).isEqualTo(before);
        UUID classId = teacher.createClass("8A", "UTC");
        assertProblem(
                teacher.patchJson("/api/classes/" + classId, Map.of("timezone", "GMT+25")), 400, "INVALID_TIMEZONE");
        assertThat(check(teacher.get("/api/classes/" + classId), 200)
                        .json()
                        .get("timezone")
                        .asString())
                .isEqualTo("UTC");
    }
}
