package org.rollcall.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a crash (kill -9, power loss of the JVM only) the embedded servers outlive the app and keep the data dir
 * locked, so the next start would fail. Before starting, stop such a leftover, but only a process proven to be
 * ours: the PID from the server's own pid file, whose command line or working directory points at our data dir.
 */
final class OrphanedServers {

    private static final Logger log = LoggerFactory.getLogger(OrphanedServers.class);
    private static final Duration GRACE = Duration.ofSeconds(15);

    private OrphanedServers() {}

    /** PostgreSQL writes its PID on the first line of postmaster.pid and runs as "postgres -D <data dir>". */
    static void stopPostgres(Path dataDir) {
        Path absolute = dataDir.toAbsolutePath().normalize();
        stopLeftover(
                "PostgreSQL",
                absolute.resolve("postmaster.pid"),
                process -> process.info()
                        .commandLine()
                        .map(command -> command.contains("postgres") && command.contains("-D " + absolute))
                        .orElse(false));
    }

    /** Redis writes the pid file we configure and runs with its working directory set to its data dir. */
    static void stopRedis(Path dataDir, Path pidFile) throws IOException {
        Path real = dataDir.toRealPath();
        stopLeftover(
                "Redis",
                pidFile,
                process -> process.info()
                                .command()
                                .map(command -> command.contains("redis-server"))
                                .orElse(false)
                        && workingDirectory(process.pid()).map(real::equals).orElse(false));
    }

    private static void stopLeftover(String name, Path pidFile, Predicate<ProcessHandle> isOurs) {
        Optional<ProcessHandle> leftover = readPid(pidFile)
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.pid() != ProcessHandle.current().pid())
                .filter(isOurs);
        if (leftover.isEmpty()) {
            return;
        }
        ProcessHandle process = leftover.get();
        log.warn("Stopping the {} (pid {}) left running by an earlier unclean stop", name, process.pid());
        process.destroy();
        try {
            process.onExit().get(GRACE.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            process.destroyForcibly();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not stop the leftover " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping the leftover " + name, e);
        }
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            String first =
                    Files.readAllLines(pidFile).stream().findFirst().orElse("").strip();
            return Optional.of(Long.parseLong(first));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Linux only (/proc); elsewhere nothing is proven ours and nothing is stopped. */
    private static Optional<Path> workingDirectory(long pid) {
        try {
            return Optional.of(Path.of("/proc", Long.toString(pid), "cwd").toRealPath());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
