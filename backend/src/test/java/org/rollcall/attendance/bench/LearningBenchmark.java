package org.rollcall.attendance.bench;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rollcall.support.ApiResponse;
import org.rollcall.support.RollcallIntegrationTest;
import org.rollcall.support.TestApi;
import org.rollcall.support.TestPhotos;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The multi-day learning figures of issue 10 (a benchmark, not a test: its name keeps it out of the suite). Two
 * classes of the same lfw-dev people (those with 4 or 5 photos), each enrolled from one photo; then "days" of
 * composed class photos, each day every enrolled person once (another of their photos) among strangers. After each
 * day a simulated teacher, who knows the truth, corrects everything: every enrolled face left unknown is given to its
 * student, every face given to the wrong student is taken away. In the LEARNING class she gives faces with
 * {@code learn: true} (and confirms "different people" when the guard answers 409), in the OTHER class with
 * {@code learn: false}: same photos, same corrections, only the learning differs. Printed per day: faces correctly
 * marked by the engine, faces wrongly marked (must stay 0), missed, strangers taken for a student.
 * Needs the development faces (not in the repository):
 * {@code scripts/bench-learning.sh [/work/shared/faces] [days]}.
 */
@RollcallIntegrationTest
class LearningBenchmark {

    private static final int WIDTH = 1920;
    private static final int HEIGHT = 1080;
    private static final int COLUMNS = 6;
    private static final int ENROLLED_PER_PHOTO = 20;
    private static final int STRANGERS_PER_PHOTO = 10;
    private static final int PORTRAIT_PX = Integer.getInteger("rollcall.bench.portrait-px", 112);

    @Autowired
    TestApi api;

    private PrintStream out;

    /** What a day's photos did in one class, before the teacher's corrections. */
    private static final class Day {
        int enrolledFaces;
        int strangerFaces;
        int correct;
        int wrong;
        int missed;
        int strangersAccepted;
        int assigned;
        int rejected;
        int guardConfirmed;
        int learnedFaces;
    }

    @Test
    void figures() throws IOException {
        Path faces = Path.of(System.getProperty("rollcall.faces", "/work/shared/faces"));
        int days = Integer.getInteger("rollcall.bench.days", 3);
        LfwDev lfw = LfwDev.load(faces.resolve("lfw-dev"));
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        out = new PrintStream(
                new java.io.OutputStream() {
                    @Override
                    public void write(int b) {
                        System.out.write(b);
                        report.write(b);
                    }
                },
                true,
                StandardCharsets.UTF_8);
        out.printf(
                "learning benchmark: processors %d, load average at start %s%n",
                Runtime.getRuntime().availableProcessors(), loadAverage());

        // people with at least 4 photos: one to enrol, three or more for the days
        Map<String, List<Path>> people = new LinkedHashMap<>();
        lfw.identities().forEach((name, photos) -> {
            if (photos.size() >= 4) {
                people.put(name, photos);
            }
        });
        TestApi.Client teacher = api.client(api.newTeacher().token());
        UUID learning = teacher.createClass("bench-learning", "UTC");
        UUID other = teacher.createClass("bench-no-learning", "UTC");
        Map<String, Integer> enrolledWith = new LinkedHashMap<>();
        Map<String, UUID> idsLearning = new LinkedHashMap<>();
        Map<String, UUID> idsOther = new LinkedHashMap<>();
        int roll = 0;
        for (Map.Entry<String, List<Path>> person : people.entrySet()) {
            for (int i = 0; i < person.getValue().size() && !enrolledWith.containsKey(person.getKey()); i++) {
                byte[] photo =
                        AttendanceFigures.enrolmentPhoto(person.getValue().get(i));
                ApiResponse a = teacher.enrol(learning, person.getKey(), Integer.toString(++roll), photo);
                if (a.status() != 201) {
                    continue;
                }
                ApiResponse b =
                        TestApi.check(teacher.enrol(other, person.getKey(), Integer.toString(roll), photo), 201);
                enrolledWith.put(person.getKey(), i);
                idsLearning.put(
                        person.getKey(), UUID.fromString(a.json().get("id").asString()));
                idsOther.put(person.getKey(), UUID.fromString(b.json().get("id").asString()));
            }
        }
        out.printf(
                "enrolled %d of %d people with 4+ photos (one photo each), in both classes%n",
                enrolledWith.size(), people.size());

        int strangerIndex = 0;
        List<Day[]> results = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            List<String> names = new ArrayList<>(enrolledWith.keySet());
            Collections.shuffle(names, new Random(d));
            List<ClassroomPhoto> photos = new ArrayList<>();
            List<Set<String>> inPhotos = new ArrayList<>();
            for (int from = 0; from < names.size(); from += ENROLLED_PER_PHOTO) {
                List<String> seated = new ArrayList<>();
                List<BufferedImage> portraits = new ArrayList<>();
                Set<String> inPhoto = new HashSet<>();
                for (String name : names.subList(from, Math.min(names.size(), from + ENROLLED_PER_PHOTO))) {
                    List<Path> own = people.get(name);
                    List<Path> others = new ArrayList<>(own);
                    others.remove((int) enrolledWith.get(name));
                    seated.add(name);
                    inPhoto.add(name);
                    portraits.add(AttendanceFigures.portrait(others.get(d % others.size())));
                }
                for (int s = 0;
                        s < STRANGERS_PER_PHOTO
                                && strangerIndex < lfw.strangers().size();
                        s++) {
                    Path stranger = lfw.strangers().get(strangerIndex++);
                    seated.add(LfwDev.personOf(stranger));
                    portraits.add(AttendanceFigures.portrait(stranger));
                }
                List<Integer> order = new ArrayList<>();
                for (int i = 0; i < seated.size(); i++) {
                    order.add(i);
                }
                Collections.shuffle(order, new Random(1000L * d + from));
                photos.add(ClassroomPhoto.compose(
                        order.stream().map(seated::get).toList(),
                        order.stream().map(portraits::get).toList(),
                        WIDTH,
                        HEIGHT,
                        COLUMNS,
                        PORTRAIT_PX,
                        1000L * d + from));
                inPhotos.add(inPhoto);
            }
            LocalDate date = LocalDate.now().minusDays(100 - d);
            Day withLearning = day(teacher, learning, idsLearning, date, photos, inPhotos, true);
            Day without = day(teacher, other, idsOther, date, photos, inPhotos, false);
            results.add(new Day[] {withLearning, without});
            out.printf(
                    "day %d (%s): %d photos, %d enrolled faces + %d strangers%n",
                    d + 1, date, photos.size(), withLearning.enrolledFaces, withLearning.strangerFaces);
            print("  with learning   ", withLearning);
            print("  without learning", without);
        }
        out.println();
        out.println(
                "| day | correct with learning | correct without | wrong with / without | strangers accepted with / without | missed with / without |");
        out.println("|---|---|---|---|---|---|");
        for (int d = 0; d < results.size(); d++) {
            Day a = results.get(d)[0];
            Day b = results.get(d)[1];
            out.printf(
                    "| %d | %d of %d | %d of %d | %d / %d | %d / %d | %d / %d |%n",
                    d + 1,
                    a.correct,
                    a.enrolledFaces,
                    b.correct,
                    b.enrolledFaces,
                    a.wrong,
                    b.wrong,
                    a.strangersAccepted,
                    b.strangersAccepted,
                    a.missed,
                    b.missed);
        }
        out.printf("load average at the end: %s%n", loadAverage());
        Files.write(Path.of("target", "learning-benchmark.txt"), report.toByteArray());
    }

    private void print(String label, Day day) {
        out.printf(
                "%s: correctly marked %d, WRONG %d, missed %d, strangers taken for a student %d;"
                        + " teacher assigned %d (%d after confirming a look-alike), rejected %d; learned faces now %d%n",
                label,
                day.correct,
                day.wrong,
                day.missed,
                day.strangersAccepted,
                day.assigned,
                day.guardConfirmed,
                day.rejected,
                day.learnedFaces);
    }

    /** Marks the day's photos in one class, then corrects every face as a teacher who knows the truth would. */
    private Day day(
            TestApi.Client teacher,
            UUID classId,
            Map<String, UUID> ids,
            LocalDate date,
            List<ClassroomPhoto> photos,
            List<Set<String>> inPhotos,
            boolean learn) {
        Day day = new Day();
        String base = "/api/classes/" + classId;
        for (int p = 0; p < photos.size(); p++) {
            ClassroomPhoto photo = photos.get(p);
            Set<String> inPhoto = inPhotos.get(p);
            day.enrolledFaces += inPhoto.size();
            day.strangerFaces += photo.seats().size() - inPhoto.size();
            JsonNode marking = TestApi.check(teacher.mark(classId, date, TestPhotos.jpeg(photo.image(), 0.9f)), 200)
                    .json();
            String markingPath =
                    base + "/attendance/markings/" + marking.get("markingId").asString();
            Set<String> recognised = new HashSet<>();
            for (JsonNode face : TestApi.list(marking.get("faces"))) {
                JsonNode box = face.get("box");
                String truth = photo.personAt(
                        box.get("x").asDouble() + box.get("width").asDouble() / 2,
                        box.get("y").asDouble() + box.get("height").asDouble() / 2);
                JsonNode student = face.get("student");
                String given = student == null || student.isNull()
                        ? null
                        : student.get("name").asString();
                String facePath = markingPath + "/faces/" + face.get("faceId").asString();
                if (given != null && given.equals(truth)) {
                    day.correct++;
                    recognised.add(given);
                    continue;
                }
                if (given != null) {
                    if (truth != null && !inPhoto.contains(truth)) {
                        day.strangersAccepted++;
                    }
                    if (truth != null || !inPhoto.contains(given)) {
                        day.wrong++;
                        out.printf("  WRONG on %s: the face of %s given to %s%n", date, truth, given);
                        TestApi.check(teacher.delete(facePath), 200);
                        day.rejected++;
                    }
                }
                if (truth != null && inPhoto.contains(truth) && !recognised.contains(truth)) {
                    ApiResponse answer = teacher.putJson(facePath, Map.of("studentId", ids.get(truth), "learn", learn));
                    if (answer.status() == 409) {
                        // the teacher knows they are different people
                        answer = teacher.putJson(
                                facePath,
                                Map.of(
                                        "studentId",
                                        ids.get(truth),
                                        "learn",
                                        learn,
                                        "differentFrom",
                                        List.of(UUID.fromString(
                                                answer.json().get("studentId").asString()))));
                        day.guardConfirmed++;
                    }
                    TestApi.check(answer, 200);
                    day.assigned++;
                    recognised.add(truth);
                }
            }
            for (String person : inPhoto) {
                if (!recognised.contains(person)) {
                    day.missed++; // not even detected: the teacher marks them by hand
                }
            }
        }
        // correctness counts what the engine did before corrections; "missed" also counts faces the teacher gave
        day.missed += day.assigned;
        day.learnedFaces = ids.values().stream()
                .mapToInt(id -> (int)
                        TestApi.list(TestApi.check(teacher.get(base + "/students/" + id + "/faces"), 200)
                                        .json())
                                .stream()
                                .filter(f -> f.get("source").asString().equals("LEARNED"))
                                .count())
                .sum();
        return day;
    }

    private static String loadAverage() {
        Path proc = Path.of("/proc/loadavg");
        try {
            return Files.exists(proc) ? Files.readString(proc).strip() : "unknown";
        } catch (IOException e) {
            return "unknown";
        }
    }
}
