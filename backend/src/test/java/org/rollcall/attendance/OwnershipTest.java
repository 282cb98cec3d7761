package org.rollcall.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rollcall.support.TestApi.check;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.rollcall.face.FaceEngine;
import org.rollcall.support.ApiResponse;
import org.rollcall.support.IntegrationTestSupport;
import org.rollcall.support.SampleClass;
import org.rollcall.support.TestApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.client.MultipartBodyBuilder;
import tools.jackson.databind.JsonNode;

/** Another teacher's class, student or attendance does not exist for you (404), and no valid token means 401. */
class OwnershipTest extends IntegrationTestSupport {

    @Autowired
    private FaceEngine engine;

    private static SampleClass sample6;

    @Test
    void everyEndpointHidesAnotherTeachersDataAndRefusesMissingOrRevokedTokens() {
        if (sample6 == null) {
            sample6 = SampleClass.of(engine, 6, 4);
        }
        TestApi.Client owner = newTeacher();
        UUID classId = owner.createClass("Owner's class", "UTC");
        ApiResponse enrolled = check(
                owner.enrol(
                        classId, "Maya Lopez", "12", sample6.enrolmentPhotos().get(0)),
                201);
        UUID studentId = UUID.fromString(enrolled.json().get("id").asString());
        String faceId = enrolled.json().get("faces").get(0).get("id").asString();
        LocalDate day = LocalDate.of(2026, 1, 15);
        check(owner.put("/api/classes/" + classId + "/attendance/" + day + "/students/" + studentId), 200);
        byte[] photo = sample6.enrolmentPhotos().get(1);
        JsonNode marking =
                check(owner.mark(classId, day.plusDays(1), photo), 200).json();
        String markingPath = "/api/classes/" + classId + "/attendance/markings/"
                + marking.get("markingId").asString();
        String markingFace = markingPath + "/faces/"
                + marking.get("faces").get(0).get("faceId").asString();

        List<Function<TestApi.Client, ApiResponse>> calls = calls(classId, studentId, faceId, day, photo);
        // the review of a marking (issue 10)
        calls.add(t -> t.get(markingPath));
        calls.add(t -> t.get("/api/classes/" + classId + "/attendance/markings?date=" + day.plusDays(1)));
        calls.add(t -> t.putJson(markingFace, Map.of("studentId", studentId)));
        calls.add(t -> t.delete(markingFace));
        calls.add(t -> t.getImage(markingFace + "/thumbnail"));
        calls.add(t -> t.postJson("/api/classes/" + classId + "/students", Map.of("name", "Ghost", "rollNo", "98")));
        calls.add(t -> t.get("/api/classes/" + classId + "/students/" + studentId + "/faces"));
        long rows = count("school_class") + count("student") + count("face") + count("attendance");

        TestApi.Client intruder = newTeacher();
        for (int i = 0; i < calls.size(); i++) {
            ApiResponse answer = calls.get(i).apply(intruder);
            assertThat(answer.status()).as("call #" + i + ": " + answer).isEqualTo(404);
            assertThat(answer.contentType()).as("call #" + i).startsWith("application/problem+json");
            assertThat(answer.code()).as("call #" + i).isIn("CLASS_NOT_FOUND", "STUDENT_NOT_FOUND");
        }
        TestApi.Client anonymous = owner.as(null);
        TestApi.Client forged = owner.as("not-a-token");
        for (int i = 0; i < calls.size(); i++) {
            assertThat(calls.get(i).apply(anonymous).status())
                    .as("anonymous call #" + i)
                    .isEqualTo(401);
            assertThat(calls.get(i).apply(forged).status())
                    .as("forged call #" + i)
                    .isEqualTo(401);
        }
        TestApi.Client loggedOut = newTeacher();
        check(loggedOut.postJson("/api/auth/logout", Map.of()), 204);
        for (int i = 0; i < calls.size(); i++) {
            assertThat(calls.get(i).apply(loggedOut).status())
                    .as("revoked call #" + i)
                    .isEqualTo(401);
        }

        assertThat(count("school_class") + count("student") + count("face") + count("attendance"))
                .isEqualTo(rows + 2); // the first classes of the two accounts created meanwhile
        assertThat(check(owner.get("/api/classes/" + classId + "/students/" + studentId), 200)
                        .json()
                        .get("faces")
                        .size())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM attendance WHERE student_id = :s")
                        .param("s", studentId)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(check(owner.get(markingPath), 200)
                        .json()
                        .get("faces")
                        .get(0)
                        .get("correction")
                        .isNull())
                .isTrue();
    }

    private static List<Function<TestApi.Client, ApiResponse>> calls(
            UUID classId, UUID studentId, String faceId, LocalDate day, byte[] photo) {
        String c = "/api/classes/" + classId;
        String s = c + "/students/" + studentId;
        List<Function<TestApi.Client, ApiResponse>> calls = new ArrayList<>();
        calls.add(t -> t.get(c));
        calls.add(t -> t.patchJson(c, Map.of("name", "mine now")));
        calls.add(t -> t.delete(c));
        calls.add(t -> t.get(c + "/students"));
        calls.add(t -> t.get(c + "/students?q=Maya"));
        calls.add(t -> t.enrol(classId, "Ghost", "99", photo));
        calls.add(t -> t.get(s));
        calls.add(t -> t.patchJson(s, Map.of("name", "Renamed")));
        calls.add(t -> t.delete(s));
        calls.add(t -> {
            MultipartBodyBuilder parts = new MultipartBodyBuilder();
            TestApi.photo(parts, photo, "face.jpg");
            return t.postMultipart(s + "/faces", parts.build());
        });
        calls.add(t -> t.delete(s + "/faces/" + faceId));
        calls.add(t -> t.getImage(s + "/faces/" + faceId + "/thumbnail"));
        calls.add(t -> t.mark(classId, day, photo));
        calls.add(t -> t.get(c + "/attendance"));
        calls.add(t -> t.getCsv(c + "/attendance"));
        calls.add(t -> t.get(s + "/attendance"));
        calls.add(t -> t.getCsv(s + "/attendance"));
        calls.add(t -> t.put(c + "/attendance/" + day + "/students/" + studentId));
        calls.add(t -> t.delete(c + "/attendance/" + day + "/students/" + studentId));
        return calls;
    }
}
