package org.rollcall.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollcall.support.AppInstance;
import org.rollcall.support.Ports;
import org.rollcall.support.TestApi;
import org.springframework.jdbc.core.simple.JdbcClient;
import redis.embedded.RedisServer;

/**
 * The jar with no configuration: embedded PostgreSQL and Redis under the data dir, mails in the outbox folder,
 * and everything (accounts, the JWT secret, logged-out tokens) still there after a restart.
 */
class LocalModeTest {

    private static final Pattern CODE = Pattern.compile("Code: (\\d{6})");

    @TempDir
    Path dataDir;

    @Test
    void runsOnEmbeddedServicesAndKeepsDataAcrossARestart() throws Exception {
        Map<String, Object> localMode = Map.of("rollcall.local.data-dir", dataDir.toString());
        String email = TestApi.uniqueEmail();
        String address = TestApi.randomAddress();
        String kept;
        String loggedOut;
        try (AppInstance first = AppInstance.start(localMode)) {
            JdbcClient jdbc = first.context().getBean(JdbcClient.class);
            assertThat(jdbc.sql("SHOW fsync").query(String.class).single()).isEqualTo("on");
            assertThat(jdbc.sql("SHOW synchronous_commit").query(String.class).single()).isEqualTo("on");
            TestApi api = first.api();
            assertThat(api.post("/api/auth/email-otp").json(Map.of("email", email)).send().status()).isEqualTo(202);
            String code = awaitOutboxCode(email);
            assertThat(api.post("/api/auth/email-verification").json(Map.of("email", email, "code", code)).send()
                    .status()).isEqualTo(204);
            assertThat(api.post("/api/auth/register")
                    .json(Map.of("email", email, "password", TestApi.PASSWORD, "displayName", "Local")).send()
                    .status()).isEqualTo(201);
            kept = api.login(email, TestApi.PASSWORD, address);
            loggedOut = api.login(email, TestApi.PASSWORD, address);
            assertThat(api.post("/api/auth/logout").bearer(loggedOut).send().status()).isEqualTo(204);
        }
        assertThat(dataDir.resolve("postgres/PG_VERSION")).exists();
        assertThat(dataDir.resolve("jwt-secret")).exists();

        try (AppInstance second = AppInstance.start(localMode)) {
            TestApi api = second.api();
            assertThat(api.get("/api/account").bearer(kept).send().json().get("email").asString()).isEqualTo(email);
            assertThat(api.get("/api/account").bearer(loggedOut).send().status()).isEqualTo(401);
            assertThat(api.login(email, TestApi.PASSWORD, address)).isNotBlank();
        }
    }

    @Test
    void startsAfterACrashLeftItsServersRunning() throws Exception {
        // What a kill -9 of the app leaves behind: PostgreSQL and Redis still running on the data dir.
        Path redisDir = Files.createDirectories(dataDir.resolve("redis"));
        startLeftoverPostgres(dataDir.resolve("postgres"));
        RedisServer leftoverRedis = RedisServer.newRedisServer().bind("127.0.0.1").port(Ports.free())
                .setting("dir " + redisDir).setting("pidfile " + redisDir.resolve("redis.pid")).build();
        leftoverRedis.start();
        ProcessHandle postgresProcess = pidIn(dataDir.resolve("postgres/postmaster.pid"));
        ProcessHandle redisProcess = pidIn(redisDir.resolve("redis.pid"));

        try (AppInstance app = AppInstance.start(Map.of("rollcall.local.data-dir", dataDir.toString()))) {
            assertThat(postgresProcess.isAlive()).isFalse();
            assertThat(redisProcess.isAlive()).isFalse();
            assertThat(app.api().get("/actuator/health/readiness").send().status()).isEqualTo(200);
        } finally {
            leftoverRedis.stop();
            postgresProcess.destroyForcibly();
        }
    }

    /**
     * A postmaster the JVM no longer manages: create the cluster with zonky, stop it cleanly (releasing zonky's
     * in-JVM lock), then run the same postgres command line directly.
     */
    private static void startLeftoverPostgres(Path dir) throws Exception {
        List<String> command = new ArrayList<>();
        if ("root".equals(ProcessHandle.current().info().user().orElse(""))) {
            // PostgreSQL refuses to run as root; zonky runs it in a user namespace the same way.
            command.addAll(List.of("unshare", "-U"));
        }
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(dir)
                .setCleanDataDirectory(false).setRegisterShutdownHook(false).start()) {
            command.addAll(List.of(
                    pidIn(dir.resolve("postmaster.pid")).info().commandLine().orElseThrow().split(" ")));
        }
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        for (int i = 0; i < 200 && !isReady(dir.resolve("postmaster.pid")); i++) {
            Thread.sleep(50);
        }
        assertThat(isReady(dir.resolve("postmaster.pid"))).as("leftover PostgreSQL started").isTrue();
    }

    /** postmaster.pid ends with the status line "ready" once the server accepts connections. */
    private static boolean isReady(Path pidFile) throws Exception {
        return Files.exists(pidFile) && Files.readString(pidFile).contains("ready");
    }

    private static ProcessHandle pidIn(Path pidFile) throws Exception {
        long pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().strip());
        return ProcessHandle.of(pid).orElseThrow();
    }

    private String awaitOutboxCode(String email) throws Exception {
        Path outbox = dataDir.resolve("outbox");
        for (int i = 0; i < 200; i++) {
            if (Files.isDirectory(outbox)) {
                try (Stream<Path> files = Files.list(outbox)) {
                    List<Path> mails = files.filter(file -> file.getFileName().toString().contains(email)).toList();
                    if (!mails.isEmpty()) {
                        String text = Files.readString(mails.getFirst());
                        assertThat(text).startsWith("To: " + email + "\nSubject: ");
                        Matcher matcher = CODE.matcher(text);
                        assertThat(matcher.find()).as(text).isTrue();
                        return matcher.group(1);
                    }
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("No mail to " + email + " in " + outbox);
    }
}
