package org.rollcall.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollcall.support.ApiResponse;
import org.rollcall.support.AppInstance;
import org.rollcall.support.TestApi;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 11's fault suite, on local mode's real processes: while logins, roster reads and markings run, the embedded
 * Redis and then PostgreSQL are killed (SIGKILL). Calls answer 503 while a service is down, never 500 and never 200
 * unchecked; service comes back by itself within 30 s; every marking acknowledged with a 2xx is in the database.
 */
class FaultSuiteTest {

    private static final Pattern CODE = Pattern.compile("Code: (\\d{6})");
    private static final Duration RECOVERY = Duration.ofSeconds(30);

    @TempDir
    Path dataDir;

    @Test
    void killingRedisThenPostgresDuringMixedTrafficLosesNothingAcknowledged() throws Exception {
        try (AppInstance app = AppInstance.start(
                Map.of("rollcall.local.data-dir", dataDir.toString(), "rollcall.local.check-every", "300ms"))) {
            TestApi api = app.api();
            String email = TestApi.uniqueEmail();
            String address = TestApi.randomAddress();
            assertThat(api.post("/api/auth/email-otp")
                            .json(Map.of("email", email))
                            .send()
                            .status())
                    .isEqualTo(202);
            assertThat(api.post("/api/auth/email-verification")
                            .json(Map.of("email", email, "code", awaitOutboxCode(email)))
                            .send()
                            .status())
                    .isEqualTo(204);
            assertThat(api.post("/api/auth/register")
                            .json(Map.of("email", email, "password", TestApi.PASSWORD, "displayName", "Faults"))
                            .send()
                            .status())
                    .isEqualTo(201);
            String token = api.login(email, TestApi.PASSWORD, address);
            ApiResponse created = api.post("/api/classes")
                    .bearer(token)
                    .json(Map.of("name", "Fault class", "timezone", "UTC"))
                    .send();
            UUID classId = UUID.fromString(created.json().get("id").asString());
            JdbcClient jdbc = app.context().getBean(JdbcClient.class);
            List<UUID> students = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                UUID id = UUID.randomUUID();
                jdbc.sql("INSERT INTO student (id, class_id, name, roll_no) VALUES (:id, :c, :n, :r)")
                        .param("id", id)
                        .param("c", classId)
                        .param("n", "Student " + i)
                        .param("r", "R" + i)
                        .update();
                students.add(id);
            }

            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            Map<String, Integer> statuses = new ConcurrentHashMap<>();
            List<String> wrong = new ArrayList<>();
            AtomicBoolean running = new AtomicBoolean(true);
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<?>> clients = new ArrayList<>();
                clients.add(pool.submit(() -> {
                    for (int n = 0; running.get(); n++) {
                        UUID student = students.get(n % students.size());
                        LocalDate date = LocalDate.of(2026, 1, 1).plusDays(n / students.size());
                        ApiResponse answer = api.put(
                                        "/api/classes/" + classId + "/attendance/" + date + "/students/" + student)
                                .bearer(token)
                                .from(address)
                                .send();
                        record(statuses, wrong, "mark", answer, Set.of(200, 503));
                        if (answer.status() == 200) {
                            acknowledged.add(student + "@" + date);
                        }
                    }
                    return null;
                }));
                clients.add(pool.submit(() -> {
                    while (running.get()) {
                        record(
                                statuses,
                                wrong,
                                "roster",
                                api.get("/api/classes/" + classId + "/students")
                                        .bearer(token)
                                        .send(),
                                Set.of(200, 503));
                    }
                    return null;
                }));
                clients.add(pool.submit(() -> {
                    while (running.get()) {
                        // a known address: the per-email bucket does not apply; the pair and address ones may (429)
                        record(
                                statuses,
                                wrong,
                                "login",
                                api.post("/api/auth/login")
                                        .from(address)
                                        .json(Map.of("email", email, "password", TestApi.PASSWORD))
                                        .send(),
                                Set.of(200, 429, 503));
                        Thread.sleep(200);
                    }
                    return null;
                }));

                Thread.sleep(2000);
                kill(dataDir.resolve("redis/redis.pid"));
                Duration redisBack = awaitRecovery(api, token);
                Thread.sleep(2000);
                kill(dataDir.resolve("postgres/postmaster.pid"));
                Duration postgresBack = awaitRecovery(api, token);
                Thread.sleep(2000);
                running.set(false);
                for (Future<?> client : clients) {
                    client.get();
                }
                System.out.printf(
                        "fault suite: Redis back after %d ms, PostgreSQL after %d ms; answers %s%n",
                        redisBack.toMillis(), postgresBack.toMillis(), statuses);
                assertThat(redisBack).isLessThan(RECOVERY);
                assertThat(postgresBack).isLessThan(RECOVERY);
            }
            assertThat(wrong).as("answers other than 2xx/503 (429 for logins)").isEmpty();
            assertThat(statuses.keySet()).anySatisfy(key -> assertThat(key).endsWith("503"));
            assertThat(acknowledged).isNotEmpty();
            List<String> stored = jdbc.sql("SELECT student_id, date FROM attendance a JOIN student s ON s.id = "
                            + "a.student_id WHERE s.class_id = :c")
                    .param("c", classId)
                    .query((row, n) -> row.getObject(1, UUID.class) + "@" + row.getObject(2, LocalDate.class))
                    .list();
            assertThat(stored).containsAll(acknowledged);
        }
    }

    private static void record(
            Map<String, Integer> statuses, List<String> wrong, String call, ApiResponse answer, Set<Integer> allowed) {
        statuses.merge(call + " " + answer.status(), 1, Integer::sum);
        if (!allowed.contains(answer.status()) || answer.status() >= 400 && !answer.isProblem()) {
            synchronized (wrong) {
                wrong.add(call + ": " + answer);
            }
        }
    }

    private static void kill(Path pidFile) throws Exception {
        long pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().strip());
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
        process.destroyForcibly();
        process.onExit().get();
    }

    /** Time until an authenticated read (Redis token check + PostgreSQL) answers 200 again. */
    private static Duration awaitRecovery(TestApi api, String token) throws InterruptedException {
        Instant killed = Instant.now();
        while (Duration.between(killed, Instant.now()).compareTo(RECOVERY.multipliedBy(2)) < 0) {
            if (api.get("/api/account").bearer(token).send().status() == 200
                    && api.get("/api/classes").bearer(token).send().status() == 200) {
                return Duration.between(killed, Instant.now());
            }
            Thread.sleep(100);
        }
        return RECOVERY.multipliedBy(2);
    }

    private String awaitOutboxCode(String email) throws Exception {
        Path outbox = dataDir.resolve("outbox");
        for (int i = 0; i < 200; i++) {
            if (Files.isDirectory(outbox)) {
                try (Stream<Path> files = Files.list(outbox)) {
                    List<Path> mails = files.filter(
                                    file -> file.getFileName().toString().contains(email))
                            .toList();
                    if (!mails.isEmpty()) {
                        Matcher matcher = CODE.matcher(Files.readString(mails.getFirst()));
                        if (matcher.find()) {
                            return matcher.group(1);
                        }
                    }
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("No mail to " + email + " in " + outbox);
    }
}
