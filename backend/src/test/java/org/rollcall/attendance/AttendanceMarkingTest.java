package org.rollcall.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rollcall.support.TestApi.check;

import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
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
import org.rollcall.support.ApiResponse;
import org.rollcall.support.BadImages;
import org.rollcall.support.IntegrationTestSupport;
import org.rollcall.support.SampleClass;
import org.rollcall.support.TestApi;
import org.rollcall.support.TestPhotos;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Marking a class from photos with the real engine on real group photos (npm packages). Three of the four people of
 * one photo and two of the three of another are enrolled from crops; the class is marked from a different shot of the
 * first photo (smaller, rotated, darker, recompressed) next to a photo of four strangers. Exactly the three must be
 * marked, each from their own face, and nobody else: the fourth person of the photo (not enrolled, and the closest
 * look-alike of an enrolled one for this engine) and the strangers must come back unknown.
 */
class AttendanceMarkingTest extends IntegrationTestSupport {

    private static final int[] WINDOW_ENROLLED = {0, 1, 3};
    private static final int WINDOW_NOT_ENROLLED = 2;
    private static final int[] SOFA_ENROLLED = {0, 2};
    private static final double SHOT_SCALE = 0.7;
    private static final double SHOT_DEGREES = 3;
    private static final int HEIGHT = 1080;

    @Autowired
    private FaceEngine engine;

    private static SampleClass window; // sample6: 4 people in front of a window
    private static SampleClass sofa; // sample3: 3 people on a sofa, enrolled but absent
    private static byte[] classPhoto; // another shot of sample6 next to sample4 (strangers)
    private static List<Point2D> windowSeats; // where the sample6 faces are in the class photo
    private static double strangersFromX; // the strangers' half of the class photo

    private TestApi.Client teacher;
    private UUID classId;
    private final Map<UUID, Integer> windowIndex = new HashMap<>();
    private final List<UUID> windowStudents = new ArrayList<>();
    private final List<UUID> sofaStudents = new ArrayList<>();

    @BeforeEach
    void enrolTheClass() {
        if (window == null) {
            window = SampleClass.of(engine, 6, 4);
            sofa = SampleClass.of(engine, 3, 3);
            BufferedImage shot = TestPhotos.anotherShot(window.photo(), SHOT_SCALE, SHOT_DEGREES, 0.8f);
            double toComposite = HEIGHT / (double) shot.getHeight();
            classPhoto = TestPhotos.jpeg(TestPhotos.sideBySide(HEIGHT, shot, TestPhotos.faceApiSample(4)), 0.8f);
            AffineTransform seat = TestPhotos.anotherShotTransform(window.photo(), SHOT_SCALE, SHOT_DEGREES);
            seat.preConcatenate(AffineTransform.getScaleInstance(toComposite, toComposite));
            windowSeats = window.boxes().stream()
                    .map(b -> seat.transform(new Point2D.Double(b.x() + b.width() / 2, b.y() + b.height() / 2), null))
                    .toList();
            strangersFromX = shot.getWidth() * toComposite;
        }
        teacher = newTeacher();
        classId = teacher.createClass("10A", "UTC");
        for (int i : WINDOW_ENROLLED) {
            UUID id = teacher.enrolled(
                    classId, "Window " + i, "W" + i, window.enrolmentPhotos().get(i));
            windowStudents.add(id);
            windowIndex.put(id, i);
        }
        for (int i : SOFA_ENROLLED) {
            sofaStudents.add(teacher.enrolled(
                    classId, "Sofa " + i, "S" + i, sofa.enrolmentPhotos().get(i)));
        }
    }

    @Test
    void marksExactlyThePeopleInThePhotoEachFromTheirOwnFaceAndLeavesEveryoneElseUnknown() {
        LocalDate day = LocalDate.of(2026, 3, 2);

        ApiResponse answer = check(teacher.mark(classId, day, classPhoto), 200);

        JsonNode json = answer.json();
        assertThat(json.get("date").asString()).isEqualTo("2026-03-02");
        List<JsonNode> faces = TestApi.list(json.get("faces"));
        assertThat(studentsWithStatus(faces, "MARKED")).containsExactlyInAnyOrderElementsOf(windowStudents);
        assertThat(json.get("marked").asInt()).isEqualTo(3);
        assertThat(json.get("alreadyMarked").asInt()).isZero();
        for (JsonNode face : faces) {
            String status = face.get("status").asString();
            assertThat(status).isIn("MARKED", "UNKNOWN");
            if (status.equals("MARKED")) {
                int index = windowIndex.get(
                        UUID.fromString(face.get("student").get("id").asString()));
                assertThat(distance(face, windowSeats.get(index)))
                        .as("box of Window " + index)
                        .isLessThan(face.get("box").get("width").asDouble() / 2);
            } else {
                assertThat(face.get("student").isNull()).isTrue();
                assertThat(face.get("box").get("width").asDouble()).isPositive();
            }
        }
        JsonNode lookAlike = faces.stream()
                .min(Comparator.comparingDouble(f -> distance(f, windowSeats.get(WINDOW_NOT_ENROLLED))))
                .orElseThrow();
        assertThat(distance(lookAlike, windowSeats.get(WINDOW_NOT_ENROLLED)))
                .isLessThan(lookAlike.get("box").get("width").asDouble() / 2);
        assertThat(lookAlike.get("status").asString()).isEqualTo("UNKNOWN");
        long strangers = faces.stream()
                .filter(f -> f.get("box").get("x").asDouble() > strangersFromX)
                .count();
        assertThat(strangers).isGreaterThanOrEqualTo(3);
        assertThat(json.get("unknown").asLong()).isEqualTo(faces.size() - 3L).isGreaterThanOrEqualTo(strangers + 1);
        assertThat(presentOn(day)).containsExactlyInAnyOrderElementsOf(windowStudents);
        assertThat(jdbc.sql("SELECT count(*) FROM attendance WHERE class_id = :c AND source = 'PHOTO'"
                                + " AND score >= 0.9")
                        .param("c", classId)
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
    }

    @Test
    void twoPhotosOfTheSameRoomMarkEachStudentOnce() {
        LocalDate day = LocalDate.of(2026, 3, 9);
        byte[] secondShot = TestPhotos.jpeg(TestPhotos.anotherShot(window.photo(), 0.6, -2, 1.0f), 0.85f);

        ApiResponse answer = check(teacher.mark(classId, day, classPhoto, secondShot), 200);

        List<JsonNode> faces = TestApi.list(answer.json().get("faces"));
        for (int photo = 0; photo < 2; photo++) {
            int p = photo;
            List<JsonNode> inPhoto =
                    faces.stream().filter(f -> f.get("photo").asInt() == p).toList();
            assertThat(studentsWithStatus(inPhoto, "MARKED"))
                    .as("photo " + p)
                    .containsExactlyInAnyOrderElementsOf(windowStudents);
        }
        assertThat(answer.json().get("marked").asInt()).isEqualTo(3);
        assertThat(answer.json().get("alreadyMarked").asInt()).isZero();
        assertThat(presentOn(day)).containsExactlyInAnyOrderElementsOf(windowStudents);
    }

    @Test
    void studentsAlreadyPresentStayInTheGalleryAndAreReportedNotWrittenAgain() {
        LocalDate day = LocalDate.of(2026, 3, 3);
        check(
                teacher.put("/api/classes/" + classId + "/attendance/" + day + "/students/" + windowStudents.get(0)),
                200);

        ApiResponse first = check(teacher.mark(classId, day, classPhoto), 200);
        assertThat(studentsWithStatus(TestApi.list(first.json().get("faces")), "ALREADY_MARKED"))
                .containsExactly(windowStudents.get(0));
        assertThat(studentsWithStatus(TestApi.list(first.json().get("faces")), "MARKED"))
                .containsExactlyInAnyOrderElementsOf(windowStudents.subList(1, 3));

        ApiResponse again = check(teacher.mark(classId, day, classPhoto), 200);
        List<JsonNode> faces = TestApi.list(again.json().get("faces"));
        assertThat(studentsWithStatus(faces, "ALREADY_MARKED")).containsExactlyInAnyOrderElementsOf(windowStudents);
        assertThat(studentsWithStatus(faces, "MARKED")).isEmpty();
        assertThat(again.json().get("marked").asInt()).isZero();
        assertThat(again.json().get("alreadyMarked").asInt()).isEqualTo(3);
        assertThat(presentOn(day)).containsExactlyInAnyOrderElementsOf(windowStudents);
        // the manual mark keeps its source
        assertThat(jdbc.sql("SELECT source FROM attendance WHERE student_id = :s AND date = :d")
                        .param("s", windowStudents.get(0))
                        .param("d", day)
                        .query(String.class)
                        .single())
                .isEqualTo("MANUAL");
    }

    @Test
    void twentyConcurrentMarksWriteEachStudentOnce() throws Exception {
        LocalDate day = LocalDate.of(2026, 3, 4);
        int requests = 20;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ApiResponse>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(requests)) {
            for (int i = 0; i < requests; i++) {
                Callable<ApiResponse> call = () -> {
                    start.await();
                    return teacher.mark(classId, day, classPhoto);
                };
                answers.add(pool.submit(call));
            }
            start.countDown();
            int markedInTotal = 0;
            for (Future<ApiResponse> future : answers) {
                ApiResponse answer = future.get();
                assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
                markedInTotal += answer.json().get("marked").asInt();
                assertThat(answer.json().get("marked").asInt()
                                + answer.json().get("alreadyMarked").asInt())
                        .isEqualTo(3);
            }
            assertThat(markedInTotal).isEqualTo(3);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM attendance WHERE class_id = :c AND date = :d")
                        .param("c", classId)
                        .param("d", day)
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
        assertThat(presentOn(day)).containsExactlyInAnyOrderElementsOf(windowStudents);
    }

    @Test
    void badUploadsAreRefusedAndNothingIsMarked() {
        LocalDate day = LocalDate.of(2026, 3, 5);

        assertProblem(teacher.mark(classId, day, TestPhotos.notAnImage()), 422, "UNSUPPORTED_IMAGE");
        ApiResponse corrupt = teacher.mark(classId, day, BadImages.truncated(classPhoto, 0.4));
        assertThat(corrupt.status()).as(corrupt.toString()).isEqualTo(422);
        assertThat(corrupt.code()).isIn("UNSUPPORTED_IMAGE", "NO_FACE");
        assertProblem(teacher.mark(classId, day, BadImages.hugePng(60_000, 60_000)), 413, "IMAGE_TOO_LARGE");
        assertProblem(teacher.mark(classId, day, Arrays.copyOf(classPhoto, 16 * 1024 * 1024)), 413, "IMAGE_TOO_LARGE");
        assertProblem(teacher.mark(classId, day, TestPhotos.noFace()), 422, "NO_FACE");
        // one bad photo refuses the whole request, even after a good one
        assertProblem(teacher.mark(classId, day, classPhoto, TestPhotos.notAnImage()), 422, "UNSUPPORTED_IMAGE");
        assertProblem(teacher.mark(classId, day), 400, "PHOTO_REQUIRED");
        byte[][] eleven = new byte[11][];
        Arrays.fill(eleven, TestPhotos.noFace());
        assertProblem(teacher.mark(classId, day, eleven), 400, "TOO_MANY_PHOTOS");
        assertProblem(
                teacher.mark(classId, LocalDate.now(ZoneId.of("UTC")).plusDays(2), classPhoto), 400, "DATE_IN_FUTURE");

        assertThat(jdbc.sql("SELECT count(*) FROM attendance WHERE class_id = :c")
                        .param("c", classId)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(count("class_photo")).isZero();
    }

    @Test
    void withoutADateAMarkLandsOnTodayInTheClassesTimezone() {
        UUID dhakaClass = teacher.createClass("10A Dhaka", "Asia/Dhaka");
        UUID student = teacher.enrolled(
                dhakaClass, "Window 0", "1", window.enrolmentPhotos().get(0));
        // 23:30 on the server (UTC) is 05:30 the next morning in Dhaka (UTC+6)
        clock.standAt(Instant.parse("2026-03-10T23:30:00Z"), ZoneId.of("UTC"));

        ApiResponse answer = check(teacher.mark(dhakaClass, null, classPhoto), 200);

        assertThat(answer.json().get("date").asString()).isEqualTo("2026-03-11");
        assertThat(jdbc.sql("SELECT date FROM attendance WHERE student_id = :s")
                        .param("s", student)
                        .query(LocalDate.class)
                        .single())
                .isEqualTo(LocalDate.of(2026, 3, 11));
        // ... while in a class on UTC that date has not come yet
        assertProblem(
                teacher.put("/api/classes/" + classId + "/attendance/2026-03-11/students/" + windowStudents.get(1)),
                400,
                "DATE_IN_FUTURE");
        check(teacher.put("/api/classes/" + classId + "/attendance/2026-03-10/students/" + windowStudents.get(1)), 200);
    }

    @Test
    void facesOfAnotherModelAreNeverComparedAndTheStudentIsAskedToReEnrol() {
        UUID stale = windowStudents.get(0);
        jdbc.sql("UPDATE face SET model_id = 'retired-model-v0' WHERE student_id = :s")
                .param("s", stale)
                .update();

        JsonNode student = check(teacher.get("/api/classes/" + classId + "/students/" + stale), 200)
                .json();
        assertThat(student.get("needsReEnrolment").asBoolean()).isTrue();
        assertThat(student.get("faces").get(0).get("current").asBoolean()).isFalse();
        assertThat(student.get("faces").get(0).get("modelId").asString()).isEqualTo("retired-model-v0");

        LocalDate day = LocalDate.of(2026, 3, 6);
        ApiResponse answer = check(teacher.mark(classId, day, classPhoto), 200);
        assertThat(studentsWithStatus(TestApi.list(answer.json().get("faces")), "MARKED"))
                .containsExactlyInAnyOrderElementsOf(windowStudents.subList(1, 3));
        assertThat(presentOn(day)).doesNotContain(stale);

        check(
                teacher.postMultipart(
                        "/api/classes/" + classId + "/students/" + stale + "/faces",
                        TestApi.markParts(null, window.enrolmentPhotos().get(WINDOW_ENROLLED[0]))),
                201);
        assertThat(check(teacher.get("/api/classes/" + classId + "/students/" + stale), 200)
                        .json()
                        .get("needsReEnrolment")
                        .asBoolean())
                .isFalse();
        assertThat(studentsWithStatus(
                        TestApi.list(check(teacher.mark(classId, day, classPhoto), 200)
                                .json()
                                .get("faces")),
                        "MARKED"))
                .containsExactly(stale);
    }

    @Test
    void classPhotosAreKeptOnlyWhenTheSettingAsksForItAndGoWithTheClass() {
        LocalDate day = LocalDate.of(2026, 3, 8);
        check(teacher.mark(classId, day, classPhoto), 200);
        assertThat(classPhotosOf(classId)).isZero(); // the default: processed in memory only

        new ClassPhotoArchive(jdbc, new AttendanceProperties(10, true, 366, 30, 72))
                .keep(classId, day, List.of(classPhoto), Instant.now());
        assertThat(classPhotosOf(classId)).isEqualTo(1);

        check(teacher.delete("/api/classes/" + classId), 204);
        assertThat(classPhotosOf(classId)).isZero();
    }

    private long classPhotosOf(UUID id) {
        return jdbc.sql("SELECT count(*) FROM class_photo WHERE class_id = :c")
                .param("c", id)
                .query(Long.class)
                .single();
    }

    @Test
    void deletingTheAccountErasesClassesStudentsFacesAndAttendance() {
        check(teacher.mark(classId, LocalDate.of(2026, 3, 7), classPhoto), 200);
        assertThat(facesOfClass()).isEqualTo(5);

        check(teacher.deleteJson("/api/account", Map.of("password", TestApi.PASSWORD)), 204);

        assertThat(facesOfClass()).isZero();
        for (String table : List.of("student", "attendance")) {
            assertThat(jdbc.sql("SELECT count(*) FROM " + table + " WHERE class_id = :c")
                            .param("c", classId)
                            .query(Long.class)
                            .single())
                    .as(table)
                    .isZero();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM school_class WHERE id = :c")
                        .param("c", classId)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private long facesOfClass() {
        List<UUID> students = new ArrayList<>(windowStudents);
        students.addAll(sofaStudents);
        return jdbc.sql("SELECT count(*) FROM face WHERE student_id IN (:ids)")
                .param("ids", students)
                .query(Long.class)
                .single();
    }

    @Test
    void manualCorrectionsAndHistoryAsJsonAndCsv() {
        String base = "/api/classes/" + classId;
        UUID w0 = windowStudents.get(0);
        UUID s0 = sofaStudents.get(0);
        check(teacher.mark(classId, LocalDate.of(2026, 2, 2), classPhoto), 200); // window students
        check(teacher.put(base + "/attendance/2026-02-03/students/" + s0), 200); // one by hand
        ApiResponse manual = check(teacher.put(base + "/attendance/2026-02-03/students/" + s0), 200); // idempotent
        assertThat(manual.json().get("source").asString()).isEqualTo("MANUAL");
        assertThat(manual.json().get("markedBy").asString()).isNotBlank();
        assertThat(manual.json().get("markedAt").asString()).isNotBlank();
        check(teacher.put(base + "/attendance/2026-02-03/students/" + w0), 200);
        check(teacher.delete(base + "/attendance/2026-02-03/students/" + w0), 204);
        check(teacher.delete(base + "/attendance/2026-02-03/students/" + w0), 204); // idempotent

        JsonNode matrix = check(teacher.get(base + "/attendance?from=2026-02-01&to=2026-02-28"), 200)
                .json();
        assertThat(TestApi.list(matrix.get("dates")).stream().map(JsonNode::asString))
                .containsExactly("2026-02-02", "2026-02-03");
        Map<String, JsonNode> rows = TestApi.list(matrix.get("students")).stream()
                .collect(Collectors.toMap(r -> r.get("student").get("id").asString(), r -> r));
        assertThat(rows).hasSize(5);
        assertThat(rows.get(w0.toString()).get("total").asInt()).isEqualTo(1);
        assertThat(rows.get(w0.toString()).get("percentage").asDouble()).isEqualTo(50.0);
        assertThat(rows.get(s0.toString()).get("present").get(1).asBoolean()).isTrue();
        assertThat(rows.get(sofaStudents.get(1).toString()).get("total").asInt())
                .isZero();
        assertThat(TestApi.list(matrix.get("presentPerDate")).stream().map(JsonNode::asInt))
                .containsExactly(3, 1);

        // a client that accepts anything (a browser address bar, curl) gets JSON
        assertThat(check(teacher.get(base + "/attendance?from=2026-02-01&to=2026-02-28", "*/*"), 200)
                        .contentType())
                .startsWith("application/json");
        ApiResponse csv = check(teacher.getCsv(base + "/attendance?from=2026-02-01&to=2026-02-28"), 200);
        assertThat(csv.contentType()).startsWith("text/csv");
        String[] lines = csv.body().replace("\uFEFF", "").split("\r\n");
        // every text cell is quoted (one cell even for readers that split on ';'), counts are bare numbers
        assertThat(lines[0])
                .isEqualTo(
                        "\"Roll no\",\"Name\",\"2026-02-02\",\"2026-02-03\",\"Days present\",\"School days\",\"Percentage\"");
        assertThat(lines)
                .containsExactly(
                        lines[0],
                        "\"S0\",\"Sofa 0\",\"A\",\"P\",1,2,\"50.0\"",
                        "\"S2\",\"Sofa 2\",\"A\",\"A\",0,2,\"0.0\"",
                        "\"W0\",\"Window 0\",\"P\",\"A\",1,2,\"50.0\"",
                        "\"W1\",\"Window 1\",\"P\",\"A\",1,2,\"50.0\"",
                        "\"W3\",\"Window 3\",\"P\",\"A\",1,2,\"50.0\"");

        JsonNode history = check(
                        teacher.get(base + "/students/" + s0 + "/attendance?from=2026-02-01&to=2026-02-28"), 200)
                .json();
        assertThat(history.get("total").asInt()).isEqualTo(1);
        assertThat(history.get("present").get(0).get("date").asString()).isEqualTo("2026-02-03");
        assertThat(history.get("present").get(0).get("source").asString()).isEqualTo("MANUAL");
        assertThat(TestApi.list(history.get("corrections")).stream()
                        .map(c -> c.get("action").asString()))
                .containsExactly("MARK"); // the second, idempotent PUT changed nothing and logged nothing
        JsonNode unmarked = check(
                        teacher.get(base + "/students/" + w0 + "/attendance?from=2026-02-01&to=2026-02-28"), 200)
                .json();
        List<JsonNode> corrections = TestApi.list(unmarked.get("corrections"));
        assertThat(corrections.stream().map(c -> c.get("action").asString())).containsExactly("MARK", "UNMARK");
        assertThat(corrections).allSatisfy(c -> {
            assertThat(c.get("date").asString()).isEqualTo("2026-02-03");
            assertThat(c.get("correctedBy").asString()).isNotBlank();
            assertThat(c.get("correctedAt").asString()).isNotBlank();
        });
        assertThat(unmarked.get("total").asInt()).isEqualTo(1); // 2026-02-02 from the photo; 02-03 was unmarked
        ApiResponse studentCsv =
                check(teacher.getCsv(base + "/students/" + w0 + "/attendance?from=2026-02-01&to=2026-02-28"), 200);
        assertThat(studentCsv.body()).contains("\"W0\",\"Window 0\",\"2026-02-02\",\"PHOTO\",");

        assertProblem(teacher.get(base + "/attendance?from=2026-03-01&to=2026-02-01"), 400, "INVALID_RANGE");
        assertProblem(teacher.get(base + "/attendance?from=2020-01-01&to=2026-02-01"), 400, "INVALID_RANGE");
        assertProblem(teacher.get(base + "/attendance?from=yesterday"), 400, "INVALID_PARAMETER");
    }

    private static double distance(JsonNode face, Point2D point) {
        JsonNode box = face.get("box");
        return point.distance(
                box.get("x").asDouble() + box.get("width").asDouble() / 2,
                box.get("y").asDouble() + box.get("height").asDouble() / 2);
    }

    private Set<UUID> presentOn(LocalDate day) {
        return new HashSet<>(jdbc.sql("SELECT student_id FROM attendance WHERE class_id = :c AND date = :d")
                .param("c", classId)
                .param("d", day)
                .query(UUID.class)
                .list());
    }

    private static Set<UUID> studentsWithStatus(List<JsonNode> faces, String status) {
        return faces.stream()
                .filter(f -> f.get("status").asString().equals(status))
                .map(f -> UUID.fromString(f.get("student").get("id").asString()))
                .collect(Collectors.toSet());
    }
}
