package org.rollcall.local;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.rollcall.support.ApiResponse;
import org.rollcall.support.RollcallIntegrationTest;
import org.rollcall.support.TestApi;
import org.rollcall.support.TestPhotos;
import org.rollcall.support.TestTeacher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 11's soak (a benchmark, not a test: its name keeps it out of the suite and it asserts nothing): mixed traffic
 * at a fixed rate for {@code rollcall.bench.minutes} (default 10) against the whole app in this JVM: roster reads,
 * account reads, markings by hand, a login and a photo marking now and then. Prints errors (anything but 2xx),
 * p50/p99 per kind, and heap after GC and RSS once a minute (flat = no leak). Run with
 * {@code scripts/bench-soak.sh}; the figures are also written to backend/target/soak-benchmark.txt.
 */
@RollcallIntegrationTest
class SoakBenchmark {

    @Autowired
    TestApi api;

    @Autowired
    JdbcClient jdbc;

    @Test
    void figures() throws Exception {
        int minutes = Integer.getInteger("rollcall.bench.minutes", 10);
        int perSecond = Integer.getInteger("rollcall.bench.rate", 40);
        TestTeacher teacher = api.newTeacher();
        UUID classId = api.client(teacher.token()).createClass("Soak", "UTC");
        List<UUID> students = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            UUID id = UUID.randomUUID();
            jdbc.sql("INSERT INTO student (id, class_id, name, roll_no) VALUES (:id, :c, :n, :r)")
                    .param("id", id)
                    .param("c", classId)
                    .param("n", "Student " + i)
                    .param("r", "R" + i)
                    .update();
            students.add(id);
        }
        byte[] classPhoto = TestPhotos.jpeg(TestPhotos.faceApiSample(1), 0.9f);

        Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
        Map<String, Integer> errors = new ConcurrentHashMap<>();
        AtomicInteger tick = new AtomicInteger();
        StringBuilder report = new StringBuilder();
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        var workers = Executors.newVirtualThreadPerTaskExecutor();
        line(
                report,
                "rate %d requests/s for %d min; processors %d",
                perSecond,
                minutes,
                Runtime.getRuntime().availableProcessors());
        memory(report, 0);
        clock.scheduleAtFixedRate(
                () -> {
                    int n = tick.getAndIncrement();
                    workers.submit(() -> call(latencies, errors, n, teacher, classId, students, classPhoto));
                },
                0,
                1_000_000 / perSecond,
                TimeUnit.MICROSECONDS);
        for (int minute = 1; minute <= minutes; minute++) {
            Thread.sleep(Duration.ofMinutes(1));
            memory(report, minute);
        }
        clock.shutdownNow();
        workers.shutdown();
        workers.awaitTermination(1, TimeUnit.MINUTES);
        line(report, "requests %d, errors %s", tick.get(), errors);
        latencies.forEach((kind, values) -> {
            List<Long> sorted = new ArrayList<>(values);
            Collections.sort(sorted);
            line(
                    report,
                    "%-8s n=%d p50 %d ms p99 %d ms max %d ms",
                    kind,
                    sorted.size(),
                    sorted.get(sorted.size() / 2),
                    sorted.get((int) (sorted.size() * 0.99)),
                    sorted.getLast());
        });
        System.out.println(report);
        Files.writeString(Path.of("target", "soak-benchmark.txt"), report, StandardCharsets.UTF_8);
    }

    private void call(
            Map<String, List<Long>> latencies,
            Map<String, Integer> errors,
            int n,
            TestTeacher teacher,
            UUID classId,
            List<UUID> students,
            byte[] classPhoto) {
        String kind;
        long started = System.nanoTime();
        ApiResponse answer;
        if (n % 200 == 0) {
            kind = "photo";
            answer = api.post("/api/classes/" + classId + "/attendance")
                    .as(teacher)
                    .multipart(TestApi.markParts(null, classPhoto))
                    .send();
        } else if (n % 2000 == 1) {
            kind = "login";
            answer = api.post("/api/auth/login")
                    .from(teacher.address())
                    .json(Map.of("email", teacher.email(), "password", teacher.password()))
                    .send();
        } else if (n % 4 == 0) {
            kind = "mark";
            LocalDate date = LocalDate.of(2025, 1, 1).plusDays(n / 4 % 300);
            answer = api.put("/api/classes/" + classId + "/attendance/" + date + "/students/"
                            + students.get(n % students.size()))
                    .as(teacher)
                    .send();
        } else if (n % 2 == 0) {
            kind = "account";
            answer = api.get("/api/account").as(teacher).send();
        } else {
            kind = "roster";
            answer =
                    api.get("/api/classes/" + classId + "/students").as(teacher).send();
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        latencies
                .computeIfAbsent(kind, k -> Collections.synchronizedList(new ArrayList<>()))
                .add(millis);
        if (answer.status() >= 300) {
            errors.merge(kind + " " + answer.status() + " " + answer.code(), 1, Integer::sum);
        }
    }

    private static void memory(StringBuilder report, int minute) throws Exception {
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
        String rss = Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(l -> l.startsWith("VmRSS"))
                .findFirst()
                .orElse("VmRSS: ?")
                .replaceAll("\\s+", " ");
        line(report, "minute %2d: heap after GC %d MB, %s", minute, heap, rss);
    }

    private static void line(StringBuilder report, String format, Object... args) {
        String text = format.formatted(args);
        System.out.println(text);
        synchronized (report) {
            report.append(text).append('\n');
        }
    }
}
