package org.rollcall.students;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.rollcall.support.ApiResponse;
import org.rollcall.support.RollcallIntegrationTest;
import org.rollcall.support.TestApi;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Issue 12 figures through HTTP with the real engine (a benchmark, kept out of the suite by its name): a 2 000-row
 * roster import (dry run, then written), and 40 photos enrolled in bulk — in one request, and in requests of 4 as the
 * page sends them — against the same 40 photos enrolled one at a time in the same run. Photos are the first photo of
 * the first 40 people of the development faces (/work/shared/faces/lfw-dev, not in the repository).
 * Run: {@code scripts/bench-roster.sh}; the figures are also written to backend/target/roster-benchmark.txt.
 */
@RollcallIntegrationTest
class RosterBenchmark {

    private static final int PHOTOS = 40;

    @Autowired
    private TestApi api;

    @Test
    void figures() throws IOException {
        Path root = Path.of(System.getProperty("rollcall.faces", "/work/shared/faces"))
                .resolve("lfw-dev");
        List<byte[]> photos = new ArrayList<>();
        for (String line : Files.readAllLines(root.resolve("identities.txt"))) {
            if (!line.isBlank() && photos.size() < PHOTOS) {
                photos.add(Files.readAllBytes(root.resolve("images").resolve(line.split("\t")[1])));
            }
        }
        TestApi.Client teacher = api.client(api.newTeacher().token());
        List<String> out = new ArrayList<>();
        out.add(String.format(
                "load average at start: %.2f, %d cores",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors()));

        // the roster: 2 000 rows
        UUID big = teacher.createClass("Big school", "UTC");
        StringBuilder csv = new StringBuilder("Roll number;Name;Email\n");
        for (int i = 1; i <= 2000; i++) {
            csv.append("S-")
                    .append(i)
                    .append(";Student ")
                    .append(i)
                    .append(";s")
                    .append(i)
                    .append("@example.test\n");
        }
        byte[] roster = csv.toString().getBytes(StandardCharsets.UTF_8);
        long t0 = System.nanoTime();
        TestApi.check(RosterUploads.importRoster(teacher, big, roster, "roster.csv", true), 200);
        long t1 = System.nanoTime();
        TestApi.check(RosterUploads.importRoster(teacher, big, roster, "roster.csv", false), 200);
        long t2 = System.nanoTime();
        out.add(String.format(
                "roster import, 2000 rows (CSV, %d KB): dry run %d ms, written %d ms",
                roster.length / 1024, ms(t1 - t0), ms(t2 - t1)));

        // warm-up: a few single enrolments in a class of its own
        UUID warm = classWith(teacher, "Warm-up", 3);
        for (int i = 0; i < 3; i++) {
            RosterUploads.uploadPhotos(teacher, warm, Map.of(roll(i) + ".jpg", photos.get(PHOTOS - 1 - i)));
        }

        // one at a time, as the single enrolment page does (POST …/students with the student and the photo)
        UUID single = teacher.createClass("Single", "UTC");
        long[] each = new long[PHOTOS];
        int singleEnrolled = 0;
        for (int i = 0; i < PHOTOS; i++) {
            long s = System.nanoTime();
            ApiResponse answer = teacher.enrol(single, "Student " + i, roll(i), photos.get(i));
            each[i] = System.nanoTime() - s;
            singleEnrolled += answer.status() == 201 ? 1 : 0;
        }
        long singleTotal = Arrays.stream(each).sum();
        long[] sorted = each.clone();
        Arrays.sort(sorted);
        out.add(String.format(
                "single enrolment, %d photos one request each: %d enrolled, total %.2f s, mean %d ms,"
                        + " p50 %d ms per photo",
                PHOTOS, singleEnrolled, singleTotal / 1e9, ms(singleTotal / PHOTOS), ms(sorted[PHOTOS / 2])));

        // bulk, one request of 40
        UUID bulk = classWith(teacher, "Bulk", PHOTOS);
        Map<String, byte[]> all = new TreeMap<>();
        for (int i = 0; i < PHOTOS; i++) {
            all.put(roll(i) + ".jpg", photos.get(i));
        }
        long b0 = System.nanoTime();
        JsonNode results = TestApi.check(RosterUploads.uploadPhotos(teacher, bulk, all), 200)
                .json()
                .get("results");
        long b1 = System.nanoTime();
        out.add(String.format(
                "bulk enrolment, %d photos in one request: %s, %.2f s, %d ms per photo",
                PHOTOS, statuses(results), (b1 - b0) / 1e9, ms((b1 - b0) / PHOTOS)));

        // bulk as the page sends it: requests of 4
        UUID paged = classWith(teacher, "Bulk paged", PHOTOS);
        List<String> names = new ArrayList<>(all.keySet());
        List<JsonNode> pagedResults = new ArrayList<>();
        long p0 = System.nanoTime();
        for (int i = 0; i < PHOTOS; i += 4) {
            Map<String, byte[]> batch = names.subList(i, Math.min(PHOTOS, i + 4)).stream()
                    .collect(Collectors.toMap(Function.identity(), all::get));
            TestApi.check(RosterUploads.uploadPhotos(teacher, paged, batch), 200)
                    .json()
                    .get("results")
                    .forEach(pagedResults::add);
        }
        long p1 = System.nanoTime();
        out.add(String.format(
                "bulk enrolment, %d photos in requests of 4 (the page): %s, %.2f s, %d ms per photo",
                PHOTOS, statuses(pagedResults), (p1 - p0) / 1e9, ms((p1 - p0) / PHOTOS)));

        // the same folder again: every photo is skipped by its hash
        long r0 = System.nanoTime();
        JsonNode rerun = TestApi.check(RosterUploads.uploadPhotos(teacher, bulk, all), 200)
                .json()
                .get("results");
        long r1 = System.nanoTime();
        out.add(String.format("re-run of the same 40 photos: %s, %.2f s", statuses(rerun), (r1 - r0) / 1e9));

        String text = String.join("\n", out) + "\n";
        System.out.print(text);
        Files.writeString(Path.of("target", "roster-benchmark.txt"), text);
    }

    private static String statuses(Iterable<JsonNode> results) {
        Map<String, Integer> counts = new TreeMap<>();
        results.forEach(r -> counts.merge(r.get("status").asString(), 1, Integer::sum));
        return counts.toString();
    }

    private UUID classWith(TestApi.Client teacher, String name, int students) {
        UUID classId = teacher.createClass(name, "UTC");
        StringBuilder csv = new StringBuilder("Roll,Name\n");
        for (int i = 0; i < students; i++) {
            csv.append(roll(i)).append(",Student ").append(i).append('\n');
        }
        RosterUploads.imported(teacher, classId, csv.toString());
        return classId;
    }

    private static String roll(int i) {
        return String.format("B-%02d", i + 1);
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
