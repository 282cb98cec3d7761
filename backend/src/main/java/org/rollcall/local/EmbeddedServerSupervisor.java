package org.rollcall.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.stereotype.Component;
import redis.embedded.RedisServer;

/**
 * Local mode runs PostgreSQL and Redis as child processes; if one dies (killed, out of memory) nothing else would
 * start it again and every page would say "busy" for good. This checks them every few seconds and restarts a dead
 * one on the same port and data (with growing waits between failed tries), so connections recover on their own.
 * When restarts keep failing the app cannot leave that state by itself: liveness goes DOWN so a supervisor of the
 * whole app (systemd, Kubernetes, a person) restarts it.
 */
@Component
class EmbeddedServerSupervisor implements ApplicationListener<ContextClosedEvent>, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedServerSupervisor.class);
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(30);

    private final ApplicationEventPublisher events;
    private final LocalProperties properties;
    private final ScheduledExecutorService checks;
    private final List<Supervised> servers = new ArrayList<>();

    EmbeddedServerSupervisor(
            ObjectProvider<RedisServer> redis,
            ObjectProvider<EmbeddedPostgres> postgres,
            LocalProperties properties,
            ApplicationEventPublisher events) {
        this.events = events;
        this.properties = properties;
        Path dataDir = properties.dataDir().toAbsolutePath().normalize();
        redis.ifAvailable(server -> servers.add(new SupervisedRedis(server, dataDir.resolve("redis"))));
        postgres.ifAvailable(server -> servers.add(new SupervisedPostgres(dataDir.resolve("postgres"))));
        this.checks = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("embedded-server-supervisor").factory());
        if (!servers.isEmpty()) {
            long every = properties.checkEvery().toMillis();
            checks.scheduleWithFixedDelay(this::checkAll, every, every, TimeUnit.MILLISECONDS);
        }
    }

    private volatile boolean closing;

    private void checkAll() {
        for (Supervised server : servers) {
            if (closing) {
                return;
            }
            try {
                check(server);
            } catch (RuntimeException e) {
                log.warn("Checking the embedded {} failed", server.name(), e);
            }
        }
    }

    private void check(Supervised server) {
        if (server.isRunning()) {
            if (server.failures > 0) {
                log.info("The embedded {} is running again", server.name());
                if (server.failures >= properties.maxRestarts()) {
                    AvailabilityChangeEvent.publish(events, this, LivenessState.CORRECT);
                }
                server.failures = 0;
            }
            return;
        }
        if (Instant.now().isBefore(server.nextTry)) {
            return;
        }
        log.warn("The embedded {} is not running; restarting it (try {})", server.name(), server.failures + 1);
        try {
            server.restart();
            if (server.isRunning()) {
                return; // counted as recovered at the next check
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Restarting the embedded {} failed: {}", server.name(), e.toString());
        }
        server.failures++;
        long waitMillis = Math.min(LONGEST_WAIT.toMillis(), 1000L << Math.min(server.failures, 10));
        server.nextTry = Instant.now().plusMillis(waitMillis);
        if (server.failures == properties.maxRestarts()) {
            log.error(
                    "The embedded {} could not be restarted {} times in a row; reporting the app broken",
                    server.name(),
                    server.failures);
            AvailabilityChangeEvent.publish(events, this, LivenessState.BROKEN);
        }
    }

    /*
     * The servers are stopped after this event; checks must be over by then, or a stopped server would be "restarted"
     * and outlive the app. (The servers are looked up lazily, so Spring does not know to destroy this bean first.)
     */
    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        closing = true;
        checks.shutdown();
        try {
            if (!checks.awaitTermination(30, TimeUnit.SECONDS)) {
                checks.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            checks.shutdownNow();
        }
    }

    @Override
    public void destroy() {
        closing = true;
        checks.shutdownNow();
    }

    private abstract static class Supervised {
        int failures;
        Instant nextTry = Instant.MIN;

        abstract String name();

        abstract boolean isRunning();

        abstract void restart() throws IOException;
    }

    /** Alive when the process in its pid file is. */
    private static Optional<ProcessHandle> processIn(Path pidFile) {
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            String first =
                    Files.readAllLines(pidFile).stream().findFirst().orElse("").strip();
            return ProcessHandle.of(Long.parseLong(first)).filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static final class SupervisedRedis extends Supervised {
        private final RedisServer server;
        private final Path dir;

        SupervisedRedis(RedisServer server, Path dir) {
            this.server = server;
            this.dir = dir;
        }

        @Override
        String name() {
            return "Redis";
        }

        @Override
        boolean isRunning() {
            return processIn(dir.resolve("redis.pid")).isPresent();
        }

        @Override
        void restart() throws IOException {
            server.stop(); // forgets the dead process; the same port, password and append-only file are reused
            server.start();
            LocalFiles.ownerOnlyFilesIn(dir);
        }
    }

    private static final class SupervisedPostgres extends Supervised {
        private final Path dir;
        /** The postmaster's own command line as zonky started it (port, settings, data dir). */
        private final List<String> command;

        SupervisedPostgres(Path dir) {
            this.dir = dir;
            ProcessHandle postmaster = processIn(dir.resolve("postmaster.pid"))
                    .orElseThrow(() -> new IllegalStateException("The embedded PostgreSQL is not running"));
            List<String> line = new ArrayList<>();
            if ("root".equals(ProcessHandle.current().info().user().orElse(""))) {
                // PostgreSQL refuses to run as root; zonky runs it in a user namespace, and so do we.
                line.addAll(List.of("unshare", "-U"));
            }
            line.add(postmaster.info().command().orElseThrow());
            line.addAll(List.of(postmaster.info().arguments().orElse(new String[0])));
            this.command = List.copyOf(line);
        }

        @Override
        String name() {
            return "PostgreSQL";
        }

        @Override
        boolean isRunning() {
            return processIn(dir.resolve("postmaster.pid")).isPresent();
        }

        @Override
        void restart() throws IOException {
            new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            Instant deadline = Instant.now().plusSeconds(20);
            while (Instant.now().isBefore(deadline)) {
                Path pidFile = dir.resolve("postmaster.pid");
                if (processIn(pidFile).isPresent() && Files.readString(pidFile).contains("ready")) {
                    return;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
