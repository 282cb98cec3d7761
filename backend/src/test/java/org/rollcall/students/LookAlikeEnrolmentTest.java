package org.rollcall.students;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rollcall.support.TestApi.check;

import java.awt.geom.Point2D;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rollcall.face.Box;
import org.rollcall.face.FaceEngine;
import org.rollcall.support.ApiResponse;
import org.rollcall.support.IntegrationTestSupport;
import org.rollcall.support.SampleClass;
import org.rollcall.support.TestApi;
import org.rollcall.support.TestPhotos;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Twins and look-alikes: a teacher who confirms that new photos are not an enrolled student ({@code differentFrom})
 * can enrol them anyway; the matcher's margin then leaves a face resembling both unknown rather than marking either.
 */
class LookAlikeEnrolmentTest extends IntegrationTestSupport {

    private static final int TWIN_FACE = 0;
    private static final int OTHER_FACE = 1;

    @Autowired
    private FaceEngine engine;

    private static SampleClass window;
    /** another shot of the twin's face: for the engine the same person, for the teacher the other twin */
    private static byte[] twinShot;

    private TestApi.Client teacher;
    private UUID classId;
    private UUID ann;
    private String students;

    @BeforeEach
    void classWithAnn() {
        if (window == null) {
            window = SampleClass.of(engine, 6, 4);
            twinShot = TestPhotos.jpeg(
                    TestPhotos.anotherShot(
                            TestPhotos.read(window.enrolmentPhotos().get(TWIN_FACE)), 0.9, 3, 0.9f),
                    0.85f);
        }
        teacher = newTeacher();
        classId = teacher.createClass("7B", "UTC");
        students = "/api/classes/" + classId + "/students";
        ann = teacher.enrolled(
                classId, "Ann Twin", "3", window.enrolmentPhotos().get(TWIN_FACE));
    }

    @Test
    void aConfirmedTwinIsEnrolledAndAFaceLikeBothIsMarkedAsNeither() {
        UUID carl = teacher.enrolled(
                classId, "Carl Other", "5", window.enrolmentPhotos().get(OTHER_FACE));
        byte[] groupPhoto = TestPhotos.jpeg(window.photo(), 0.9f); // the photo the twin's face was cut from
        // the danger while only one twin is enrolled: the other is marked present as her
        LocalDate before = LocalDate.of(2026, 3, 1);
        JsonNode beforeTwin = nearest(
                TestApi.list(check(teacher.mark(classId, before, groupPhoto), 200)
                        .json()
                        .get("faces")),
                window.boxes().get(TWIN_FACE));
        assertThat(beforeTwin.get("status").asString())
                .as(beforeTwin.toString())
                .isEqualTo("MARKED");
        assertThat(beforeTwin.get("student").get("id").asString()).isEqualTo(ann.toString());

        ApiResponse refused = teacher.postMultipart(students, TestApi.studentParts("Bea Twin", "4", twinShot));
        assertProblem(refused, 422, "ALREADY_ENROLLED_AS");
        assertThat(refused.json().get("studentId").asString()).isEqualTo(ann.toString());
        assertThat(refused.json().get("studentName").asString()).isEqualTo("Ann Twin");
        assertThat(refused.json().get("detail").asString()).contains("Ann Twin").contains("roll no. 3");

        ApiResponse created = check(
                teacher.postMultipart(
                        students + "?differentFrom=" + ann, TestApi.studentParts("Bea Twin", "4", twinShot)),
                201);
        UUID bea = UUID.fromString(created.json().get("id").asString());
        assertThat(created.json().get("faces").size()).isEqualTo(1);
        assertThat(rosterNames()).containsExactly("Ann Twin", "Bea Twin", "Carl Other");
        assertThat(faceCount(bea)).isEqualTo(1);

        // with both twins enrolled, Carl is still recognised but the twins' face is nobody's
        LocalDate day = LocalDate.of(2026, 3, 2);
        ApiResponse marked = check(teacher.mark(classId, day, groupPhoto), 200);
        List<JsonNode> faces = TestApi.list(marked.json().get("faces"));
        JsonNode twinFace = nearest(faces, window.boxes().get(TWIN_FACE));
        assertThat(twinFace.get("status").asString()).as(twinFace.toString()).isEqualTo("UNKNOWN");
        assertThat(twinFace.get("student").isNull()).isTrue();
        assertThat(twinFace.get("score").asDouble())
                .as("the twins' face still resembles them closely")
                .isGreaterThan(0.9);
        JsonNode carlFace = nearest(faces, window.boxes().get(OTHER_FACE));
        assertThat(carlFace.get("status").asString()).as(carlFace.toString()).isEqualTo("MARKED");
        assertThat(carlFace.get("student").get("id").asString()).isEqualTo(carl.toString());
        assertThat(marked.json().get("marked").asInt()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT student_id FROM attendance WHERE class_id = :c AND date = :d")
                        .param("c", classId)
                        .param("d", day)
                        .query(UUID.class)
                        .list())
                .containsExactly(carl);
    }

    @Test
    void confirmingSomeoneElseDoesNotBypassTheCheckAndAnUnknownIdIsRefused() {
        UUID carl = teacher.enrolled(
                classId, "Carl Other", "5", window.enrolmentPhotos().get(OTHER_FACE));
        UUID otherClass = teacher.createClass("7C", "UTC");
        UUID inOtherClass = teacher.enrolled(
                otherClass, "Dan Elsewhere", "1", window.enrolmentPhotos().get(2));
        TestApi.Client otherTeacher = newTeacher();
        UUID otherTeachersClass = otherTeacher.createClass("8A", "UTC");
        UUID otherTeachersStudent = otherTeacher.enrolled(
                otherTeachersClass, "Eve", "1", window.enrolmentPhotos().get(3));
        long studentRows = count("student");
        long faceRows = count("face");

        ApiResponse stillRefused = teacher.postMultipart(
                students + "?differentFrom=" + carl, TestApi.studentParts("Bea Twin", "4", twinShot));
        assertProblem(stillRefused, 422, "ALREADY_ENROLLED_AS");
        assertThat(stillRefused.json().get("studentId").asString()).isEqualTo(ann.toString());

        for (UUID notHere : List.of(UUID.randomUUID(), inOtherClass, otherTeachersStudent)) {
            ApiResponse refused = teacher.postMultipart(
                    students + "?differentFrom=" + ann + "&differentFrom=" + notHere,
                    TestApi.studentParts("Bea Twin", "4", twinShot));
            assertProblem(refused, 400, "DIFFERENT_FROM_NOT_IN_CLASS");
            assertThat(refused.json().get("detail").asString()).contains(notHere.toString());
        }
        assertProblem(
                teacher.postMultipart(students + "?differentFrom=ann", TestApi.studentParts("Bea Twin", "4", twinShot)),
                400,
                "INVALID_PARAMETER");

        assertThat(rosterNames()).containsExactly("Ann Twin", "Carl Other");
        assertThat(count("student")).isEqualTo(studentRows);
        assertThat(count("face")).isEqualTo(faceRows);
    }

    @Test
    void addingPhotosTakesTheSameConfirmation() {
        UUID bea = teacher.enrolled(
                classId, "Bea Twin", "4", window.enrolmentPhotos().get(OTHER_FACE));
        String beaFaces = students + "/" + bea + "/faces";

        ApiResponse refused = teacher.postMultipart(beaFaces, TestApi.markParts(null, twinShot));
        assertProblem(refused, 422, "ALREADY_ENROLLED_AS");
        assertThat(refused.json().get("studentId").asString()).isEqualTo(ann.toString());
        assertProblem(
                teacher.postMultipart(beaFaces + "?differentFrom=" + bea, TestApi.markParts(null, twinShot)),
                400,
                "DIFFERENT_FROM_NOT_IN_CLASS");
        assertProblem(
                teacher.postMultipart(
                        beaFaces + "?differentFrom=" + UUID.randomUUID(), TestApi.markParts(null, twinShot)),
                400,
                "DIFFERENT_FROM_NOT_IN_CLASS");
        assertThat(faceCount(bea)).isEqualTo(1);

        ApiResponse added = check(
                teacher.postMultipart(beaFaces + "?differentFrom=" + ann, TestApi.markParts(null, twinShot)), 201);
        assertThat(added.json().get("faces").size()).isEqualTo(2);
        assertThat(faceCount(bea)).isEqualTo(2);
        assertThat(faceCount(ann)).isEqualTo(1);
    }

    private List<String> rosterNames() {
        return TestApi.list(check(teacher.get(students), 200).json()).stream()
                .map(s -> s.get("name").asString())
                .toList();
    }

    private long faceCount(UUID student) {
        return jdbc.sql("SELECT count(*) FROM face WHERE student_id = :s")
                .param("s", student)
                .query(Long.class)
                .single();
    }

    private static JsonNode nearest(List<JsonNode> faces, Box box) {
        Point2D centre = new Point2D.Double(box.x() + box.width() / 2, box.y() + box.height() / 2);
        return faces.stream()
                .min(Comparator.comparingDouble(f -> centre.distance(
                        f.get("box").get("x").asDouble()
                                + f.get("box").get("width").asDouble() / 2,
                        f.get("box").get("y").asDouble()
                                + f.get("box").get("height").asDouble() / 2)))
                .orElseThrow();
    }
}
