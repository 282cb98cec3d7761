package org.rollcall.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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
            assertThat(jdbc.sql("SHOW synchronous_commit").query(String.class).single())
                    .isEqualTo("on");
            TestApi api = first.api();
            assertThat(api.post("/api/auth/email-otp")
                            .json(Map.of("email", email))
                            .send()
                            .status())
                    .isEqualTo(202);
            String code = awaitOutboxCode(email);
            assertThat(api.post("/api/auth/email-verification")
                            .json(Map.of("email", email, "code", code))
                            .send()
                            .status())
                    .isEqualTo(204);
            assertThat(api.post("/api/auth/register")
                            .json(Map.of("email", email, "password", TestApi.PASSWORD, "displayName", "Local"))
                            .send()
                            .status())
                    .isEqualTo(201);
            kept = api.login(email, TestApi.PASSWORD, address);
            loggedOut = api.login(email, TestApi.PASSWORD, address);
            assertThat(api.post("/api/auth/logout").bearer(loggedOut).send().status())
                    .isEqualTo(204);
        }
        assertThat(dataDir.resolve("postgres/PG_VERSION")).exists();
        assertThat(dataDir.resolve("jwt-secret")).exists();

        try (AppInstance second = AppInstance.start(localMode)) {
            TestApi api = second.api();
            assertThat(api.get("/api/account")
                            .bearer(kept)
                            .send()
                            .json()
                            .get("email")
                            .asString())
                    .isEqualTo(email);
            assertThat(api.get("/api/account").bearer(loggedOut).send().status())
                    .isEqualTo(401);
            assertThat(api.login(email, TestApi.PASSWORD, address)).isNotBlank();
        }
    }

    @Test
    void otherLocalUsersGetNothingWithoutThePasswordsAndNothingIsReadableByThem() throws Exception {
        String email = TestApi.uniqueEmail();
        try (AppInstance app = AppInstance.start(Map.of("rollcall.local.data-dir", dataDir.toString()))) {
            assertThat(app.api()
                            .post("/api/auth/email-otp")
                            .json(Map.of("email", email))
                            .send()
                            .status())
                    .isEqualTo(202);
            awaitOutboxCode(email);
            int postgresPort = app.context().getBean(EmbeddedPostgres.class).getPort();
            int redisPort = app.context().getBean(RedisServer.class).ports().getFirst();
            String postgresPassword =
                    Files.readString(dataDir.resolve("postgres-password")).strip();
            String redisPassword =
                    Files.readString(dataDir.resolve("redis-password")).strip();
            assertThat(postgresPassword).hasSizeGreaterThanOrEqualTo(40);
            assertThat(redisPassword).hasSizeGreaterThanOrEqualTo(40).isNotEqualTo(postgresPassword);

            // what the outside attack did: psql -h 127.0.0.1 -U postgres, with no or a wrong password
            String url = "jdbc:postgresql://127.0.0.1:" + postgresPort + "/postgres";
            for (String wrong : new String[] {"", "postgres", "wrong"}) {
                assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", wrong)
                                .close())
                        .as("password '%s'", wrong)
                        .isInstanceOf(SQLException.class);
            }
            try (Connection connection = DriverManager.getConnection(url, "postgres", postgresPassword);
                    var statement = connection.createStatement();
                    var result =
                            statement.executeQuery("SELECT rolpassword FROM pg_authid WHERE rolname = 'postgres'")) {
                assertThat(result.next()).isTrue();
                assertThat(result.getString(1)).startsWith("SCRAM-SHA-256$");
            }
            assertThat(Files.readString(dataDir.resolve("postgres/pg_hba.conf")))
                    .doesNotContainPattern("(?m)^[^#].*\\btrust\\b")
                    .contains("scram-sha-256");

            // Redis: nothing without AUTH, and CONFIG is gone even with it
            assertThat(redis(redisPort, List.of("PING"))).startsWith("-NOAUTH");
            assertThat(redis(redisPort, List.of("AUTH", "wrong"))).startsWith("-WRONGPASS");
            assertThat(redis(redisPort, List.of("AUTH", redisPassword), List.of("CONFIG", "SET", "dir", "/tmp")))
                    .contains("+OK")
                    .contains("-ERR unknown command");
            assertThat(redis(redisPort, List.of("AUTH", redisPassword), List.of("DEBUG", "SLEEP", "0")))
                    .contains("-ERR unknown command");
        }

        assertThat(mode(dataDir)).isEqualTo("rwx------");
        for (String folder : List.of("redis", "outbox", "postgres")) {
            assertThat(mode(dataDir.resolve(folder))).as(folder).isEqualTo("rwx------");
        }
        List<Path> files;
        try (Stream<Path> walk = Stream.concat(
                Stream.of(
                        dataDir.resolve("jwt-secret"),
                        dataDir.resolve("postgres-password"),
                        dataDir.resolve("redis-password")),
                Stream.concat(Files.walk(dataDir.resolve("redis")), Files.walk(dataDir.resolve("outbox"))))) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).anySatisfy(file -> assertThat(file.toString()).contains("appendonly"));
        assertThat(files)
                .anySatisfy(file -> assertThat(file.getFileName().toString()).contains(email));
        assertThat(files)
                .allSatisfy(file -> assertThat(mode(file)).as(file.toString()).isEqualTo("rw-------"));
    }

    @Test
    void embeddedServersThatDieAreRestartedAndLivenessFallsOnlyWhenRestartsKeepFailing() throws Exception {
        Map<String, Object> localMode = Map.of(
                "rollcall.local.data-dir",
                dataDir.toString(),
                "rollcall.local.check-every",
                "300ms",
                "rollcall.local.max-restarts",
                "3");
        String email = TestApi.uniqueEmail();
        String address = TestApi.randomAddress();
        try (AppInstance app = AppInstance.start(localMode)) {
            TestApi api = app.api();
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
                            .json(Map.of("email", email, "password", TestApi.PASSWORD, "displayName", "Local"))
                            .send()
                            .status())
                    .isEqualTo(201);
            String token = api.login(email, TestApi.PASSWORD, address);
            String loggedOut = api.login(email, TestApi.PASSWORD, address);
            assertThat(api.post("/api/auth/logout").bearer(loggedOut).send().status())
                    .isEqualTo(204);
            Thread.sleep(1500); // Redis writes its append-only file to disk once a second

            ProcessHandle redis = pidIn(dataDir.resolve("redis/redis.pid"));
            redis.destroyForcibly();
            redis.onExit().get();
            // down (503) or already restarted (200), never a 500 or a token waved through
            assertThat(api.get("/api/account").bearer(token).send().status()).isIn(200, 503);
            assertThat(awaitStatus(api, "/api/account", token, 200))
                    .as("after Redis was killed")
                    .isEqualTo(200);
            assertThat(pidIn(dataDir.resolve("redis/redis.pid")).pid()).isNotEqualTo(redis.pid());
            assertThat(api.get("/api/account").bearer(loggedOut).send().status())
                    .isEqualTo(401);

            ProcessHandle postgres = pidIn(dataDir.resolve("postgres/postmaster.pid"));
            postgres.destroyForcibly();
            postgres.onExit().get();
            assertThat(awaitStatus(api, "/api/classes", token, 200))
                    .as("after PostgreSQL was killed")
                    .isEqualTo(200);
            assertThat(api.get("/actuator/health/liveness").send().status()).isEqualTo(200);

            // Redis killed and its port taken by someone else: restarts keep failing, the app says it is broken
            int redisPort = app.context().getBean(RedisServer.class).ports().getFirst();
            ProcessHandle again = pidIn(dataDir.resolve("redis/redis.pid"));
            try (ServerSocket squatter = new ServerSocket()) {
                again.destroyForcibly();
                again.onExit().get();
                squatter.bind(new InetSocketAddress("127.0.0.1", redisPort));
                assertThat(awaitStatus(api, "/actuator/health/liveness", null, 503))
                        .isEqualTo(503);
            }
            assertThat(awaitStatus(api, "/actuator/health/liveness", null, 200)).isEqualTo(200);
            assertThat(awaitStatus(api, "/api/account", token, 200)).isEqualTo(200);
        }
    }

    private static int awaitStatus(TestApi api, String path, String token, int wanted) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        int status;
        do {
            TestApi.Request request = api.get(path);
            status = (token == null ? request : request.bearer(token)).send().status();
            if (status == wanted) {
                return status;
            }
            Thread.sleep(200);
        } while (Instant.now().isBefore(deadline));
        return status;
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    /** Sends commands to Redis over a plain socket (RESP) and returns everything it answered. */
    @SafeVarargs
    private static String redis(int port, List<String>... commands) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            StringBuilder request = new StringBuilder();
            for (List<String> command : commands) {
                request.append('*').append(command.size()).append("\r\n");
                for (String word : command) {
                    request.append('$')
                            .append(word.length())
                            .append("\r\n")
                            .append(word)
                            .append("\r\n");
                }
            }
            request.append("*1\r\n$4\r\nQUIT\r\n");
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.UTF_8));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void startsAfterACrashLeftItsServersRunning() throws Exception {
        // What a kill -9 of the app leaves behind: PostgreSQL and Redis still running on the data dir.
        Path redisDir = Files.createDirectories(dataDir.resolve("redis"));
        startLeftoverPostgres(dataDir.resolve("postgres"));
        RedisServer leftoverRedis = RedisServer.newRedisServer()
                .bind("127.0.0.1")
                .port(Ports.free())
                .setting("dir " + redisDir)
                .setting("pidfile " + redisDir.resolve("redis.pid"))
                .build();
        leftoverRedis.start();
        ProcessHandle postgresProcess = pidIn(dataDir.resolve("postgres/postmaster.pid"));
        ProcessHandle redisProcess = pidIn(redisDir.resolve("redis.pid"));

        try (AppInstance app = AppInstance.start(Map.of("rollcall.local.data-dir", dataDir.toString()))) {
            assertThat(postgresProcess.isAlive()).isFalse();
            assertThat(redisProcess.isAlive()).isFalse();
            assertThat(app.api().get("/actuator/health/readiness").send().status())
                    .isEqualTo(200);
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
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .start()) {
            command.addAll(List.of(pidIn(dir.resolve("postmaster.pid"))
                    .info()
                    .commandLine()
                    .orElseThrow()
                    .split(" ")));
        }
        new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        for (int i = 0; i < 200 && !isReady(dir.resolve("postmaster.pid")); i++) {
            Thread.sleep(50);
        }
        assertThat(isReady(dir.resolve("postmaster.pid")))
                .as("leftover PostgreSQL started")
                .isTrue();
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
                    List<Path> mails = files.filter(
                                    file -> file.getFileName().toString().contains(email))
                            .toList();
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
