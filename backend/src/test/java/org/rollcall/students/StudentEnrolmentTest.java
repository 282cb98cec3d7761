package org.rollcall.students;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rollcall.support.TestApi.check;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rollcall.face.FaceEngine;
import org.rollcall.support.ApiResponse;
import org.rollcall.support.BadImages;
import org.rollcall.support.IntegrationTestSupport;
import org.rollcall.support.SampleClass;
import org.rollcall.support.TestApi;
import org.rollcall.support.TestPhotos;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.JsonNode;

class StudentEnrolmentTest extends IntegrationTestSupport {

    @Autowired
    private FaceEngine engine;

    private static SampleClass sample6;

    private TestApi.Client teacher;
    private UUID classId;

    @BeforeEach
    void newClass() {
        if (sample6 == null) {
            sample6 = SampleClass.of(engine, 6, 4);
        }
        teacher = newTeacher();
        classId = teacher.createClass("9C", "UTC");
    }

    @Test
    void enrolsAStudentWithTheFaceQualityReportAndKeepsOnlyEmbeddingAndThumbnail() {
        ApiResponse created = check(
                teacher.enrol(
                        classId, "Maya Lopez", "12", sample6.enrolmentPhotos().get(0)),
                201);

        JsonNode student = created.json();
        assertThat(student.get("name").asString()).isEqualTo("Maya Lopez");
        assertThat(student.get("rollNo").asString()).isEqualTo("12");
        assertThat(student.get("needsReEnrolment").asBoolean()).isFalse();
        JsonNode face = student.get("faces").get(0);
        assertThat(face.get("current").asBoolean()).isTrue();
        assertThat(face.get("modelId").asString()).isEqualTo(engine.modelId());
        assertThat(face.get("quality").get("interOcularPx").asDouble()).isGreaterThan(30);
        UUID studentId = UUID.fromString(student.get("id").asString());
        Map<String, Object> stored = jdbc.sql("SELECT f.model_id, cardinality(f.embedding) AS dims,"
                        + " length(f.thumbnail) AS thumb, length(f.crop) AS crop FROM face f WHERE f.student_id = :s")
                .param("s", studentId)
                .query()
                .singleRow();
        assertThat(stored.get("dims"))
                .isEqualTo(engine.findFaces(sample6.enrolmentPhotos().get(0))
                        .get(0)
                        .embedding()
                        .length);
        assertThat(((Number) stored.get("thumb")).intValue()).isBetween(200, 40_000);
        // the lossless aligned crop that a later model change re-embeds from (210 x 210 RGB, PNG)
        assertThat(((Number) stored.get("crop")).intValue()).isBetween(10_000, 3 * 210 * 210);

        ApiResponse thumbnail = teacher.getImage("/api/classes/" + classId + "/students/" + studentId + "/faces/"
                + face.get("id").asString() + "/thumbnail");
        assertThat(thumbnail.status()).isEqualTo(200);
        assertThat(thumbnail.contentType()).isEqualTo("image/jpeg");
    }

    @Test
    void theSameFaceCannotBeEnrolledAsASecondStudent() {
        teacher.enrolled(classId, "Maya Lopez", "12", sample6.enrolmentPhotos().get(0));
        long faces = count("face");
        long students = count("student");

        byte[] sameFaceOtherShot = TestPhotos.jpeg(
                TestPhotos.anotherShot(TestPhotos.read(sample6.enrolmentPhotos().get(0)), 0.9, 3, 0.9f), 0.85f);
        ApiResponse duplicate = teacher.enrol(classId, "Someone Else", "13", sameFaceOtherShot);

        assertProblem(duplicate, 422, "ALREADY_ENROLLED_AS");
        assertThat(duplicate.json().get("detail").asString())
                .contains("Maya Lopez")
                .contains("12");
        assertThat(count("face")).isEqualTo(faces);
        assertThat(count("student")).isEqualTo(students);
        // another class of the same teacher is another roster
        UUID otherClass = teacher.createClass("9D", "UTC");
        check(teacher.enrol(otherClass, "Maya Lopez", "1", sameFaceOtherShot), 201);
    }

    @Test
    void rollNumbersAreUniqueInAClass() {
        teacher.enrolled(classId, "Maya Lopez", "12", sample6.enrolmentPhotos().get(0));
        long faces = count("face");

        assertProblem(
                teacher.enrol(
                        classId, "Ava Chen", "12", sample6.enrolmentPhotos().get(1)),
                409,
                "ROLL_NO_TAKEN");
        assertThat(count("face")).isEqualTo(faces);

        UUID ava = teacher.enrolled(
                classId, "Ava Chen", "13", sample6.enrolmentPhotos().get(1));
        assertProblem(
                teacher.patchJson("/api/classes/" + classId + "/students/" + ava, Map.of("rollNo", "12")),
                409,
                "ROLL_NO_TAKEN");
        ApiResponse renamed = check(
                teacher.patchJson(
                        "/api/classes/" + classId + "/students/" + ava,
                        Map.of("name", "Ava Chen-Li", "email", "ava@example.org")),
                200);
        assertThat(renamed.json().get("rollNo").asString()).isEqualTo("13");
        assertThat(renamed.json().get("email").asString()).isEqualTo("ava@example.org");
    }

    @Test
    void badUploadsAreRefusedWithAProblemAndNothingIsWritten() {
        byte[] good = sample6.enrolmentPhotos().get(0);
        long students = count("student");
        long faces = count("face");

        assertProblem(teacher.enrol(classId, "A", "1", TestPhotos.notAnImage()), 422, "UNSUPPORTED_IMAGE");
        ApiResponse corrupt = teacher.enrol(classId, "A", "1", BadImages.truncated(good, 0.4));
        assertThat(corrupt.status()).as(corrupt.toString()).isEqualTo(422);
        assertThat(corrupt.code()).as(corrupt.toString()).isIn("UNSUPPORTED_IMAGE", "NO_FACE");
        assertProblem(teacher.enrol(classId, "A", "1", BadImages.hugePng(60_000, 60_000)), 413, "IMAGE_TOO_LARGE");
        byte[] tooBig = Arrays.copyOf(good, 16 * 1024 * 1024);
        assertProblem(teacher.enrol(classId, "A", "1", tooBig), 413, "IMAGE_TOO_LARGE");
        assertProblem(teacher.enrol(classId, "A", "1", TestPhotos.noFace()), 422, "NO_FACE");
        assertProblem(teacher.enrol(classId, "A", "1", TestPhotos.jpeg(sample6.photo(), 0.9f)), 422, "MULTIPLE_FACES");
        // all or nothing: one bad photo among good ones refuses the lot
        assertProblem(teacher.enrol(classId, "A", "1", good, TestPhotos.noFace()), 422, "NO_FACE");
        // a student may be created with no photo (issue 10), but a request to add faces must bring one
        UUID nobody = teacher.enrolled(classId, "No Photo Yet", "99");
        assertProblem(
                teacher.postMultipart(
                        "/api/classes/" + classId + "/students/" + nobody + "/faces",
                        new MultipartBodyBuilder().build()),
                400,
                "PHOTO_REQUIRED");
        check(teacher.delete("/api/classes/" + classId + "/students/" + nobody), 204);

        String enrol = "/api/classes/" + classId + "/students";
        assertErrors(teacher.postMultipart(enrol, studentPart(null, null, good)), "student");
        assertErrors(
                teacher.postMultipart(enrol, studentPart("{\"name\": \"A\"", MediaType.APPLICATION_JSON, good)),
                "student");
        ApiResponse missingRoll =
                teacher.postMultipart(enrol, studentPart("{\"name\": \"A\"}", MediaType.TEXT_PLAIN, good));
        assertThat(missingRoll.json().get("detail").asString()).isEqualTo("Roll number must not be empty");
        assertErrors(missingRoll, "rollNo");
        assertThat(missingRoll.json().get("errors").get(0).get("message").asString())
                .isEqualTo("must not be empty");

        assertThat(count("student")).isEqualTo(students);
        assertThat(count("face")).isEqualTo(faces);
    }

    @Test
    void facesCanBeAddedAndRemovedAndDeletingTheStudentErasesThem() {
        UUID maya = teacher.enrolled(
                classId, "Maya Lopez", "12", sample6.enrolmentPhotos().get(0));
        byte[] anotherOfMaya = TestPhotos.jpeg(
                TestPhotos.anotherShot(TestPhotos.read(sample6.enrolmentPhotos().get(0)), 0.95, -2, 1.05f), 0.9f);
        String base = "/api/classes/" + classId + "/students/" + maya;

        ApiResponse added = check(teacher.postMultipart(base + "/faces", TestApi.markParts(null, anotherOfMaya)), 201);
        List<JsonNode> faces = TestApi.list(added.json().get("faces"));
        assertThat(faces).hasSize(2);
        // somebody else's face cannot be added to Maya
        teacher.enrolled(classId, "Ava Chen", "13", sample6.enrolmentPhotos().get(1));
        assertProblem(
                teacher.postMultipart(
                        base + "/faces",
                        TestApi.markParts(null, sample6.enrolmentPhotos().get(1))),
                422,
                "ALREADY_ENROLLED_AS");

        check(teacher.delete(base + "/faces/" + faces.get(0).get("id").asString()), 204);
        assertThat(check(teacher.get(base), 200).json().get("faces").size()).isEqualTo(1);
        assertProblem(teacher.delete(base + "/faces/" + faces.get(0).get("id").asString()), 404, "FACE_NOT_FOUND");
        // an img-like request that accepts only JPEG still learns that the face is gone
        ApiResponse gone =
                teacher.get(base + "/faces/" + faces.get(0).get("id").asString() + "/thumbnail", "image/jpeg");
        assertThat(gone.status()).as(gone.toString()).isEqualTo(404);

        check(teacher.delete(base), 204);
        assertProblem(teacher.get(base), 404, "STUDENT_NOT_FOUND");
        assertThat(jdbc.sql("SELECT count(*) FROM face WHERE student_id = :s")
                        .param("s", maya)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void theRosterIsSearchableByNameOrRollNumber() {
        teacher.enrolled(classId, "Maya Lopez", "12", sample6.enrolmentPhotos().get(0));
        teacher.enrolled(classId, "Ava Chen", "3", sample6.enrolmentPhotos().get(1));
        teacher.enrolled(classId, "Noor 100%", "120", sample6.enrolmentPhotos().get(3));
        String roster = "/api/classes/" + classId + "/students";

        assertThat(names(check(teacher.get(roster), 200))).containsExactly("Ava Chen", "Maya Lopez", "Noor 100%");
        assertThat(names(check(teacher.get(roster + "?q=lop"), 200))).containsExactly("Maya Lopez");
        assertThat(names(check(teacher.get(roster + "?q=12"), 200))).containsExactly("Maya Lopez", "Noor 100%");
        assertThat(names(check(teacher.get(roster + "?q=%25"), 200))).containsExactly("Noor 100%");
        assertThat(names(check(teacher.get(roster + "?q=zzz"), 200))).isEmpty();
    }

    private static List<String> names(ApiResponse answer) {
        return TestApi.list(answer.json()).stream()
                .map(s -> s.get("name").asString())
                .toList();
    }

    /** An enrolment whose `student` part is {@code json} sent as {@code type} (no such part when null). */
    private static MultiValueMap<String, HttpEntity<?>> studentPart(String json, MediaType type, byte[] photo) {
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        if (json != null) {
            parts.part("student", json, type);
        }
        TestApi.photo(parts, photo, "a.jpg");
        return parts.build();
    }

    /** VALIDATION_FAILED names the fields like a JSON body's does: errors [{field, message}]. */
    private static void assertErrors(ApiResponse answer, String... fields) {
        assertProblem(answer, 400, "VALIDATION_FAILED");
        assertThat(TestApi.list(answer.json().get("errors")))
                .as(answer.toString())
                .extracting(error -> error.get("field").asString())
                .containsExactly(fields);
        assertThat(TestApi.list(answer.json().get("errors")))
                .as(answer.toString())
                .allSatisfy(error -> assertThat(error.get("message").asString()).isNotBlank());
    }
}
