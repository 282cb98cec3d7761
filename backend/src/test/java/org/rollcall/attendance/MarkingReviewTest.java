package org.rollcall.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rollcall.support.TestApi.check;

import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rollcall.face.FaceEngine;
import org.rollcall.support.ApiResponse;
import org.rollcall.support.IntegrationTestSupport;
import org.rollcall.support.SampleClass;
import org.rollcall.support.TestApi;
import org.rollcall.support.TestPhotos;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The review loop against the real database, Redis and engine: the faces of a marking are kept with candidates, the
 * teacher gives an unknown face to a student (who then is recognised from the next photo), takes a wrong one away,
 * and a manual unmark is not undone by the next photo. Three of the four people of sample6 are enrolled; the fourth
 * ("Penny") has no photo and is learned from the class photo.
 */
class MarkingReviewTest extends IntegrationTestSupport {

    private static final int[] ENROLLED = {0, 1, 3};
    private static final int PENNY = 2;
    private static final int HEIGHT = 1080;

    @Autowired
    private FaceEngine engine;

    @Autowired
    private MarkingCleanup cleanup;

    private static SampleClass window;
    private static byte[] classPhoto; // another shot of sample6 beside sample4 (strangers)
    private static byte[] secondShot; // yet another shot of sample6 alone
    private static List<Point2D> seats; // where the sample6 people sit in classPhoto

    private TestApi.Client teacher;
    private UUID classId;
    private String base;
    private final List<UUID> enrolled = new ArrayList<>();
    private UUID sofa;

    @BeforeEach
    void enrol() {
        if (window == null) {
            window = SampleClass.of(engine, 6, 4);
            BufferedImage shot = TestPhotos.anotherShot(window.photo(), 0.7, 3, 0.8f);
            double toComposite = HEIGHT / (double) shot.getHeight();
            classPhoto = TestPhotos.jpeg(TestPhotos.sideBySide(HEIGHT, shot, TestPhotos.faceApiSample(4)), 0.8f);
            AffineTransform seat = TestPhotos.anotherShotTransform(window.photo(), 0.7, 3);
            seat.preConcatenate(AffineTransform.getScaleInstance(toComposite, toComposite));
            seats = window.boxes().stream()
                    .map(b -> seat.transform(new Point2D.Double(b.x() + b.width() / 2, b.y() + b.height() / 2), null))
                    .toList();
            secondShot = TestPhotos.jpeg(TestPhotos.anotherShot(window.photo(), 0.6, -2, 1.0f), 0.85f);
        }
        teacher = newTeacher();
        classId = teacher.createClass("Review", "UTC");
        base = "/api/classes/" + classId;
        for (int i : ENROLLED) {
            enrolled.add(teacher.enrolled(
                    classId, "Window " + i, "W" + i, window.enrolmentPhotos().get(i)));
        }
        sofa = teacher.enrolled(
                classId,
                "Sofa 0",
                "S0",
                SampleClass.of(engine, 3, 3).enrolmentPhotos().get(0));
    }

    @Test
    void aMarkingKeepsItsFacesWithCandidatesAndIsReadBackAsItStands() {
        LocalDate day = LocalDate.of(2026, 4, 1);
        long photosBefore = count("class_photo");

        JsonNode marking = check(teacher.mark(classId, day, classPhoto), 200).json();

        UUID markingId = UUID.fromString(marking.get("markingId").asString());
        List<JsonNode> faces = TestApi.list(marking.get("faces"));
        assertThat(faces).allSatisfy(f -> assertThat(f.get("faceId").asString()).isNotBlank());
        assertThat(faces.stream().map(f -> f.get("faceId").asString()).distinct())
                .hasSize(faces.size());
        assertThat(marking.get("marked").asInt()).isEqualTo(3);
        JsonNode penny = nearest(faces, seats.get(PENNY));
        assertThat(penny.get("status").asString()).isEqualTo("UNKNOWN");
        assertThat(penny.get("candidates").size()).isBetween(1, 3);
        List<Double> scores = TestApi.list(penny.get("candidates")).stream()
                .map(c -> c.get("score").asDouble())
                .toList();
        assertThat(scores).isSortedAccordingTo(Comparator.reverseOrder());
        JsonNode marked = nearest(faces, seats.get(0));
        assertThat(marked.get("status").asString()).isEqualTo("MARKED");
        assertThat(marked.get("candidates").get(0).get("student").get("id").asString())
                .isEqualTo(enrolled.get(0).toString());
        // the faces are kept (embedding, crop, thumbnail), the photo is not
        assertThat(count("marking_face WHERE marking_id = '" + markingId + "' AND thumbnail IS NOT NULL"))
                .isEqualTo(faces.size());
        // the lossless crops are stored just after the answer
        eventually(() -> assertThat(count("marking_face WHERE marking_id = '" + markingId + "' AND crop IS NOT NULL"))
                .isEqualTo(faces.size()));
        assertThat(count("class_photo")).isEqualTo(photosBefore);
        assertThat(check(
                                teacher.getImage(base + "/attendance/markings/" + markingId + "/faces/"
                                        + penny.get("faceId").asString() + "/thumbnail"),
                                200)
                        .contentType())
                .startsWith("image/jpeg");

        JsonNode again = check(teacher.get(base + "/attendance/markings/" + markingId), 200)
                .json();
        assertThat(again.get("faces").size()).isEqualTo(faces.size());
        assertThat(again.get("marked").asInt()).isEqualTo(3);
        assertThat(again.get("reviewUntil").asString()).isNotBlank();
        JsonNode ofDay = check(teacher.get(base + "/attendance/markings?date=" + day), 200)
                .json();
        assertThat(ofDay.size()).isEqualTo(1);
        assertThat(ofDay.get(0).get("markingId").asString()).isEqualTo(markingId.toString());
        assertThat(check(teacher.get(base + "/attendance/markings?date=2026-04-02"), 200)
                        .json()
                        .size())
                .isZero();
    }

    @Test
    void aStudentWithNoPhotoIsGivenAFaceFromTheClassPhotoAndRecognisedNextTime() {
        LocalDate day = LocalDate.of(2026, 4, 6);
        ApiResponse created =
                check(teacher.postJson(base + "/students", Map.of("name", "Penny Lane", "rollNo", "P1")), 201);
        assertThat(created.json().get("faces").size()).isZero();
        assertThat(created.json().get("needsReEnrolment").asBoolean()).isTrue();
        UUID penny = UUID.fromString(created.json().get("id").asString());
        JsonNode marking = check(teacher.mark(classId, day, classPhoto), 200).json();
        JsonNode face = nearest(TestApi.list(marking.get("faces")), seats.get(PENNY));
        String facePath =
                base + "/attendance/markings/" + marking.get("markingId").asString() + "/faces/"
                        + face.get("faceId").asString();

        JsonNode assigned = check(teacher.putJson(facePath, Map.of("studentId", penny)), 200)
                .json();

        assertThat(assigned.get("status").asString()).isEqualTo("MARKED");
        assertThat(assigned.get("correction").asString()).isEqualTo("ASSIGNED");
        assertThat(assigned.get("learned").asBoolean()).isTrue();
        assertThat(assigned.get("student").get("id").asString()).isEqualTo(penny.toString());
        assertThat(jdbc.sql("SELECT source FROM attendance WHERE student_id = :s AND date = :d")
                        .param("s", penny)
                        .param("d", day)
                        .query(String.class)
                        .single())
                .isEqualTo("MANUAL");
        JsonNode history = check(
                        teacher.get(base + "/students/" + penny + "/attendance?from=" + day + "&to=" + day), 200)
                .json();
        assertThat(history.get("corrections").get(0).get("action").asString()).isEqualTo("MARK");
        List<JsonNode> faces = TestApi.list(
                check(teacher.get(base + "/students/" + penny + "/faces"), 200).json());
        assertThat(faces).hasSize(1);
        assertThat(faces.get(0).get("source").asString()).isEqualTo("LEARNED");
        assertThat(faces.get(0).get("markingId").asString())
                .isEqualTo(marking.get("markingId").asString());
        assertThat(faces.get(0).get("learnedDate").asString()).isEqualTo(day.toString());
        eventually(() -> assertThat(count("face WHERE student_id = '" + penny + "' AND crop IS NOT NULL"))
                .isEqualTo(1));
        // idempotent: the same correction again changes nothing
        check(teacher.putJson(facePath, Map.of("studentId", penny)), 200);
        assertThat(count("face WHERE student_id = '" + penny + "'")).isEqualTo(1);

        // the next photo recognises her from the learned face
        JsonNode next =
                check(teacher.mark(classId, day.plusDays(1), secondShot), 200).json();
        assertThat(studentsMarked(next)).contains(penny);
        // the enrolment duplicate check knows learned faces too
        ApiResponse duplicate = teacher.enrol(
                classId, "Penny Again", "P2", window.enrolmentPhotos().get(PENNY));
        assertProblem(duplicate, 422, "ALREADY_ENROLLED_AS");
        assertThat(duplicate.json().get("studentId").asString()).isEqualTo(penny.toString());

        // a learned face can be removed like an enrolment face; deleting the student erases the rest
        check(
                teacher.delete(base + "/students/" + penny + "/faces/"
                        + faces.get(0).get("id").asString()),
                204);
        assertThat(check(teacher.get(base + "/students/" + penny + "/faces"), 200)
                        .json()
                        .size())
                .isZero();
    }

    @Test
    void aFaceMarkedBeforeTheRecognisersChangedIsEmbeddedAgainFromItsCropToBeLearned() {
        JsonNode marking = check(teacher.mark(classId, LocalDate.of(2026, 4, 7), classPhoto), 200)
                .json();
        JsonNode face = nearest(TestApi.list(marking.get("faces")), seats.get(PENNY));
        UUID faceId = UUID.fromString(face.get("faceId").asString());
        eventually(() -> assertThat(count("marking_face WHERE id = '" + faceId + "' AND crop IS NOT NULL"))
                .isOne());
        float[] original = jdbc.sql("SELECT embedding FROM marking_face WHERE id = :id")
                .param("id", faceId)
                .query((rs, row) -> floats(rs.getArray(1)))
                .single();
        // as if the engine had been another one when the photo was marked
        jdbc.sql("UPDATE marking_face SET model_id = 'an-older-model', embedding = '{1,0,0}' WHERE id = :id")
                .param("id", faceId)
                .update();
        UUID penny = check(teacher.postJson(base + "/students", Map.of("name", "Penny Lane", "rollNo", "P1")), 201)
                .json()
                .get("id")
                .asString()
                .transform(UUID::fromString);

        check(
                teacher.putJson(
                        base + "/attendance/markings/"
                                + marking.get("markingId").asString() + "/faces/" + faceId,
                        Map.of("studentId", penny)),
                200);

        Map<String, Object> learned = jdbc.sql("SELECT model_id, embedding FROM face WHERE student_id = :s")
                .param("s", penny)
                .query()
                .singleRow();
        assertThat(learned.get("model_id")).isEqualTo(engine.modelId());
        float[] again = jdbc.sql("SELECT embedding FROM face WHERE student_id = :s")
                .param("s", penny)
                .query((rs, row) -> floats(rs.getArray(1)))
                .single();
        assertThat(again).hasSize(original.length);
        assertThat(engine.score(again, original)).isGreaterThan(engine.score(original, original) * 0.9f);
    }

    private static float[] floats(java.sql.Array array) throws java.sql.SQLException {
        Object[] boxed = (Object[]) array.getArray();
        float[] values = new float[boxed.length];
        for (int i = 0; i < boxed.length; i++) {
            values[i] = ((Number) boxed[i]).floatValue();
        }
        return values;
    }

    @Test
    void notThisStudentRemovesTheMarkAndAManualAbsenceSurvivesTheNextPhoto() {
        LocalDate day = LocalDate.of(2026, 4, 8);
        JsonNode marking = check(teacher.mark(classId, day, classPhoto), 200).json();
        String markingPath =
                base + "/attendance/markings/" + marking.get("markingId").asString();
        JsonNode w0Face = nearest(TestApi.list(marking.get("faces")), seats.get(0));
        UUID w0 = enrolled.get(0);
        UUID w1 = enrolled.get(1);

        JsonNode rejected = check(
                        teacher.delete(
                                markingPath + "/faces/" + w0Face.get("faceId").asString()),
                        200)
                .json();

        assertThat(rejected.get("status").asString()).isEqualTo("UNKNOWN");
        assertThat(rejected.get("correction").asString()).isEqualTo("REJECTED");
        assertThat(rejected.get("student").isNull()).isTrue();
        assertThat(presentOn(day)).doesNotContain(w0).contains(w1);
        JsonNode current = check(teacher.get(markingPath), 200).json();
        assertThat(current.get("marked").asInt()).isEqualTo(2);

        // Window 1 unmarked by hand: the next photo of the day recognises but does not write him
        check(teacher.delete(base + "/attendance/" + day + "/students/" + w1), 204);
        JsonNode later = check(teacher.mark(classId, day, secondShot), 200).json();
        List<JsonNode> laterFaces = TestApi.list(later.get("faces"));
        JsonNode kept = laterFaces.stream()
                .filter(f -> !f.get("student").isNull()
                        && f.get("student").get("id").asString().equals(w1.toString()))
                .findFirst()
                .orElseThrow();
        assertThat(kept.get("status").asString()).isEqualTo("KEPT_ABSENT");
        assertThat(later.get("keptAbsent").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(presentOn(day)).doesNotContain(w1);
        // the earlier marking shows Window 1 kept absent now too
        assertThat(check(teacher.get(markingPath), 200)
                        .json()
                        .get("faces")
                        .valueStream()
                        .filter(f -> f.get("faceId")
                                .asString()
                                .equals(nearest(TestApi.list(marking.get("faces")), seats.get(1))
                                        .get("faceId")
                                        .asString()))
                        .findFirst()
                        .orElseThrow()
                        .get("status")
                        .asString())
                .isEqualTo("KEPT_ABSENT");

        // "mark present anyway"
        String keptPath =
                base + "/attendance/markings/" + later.get("markingId").asString() + "/faces/"
                        + kept.get("faceId").asString();
        JsonNode anyway = check(teacher.putJson(keptPath, Map.of("studentId", w1, "learn", false)), 200)
                .json();
        assertThat(anyway.get("status").asString()).isEqualTo("MARKED");
        assertThat(anyway.get("learned").asBoolean()).isFalse();
        assertThat(presentOn(day)).contains(w1);
    }

    @Test
    void aFaceThatLooksMoreLikeAnotherStudentIsNotLearnedUnlessTheTeacherSaysTheyDiffer() {
        LocalDate day = LocalDate.of(2026, 4, 13);
        JsonNode marking = check(teacher.mark(classId, day, classPhoto), 200).json();
        JsonNode w0Face = nearest(TestApi.list(marking.get("faces")), seats.get(0));
        String facePath =
                base + "/attendance/markings/" + marking.get("markingId").asString() + "/faces/"
                        + w0Face.get("faceId").asString();
        UUID w0 = enrolled.get(0);
        long faces = count("face");

        ApiResponse refused = teacher.putJson(facePath, Map.of("studentId", sofa));

        assertProblem(refused, 409, "FACE_MATCHES_OTHER_STUDENT");
        assertThat(refused.json().get("studentId").asString()).isEqualTo(w0.toString());
        assertThat(refused.json().get("detail").asString())
                .contains("Window 0")
                .contains("than like Sofa 0")
                .doesNotContain("0.9");
        assertThat(presentOn(day)).contains(w0).doesNotContain(sofa);
        assertThat(count("face")).isEqualTo(faces);

        JsonNode given = check(teacher.putJson(facePath, Map.of("studentId", sofa, "differentFrom", List.of(w0))), 200)
                .json();
        assertThat(given.get("student").get("id").asString()).isEqualTo(sofa.toString());
        assertThat(given.get("learned").asBoolean()).isTrue();
        // the face's earlier mark (Window 0) is removed: it was this face that made it
        assertThat(presentOn(day)).contains(sofa).doesNotContain(w0);
        assertProblem(
                teacher.putJson(facePath, Map.of("studentId", sofa, "differentFrom", List.of(sofa))),
                400,
                "DIFFERENT_FROM_NOT_IN_CLASS");
        assertProblem(teacher.putJson(facePath, Map.of("studentId", UUID.randomUUID())), 404, "STUDENT_NOT_FOUND");
        assertProblem(teacher.putJson(facePath, Map.of("learn", true)), 400, "VALIDATION_FAILED");
    }

    @Test
    void concurrentCorrectionsOfOneMarkingLeaveOneConsistentAnswer() throws Exception {
        LocalDate day = LocalDate.of(2026, 4, 15);
        UUID a = check(teacher.postJson(base + "/students", Map.of("name", "Alpha", "rollNo", "A1")), 201)
                .json()
                .get("id")
                .asString()
                .transform(UUID::fromString);
        UUID b = check(teacher.postJson(base + "/students", Map.of("name", "Beta", "rollNo", "B1")), 201)
                .json()
                .get("id")
                .asString()
                .transform(UUID::fromString);
        JsonNode marking = check(teacher.mark(classId, day, classPhoto), 200).json();
        String markingPath =
                base + "/attendance/markings/" + marking.get("markingId").asString();
        List<JsonNode> unknown = TestApi.list(marking.get("faces")).stream()
                .filter(f -> f.get("status").asString().equals("UNKNOWN"))
                .toList();
        assertThat(unknown.size()).isGreaterThanOrEqualTo(3);
        String contested =
                markingPath + "/faces/" + unknown.get(0).get("faceId").asString();

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                UUID who = i % 2 == 0 ? a : b;
                calls.add(() -> {
                    start.await();
                    return teacher.putJson(contested, Map.of("studentId", who, "learn", false))
                            .status();
                });
            }
            calls.add(() -> {
                start.await();
                return teacher.delete(markingPath + "/faces/"
                                + unknown.get(1).get("faceId").asString())
                        .status();
            });
            List<Future<Integer>> results = new ArrayList<>();
            for (Callable<Integer> call : calls) {
                results.add(pool.submit(call));
            }
            start.countDown();
            for (Future<Integer> result : results) {
                assertThat(result.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }

        JsonNode after = check(teacher.get(markingPath), 200).json();
        JsonNode face = after.get("faces")
                .valueStream()
                .filter(f -> f.get("faceId")
                        .asString()
                        .equals(unknown.get(0).get("faceId").asString()))
                .findFirst()
                .orElseThrow();
        UUID winner = UUID.fromString(face.get("student").get("id").asString());
        UUID loser = winner.equals(a) ? b : a;
        // whoever came last has the face and the presence; the other's mark was taken back with it
        assertThat(presentOn(day)).contains(winner).doesNotContain(loser);
        assertThat(jdbc.sql("SELECT count(*) FROM marking_face WHERE wrote_presence AND student_id IN (:a, :b)")
                        .param("a", a)
                        .param("b", b)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void afterTheReviewWindowCorrectionsAreGoneAndTheFacesDeleted() {
        Instant now = Instant.parse("2026-04-20T08:00:00Z");
        clock.standAt(now, ZoneOffset.UTC);
        JsonNode marking = check(teacher.mark(classId, LocalDate.of(2026, 4, 20), classPhoto), 200)
                .json();
        String markingPath =
                base + "/attendance/markings/" + marking.get("markingId").asString();
        String facePath = markingPath + "/faces/"
                + marking.get("faces").get(0).get("faceId").asString();

        clock.standAt(now.plus(Duration.ofHours(71)), ZoneOffset.UTC);
        cleanup.deleteClosed();
        check(teacher.get(markingPath), 200);

        clock.standAt(now.plus(Duration.ofHours(72)), ZoneOffset.UTC);
        assertProblem(teacher.putJson(facePath, Map.of("studentId", sofa)), 410, "MARKING_CLOSED");
        assertProblem(teacher.delete(facePath), 410, "MARKING_CLOSED");
        assertProblem(teacher.get(markingPath), 410, "MARKING_CLOSED");
        assertThat(teacher.get(markingPath).json().get("detail").asString()).contains("72 hours");
        cleanup.deleteClosed();
        assertThat(jdbc.sql("SELECT count(*) FROM marking_face WHERE marking_id = :m")
                        .param("m", UUID.fromString(marking.get("markingId").asString()))
                        .query(Long.class)
                        .single())
                .isZero();
        assertProblem(teacher.get(markingPath), 410, "MARKING_CLOSED");
        assertThat(check(teacher.get(base + "/attendance/markings?date=2026-04-20"), 200)
                        .json()
                        .size())
                .isZero();
    }

    @Test
    void anotherTeachersMarkingIsNotFound() {
        JsonNode marking = check(teacher.mark(classId, LocalDate.of(2026, 4, 22), classPhoto), 200)
                .json();
        String markingPath =
                base + "/attendance/markings/" + marking.get("markingId").asString();
        String facePath = markingPath + "/faces/"
                + marking.get("faces").get(0).get("faceId").asString();
        TestApi.Client other = newTeacher();
        UUID otherClass = other.createClass("Other", "UTC");
        UUID otherStudent = check(
                        other.postJson(
                                "/api/classes/" + otherClass + "/students", Map.of("name", "Olga", "rollNo", "1")),
                        201)
                .json()
                .get("id")
                .asString()
                .transform(UUID::fromString);
        String theirPath = "/api/classes/" + otherClass + "/attendance/markings/"
                + marking.get("markingId").asString();

        assertProblem(other.get(markingPath), 404, "CLASS_NOT_FOUND");
        assertProblem(other.delete(facePath), 404, "CLASS_NOT_FOUND");
        assertProblem(other.get(theirPath), 404, "MARKING_NOT_FOUND");
        assertProblem(
                other.putJson(
                        theirPath + "/faces/"
                                + marking.get("faces").get(0).get("faceId").asString(),
                        Map.of("studentId", otherStudent)),
                404,
                "MARKING_NOT_FOUND");
        assertProblem(teacher.putJson(facePath, Map.of("studentId", otherStudent)), 404, "STUDENT_NOT_FOUND");
        assertProblem(teacher.delete(markingPath + "/faces/" + UUID.randomUUID()), 404, "FACE_NOT_FOUND");
    }

    @Test
    void learnedFacesPerStudentAreCappedKeepingTheMostDiverse() {
        UUID keeper = check(teacher.postJson(base + "/students", Map.of("name", "Keeper", "rollNo", "K1")), 201)
                .json()
                .get("id")
                .asString()
                .transform(UUID::fromString);
        // the same scene marked on 6 days: each stranger face comes back (nearly) identical every time, so once over
        // the cap the newest copies are the redundant ones
        int learned = 0;
        for (int d = 0; d < 6 && learned < 24; d++) {
            JsonNode marking = check(teacher.mark(classId, LocalDate.of(2026, 5, 4 + d), classPhoto), 200)
                    .json();
            for (JsonNode face : TestApi.list(marking.get("faces"))) {
                // the strangers' faces: unknown at first, then recognised as Keeper once learned
                if (face.get("box").get("x").asDouble()
                        > seats.stream().mapToDouble(Point2D::getX).max().orElseThrow() + 100) {
                    ApiResponse answer = teacher.putJson(
                            base + "/attendance/markings/"
                                    + marking.get("markingId").asString() + "/faces/"
                                    + face.get("faceId").asString(),
                            Map.of("studentId", keeper, "differentFrom", enrolledAndSofa()));
                    check(answer, 200);
                    learned++;
                }
            }
        }
        assertThat(learned).isGreaterThan(20);
        assertThat(jdbc.sql("SELECT count(*) FROM face WHERE student_id = :s AND source = 'LEARNED'")
                        .param("s", keeper)
                        .query(Long.class)
                        .single())
                .isEqualTo(20);
    }

    /** Retries the assertion for up to 20 s (for what the app finishes just after answering). */
    private static void eventually(Runnable assertion) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            try {
                assertion.run();
                return;
            } catch (AssertionError e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private List<UUID> enrolledAndSofa() {
        List<UUID> all = new ArrayList<>(enrolled);
        all.add(sofa);
        return all;
    }

    private static JsonNode nearest(List<JsonNode> faces, Point2D seat) {
        return faces.stream()
                .min(Comparator.comparingDouble(f -> distance(f, seat)))
                .orElseThrow();
    }

    private static double distance(JsonNode face, Point2D point) {
        JsonNode box = face.get("box");
        return point.distance(
                box.get("x").asDouble() + box.get("width").asDouble() / 2,
                box.get("y").asDouble() + box.get("height").asDouble() / 2);
    }

    private static Set<UUID> studentsMarked(JsonNode marking) {
        Set<UUID> ids = new HashSet<>();
        marking.get("faces")
                .valueStream()
                .filter(f -> f.get("status").asString().equals("MARKED"))
                .forEach(f -> ids.add(UUID.fromString(f.get("student").get("id").asString())));
        return ids;
    }

    private Set<UUID> presentOn(LocalDate day) {
        return new HashSet<>(jdbc.sql("SELECT student_id FROM attendance WHERE class_id = :c AND date = :d")
                .param("c", classId)
                .param("d", day)
                .query(UUID.class)
                .list());
    }
}
