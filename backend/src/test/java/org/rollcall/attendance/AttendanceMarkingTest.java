package org.rollcall.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rollcall.attendance.RollcallClient.check;

import java.awt.image.BufferedImage;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rollcall.face.FaceEngine;
import org.springframework.beans.factory.annotation.Autowired;
import org.rollcall.attendance.RollcallClient.Answer;
import tools.jackson.databind.JsonNode;

/**
 * Marking a class from photos with the real engine on real group photos: four people of one photo and three of
 * another are enrolled from crops; the class is marked from a different shot of the first photo next to a photo of
 * strangers. Exactly the four must be marked, nobody else, and the strangers must come back unknown.
 */
class AttendanceMarkingTest extends AttendanceIntegrationSupport {

    @Autowired
    private FaceEngine engine;

    private static SampleClass window;   // sample6: 4 people in front of a window
    private static SampleClass sofa;     // sample3: 3 people on a sofa
    private static byte[] classPhoto;    // another shot of sample6 next to sample5 (strangers)

    private RollcallClient teacher;
    private UUID classId;
    private final List<UUID> windowStudents = new ArrayList<>();
    private final List<UUID> sofaStudents = new ArrayList<>();

    @BeforeEach
    void enrolTheClass() {
        if (window == null) {
            window = SampleClass.of(engine, 6, 4);
            sofa = SampleClass.of(engine, 3, 3);
            BufferedImage strangers = TestPhotos.faceApiSample(5);
            classPhoto = TestPhotos.jpeg(TestPhotos.sideBySide(1080,
                    TestPhotos.anotherShot(window.photo(), 0.8, 2.5, 0.85f), strangers), 0.85f);
        }
        teacher = newTeacher();
        classId = teacher.createClass("10A", "UTC");
        for (int i = 0; i < window.enrolmentPhotos().size(); i++) {
            windowStudents.add(teacher.enrolled(classId, "Window " + i, "W" + i, window.enrolmentPhotos().get(i)));
        }
        for (int i = 0; i < sofa.enrolmentPhotos().size(); i++) {
            sofaStudents.add(teacher.enrolled(classId, "Sofa " + i, "S" + i, sofa.enrolmentPhotos().get(i)));
        }
    }

    @Test
    void marksExactlyThePeopleInThePhotoAndLeavesStrangersUnknown() {
        LocalDate day = LocalDate.of(2026, 3, 2);

        Answer answer = check(teacher.mark(classId, day, classPhoto), 200);

        JsonNode json = answer.json();
        assertThat(json.get("date").asString()).isEqualTo("2026-03-02");
        List<JsonNode> faces = RollcallClient.list(json.get("faces"));
        Set<UUID> marked = studentsWithStatus(faces, "MARKED");
        assertThat(marked).containsExactlyInAnyOrderElementsOf(windowStudents);
        assertThat(json.get("marked").asInt()).isEqualTo(4);
        assertThat(json.get("alreadyMarked").asInt()).isZero();
        // sample5 shows 5 strangers; none of them may be taken for anyone
        long unknown = faces.stream().filter(f -> f.get("status").asString().equals("UNKNOWN")).count();
        assertThat(unknown).isGreaterThanOrEqualTo(5).isEqualTo(json.get("unknown").asLong());
        faces.stream().filter(f -> f.get("status").asString().equals("UNKNOWN")).forEach(f -> {
            assertThat(f.get("student").isNull()).isTrue();
            assertThat(f.get("box").get("width").asDouble()).isPositive();
        });
        assertThat(presentOn(day)).containsExactlyInAnyOrderElementsOf(windowStudents);
        assertThat(jdbc.sql("SELECT count(*) FROM attendance WHERE class_id = :c AND source = 'PHOTO'"
                + " AND score > 0").param("c", classId).query(Long.class).single()).isEqualTo(4);
    }

    @Test
    void studentsAlreadyPresentStayInTheGalleryAndAreReportedNotWrittenAgain() {
        LocalDate day = LocalDate.of(2026, 3, 3);
        check(teacher.put("/api/classes/" + classId + "/attendance/" + day + "/students/" + windowStudents.get(0)),
                200);

        Answer first = check(teacher.mark(classId, day, classPhoto), 200);
        assertThat(studentsWithStatus(RollcallClient.list(first.json().get("faces")), "ALREADY_MARKED"))
                .containsExactly(windowStudents.get(0));
        assertThat(studentsWithStatus(RollcallClient.list(first.json().get("faces")), "MARKED"))
                .containsExactlyInAnyOrderElementsOf(windowStudents.subList(1, 4));

        Answer again = check(teacher.mark(classId, day, classPhoto), 200);
        List<JsonNode> faces = RollcallClient.list(again.json().get("faces"));
        assertThat(studentsWithStatus(faces, "ALREADY_MARKED")).containsExactlyInAnyOrderElementsOf(windowStudents);
        assertThat(studentsWithStatus(faces, "MARKED")).isEmpty();
        assertThat(again.json().get("marked").asInt()).isZero();
        assertThat(again.json().get("alreadyMarked").asInt()).isEqualTo(4);
        assertThat(presentOn(day)).containsExactlyInAnyOrderElementsOf(windowStudents);
        // the manual mark keeps its source
        assertThat(jdbc.sql("SELECT source FROM attendance WHERE student_id = :s AND date = :d")
                .param("s", windowStudents.get(0)).param("d", day).query(String.class).single()).isEqualTo("MANUAL");
    }

    @Test
    void twentyConcurrentMarksWriteEachStudentOnce() throws Exception {
        LocalDate day = LocalDate.of(2026, 3, 4);
        int requests = 20;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Answer>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(requests)) {
            for (int i = 0; i < requests; i++) {
                Callable<Answer> call = () -> {
                    start.await();
                    return teacher.mark(classId, day, classPhoto);
                };
                answers.add(pool.submit(call));
            }
            start.countDown();
            int markedInTotal = 0;
            for (Future<Answer> future : answers) {
                Answer answer = future.get();
                assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
                markedInTotal += answer.json().get("marked").asInt();
                assertThat(answer.json().get("marked").asInt() + answer.json().get("alreadyMarked").asInt())
                        .isEqualTo(4);
            }
            assertThat(markedInTotal).isEqualTo(4);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM attendance WHERE class_id = :c AND date = :d")
                .param("c", classId).param("d", day).query(Long.class).single()).isEqualTo(4);
        assertThat(presentOn(day)).containsExactlyInAnyOrderElementsOf(windowStudents);
    }

    @Test
    void badUploadsAreRefusedAndNothingIsMarked() {
        LocalDate day = LocalDate.of(2026, 3, 5);

        assertProblem(teacher.mark(classId, day, TestPhotos.notAnImage()), 422, "UNSUPPORTED_IMAGE");
        Answer corrupt = teacher.mark(classId, day, TestPhotos.truncated(classPhoto));
        assertThat(corrupt.status()).as(corrupt.toString()).isEqualTo(422);
        assertThat(corrupt.code()).isIn("UNSUPPORTED_IMAGE", "NO_FACE");
        assertProblem(teacher.mark(classId, day, TestPhotos.pixelBomb(60_000)), 413, "IMAGE_TOO_LARGE");
        assertProblem(teacher.mark(classId, day, Arrays.copyOf(classPhoto, 16 * 1024 * 1024)), 413,
                "IMAGE_TOO_LARGE");
        assertProblem(teacher.mark(classId, day, TestPhotos.noFace()), 422, "NO_FACE");
        // one bad photo refuses the whole request, even after a good one
        assertProblem(teacher.mark(classId, day, classPhoto, TestPhotos.notAnImage()), 422, "UNSUPPORTED_IMAGE");
        assertProblem(teacher.mark(classId, day), 400, "PHOTO_REQUIRED");
        byte[][] eleven = new byte[11][];
        Arrays.fill(eleven, TestPhotos.noFace());
        assertProblem(teacher.mark(classId, day, eleven), 400, "TOO_MANY_PHOTOS");
        assertProblem(teacher.mark(classId, LocalDate.now(ZoneId.of("UTC")).plusDays(2), classPhoto), 400,
                "DATE_IN_FUTURE");

        assertThat(jdbc.sql("SELECT count(*) FROM attendance WHERE class_id = :c").param("c", classId)
                .query(Long.class).single()).isZero();
        assertThat(count("class_photo")).isZero();
    }

    @Test
    void withoutADateAMarkLandsOnTodayInTheClassesTimezone() {
        UUID dhakaClass = teacher.createClass("10A Dhaka", "Asia/Dhaka");
        UUID student = teacher.enrolled(dhakaClass, "Window 0", "1", window.enrolmentPhotos().get(0));
        // 23:30 on the server (UTC) is 05:30 the next morning in Dhaka (UTC+6)
        clock.standAt(Instant.parse("2026-03-10T23:30:00Z"), ZoneId.of("UTC"));

        Answer answer = check(teacher.mark(dhakaClass, null, classPhoto), 200);

        assertThat(answer.json().get("date").asString()).isEqualTo("2026-03-11");
        assertThat(jdbc.sql("SELECT date FROM attendance WHERE student_id = :s").param("s", student)
                .query(LocalDate.class).single()).isEqualTo(LocalDate.of(2026, 3, 11));
        // ... while in a class on UTC that date has not come yet
        assertProblem(teacher.put("/api/classes/" + classId + "/attendance/2026-03-11/students/"
                + windowStudents.get(1)), 400, "DATE_IN_FUTURE");
        check(teacher.put("/api/classes/" + classId + "/attendance/2026-03-10/students/" + windowStudents.get(1)),
                200);
    }

    @Test
    void manualCorrectionsAndHistoryAsJsonAndCsv() {
        String base = "/api/classes/" + classId;
        UUID w0 = windowStudents.get(0);
        UUID s0 = sofaStudents.get(0);
        check(teacher.mark(classId, LocalDate.of(2026, 2, 2), classPhoto), 200);     // window students
        check(teacher.put(base + "/attendance/2026-02-03/students/" + s0), 200);        // one by hand
        Answer manual = check(teacher.put(base + "/attendance/2026-02-03/students/" + s0), 200); // idempotent
        assertThat(manual.json().get("source").asString()).isEqualTo("MANUAL");
        assertThat(manual.json().get("markedBy").asString()).isNotBlank();
        assertThat(manual.json().get("markedAt").asString()).isNotBlank();
        check(teacher.put(base + "/attendance/2026-02-03/students/" + w0), 200);
        check(teacher.delete(base + "/attendance/2026-02-03/students/" + w0), 204);
        check(teacher.delete(base + "/attendance/2026-02-03/students/" + w0), 204);      // idempotent

        JsonNode matrix = check(teacher.get(base + "/attendance?from=2026-02-01&to=2026-02-28"), 200).json();
        assertThat(RollcallClient.list(matrix.get("dates")).stream().map(JsonNode::asString))
                .containsExactly("2026-02-02", "2026-02-03");
        Map<String, JsonNode> rows = RollcallClient.list(matrix.get("students")).stream()
                .collect(Collectors.toMap(r -> r.get("student").get("id").asString(), r -> r));
        assertThat(rows).hasSize(7);
        assertThat(rows.get(w0.toString()).get("total").asInt()).isEqualTo(1);
        assertThat(rows.get(w0.toString()).get("percentage").asDouble()).isEqualTo(50.0);
        assertThat(rows.get(s0.toString()).get("present").get(1).asBoolean()).isTrue();
        assertThat(rows.get(sofaStudents.get(1).toString()).get("total").asInt()).isZero();
        assertThat(RollcallClient.list(matrix.get("presentPerDate")).stream().map(JsonNode::asInt))
                .containsExactly(4, 1);

        Answer csv = check(teacher.getCsv(base + "/attendance?from=2026-02-01&to=2026-02-28"), 200);
        assertThat(csv.contentType()).startsWith("text/csv");
        String[] lines = csv.body().replace("\uFEFF", "").split("\r\n");
        assertThat(lines[0]).isEqualTo("Roll no,Name,2026-02-02,2026-02-03,Days present,School days,Percentage");
        assertThat(lines).contains("W0,Window 0,P,A,1,2,50.0", "S0,Sofa 0,A,P,1,2,50.0", "S1,Sofa 1,A,A,0,2,0.0");
        assertThat(lines).hasSize(8);

        JsonNode history = check(teacher.get(base + "/students/" + s0 + "/attendance?from=2026-02-01&to=2026-02-28"),
                200).json();
        assertThat(history.get("total").asInt()).isEqualTo(1);
        assertThat(history.get("present").get(0).get("date").asString()).isEqualTo("2026-02-03");
        assertThat(history.get("present").get(0).get("source").asString()).isEqualTo("MANUAL");
        Answer studentCsv = check(teacher.getCsv(base + "/students/" + w0 + "/attendance?from=2026-02-01&to=2026-02-28"),
                200);
        assertThat(studentCsv.body()).contains("W0,Window 0,2026-02-02,PHOTO,");

        assertProblem(teacher.get(base + "/attendance?from=2026-03-01&to=2026-02-01"), 400, "INVALID_RANGE");
        assertProblem(teacher.get(base + "/attendance?from=2020-01-01&to=2026-02-01"), 400, "INVALID_RANGE");
        assertProblem(teacher.get(base + "/attendance?from=yesterday"), 400, "INVALID_PARAMETER");
    }

    private Set<UUID> presentOn(LocalDate day) {
        return new HashSet<>(jdbc.sql("SELECT student_id FROM attendance WHERE class_id = :c AND date = :d")
                .param("c", classId).param("d", day).query(UUID.class).list());
    }

    private static Set<UUID> studentsWithStatus(List<JsonNode> faces, String status) {
        return faces.stream()
                .filter(f -> f.get("status").asString().equals(status))
                .map(f -> UUID.fromString(f.get("student").get("id").asString()))
                .collect(Collectors.toSet());
    }
}
