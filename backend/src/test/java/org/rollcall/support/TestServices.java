package org.rollcall.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import redis.embedded.RedisServer;

/**
 * The real services every integration test talks to, started once per test JVM on free random ports and stopped
 * when the JVM exits: one embedded PostgreSQL, one Redis and one GreenMail SMTP server.
 */
public final class TestServices {

    /** Strong enough for the production check (tests configure an external database, i.e. production mode). */
    public static final String JWT_SECRET = "test-secret-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGH";

    private static final TestServices SHARED = new TestServices();

    private final EmbeddedPostgres postgres;
    private final RedisServer redis;
    private final int redisPort;
    private final GreenMail greenMail;
    private final Path dataDir;

    private TestServices() {
        try {
            postgres = EmbeddedPostgres.builder().start();
            redisPort = Ports.free();
            redis = startRedis(redisPort);
            greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
            greenMail.start();
            dataDir = Files.createTempDirectory("rollcall-test-data");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the test services", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "rollcall-test-services-stop"));
    }

    public static TestServices shared() {
        return SHARED;
    }

    /** The properties that point a Rollcall application at these services (production-style configuration). */
    public Map<String, Object> applicationProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", jdbcUrl());
        properties.put("spring.datasource.username", "postgres");
        properties.put("spring.datasource.password", "");
        properties.put("spring.data.redis.url", "redis://127.0.0.1:" + redisPort);
        properties.put("rollcall.mail.smtp.host", "127.0.0.1");
        properties.put("rollcall.mail.smtp.port", greenMail.getSmtp().getPort());
        properties.put("rollcall.auth.jwt-secret", JWT_SECRET);
        properties.put("rollcall.local.data-dir", dataDir.toString());
        // Lets each test teacher log in from its own (X-Forwarded-For) address, so the per-address login
        // throttle applies per test instead of across the whole suite.
        properties.put("server.forward-headers-strategy", "framework");
        return properties;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    }

    public int redisPort() {
        return redisPort;
    }

    public GreenMail greenMail() {
        return greenMail;
    }

    /** A Redis of its own, for tests that stop and restart it (the shared one must stay up for the others). */
    public static RedisServer startRedis(int port) {
        try {
            RedisServer server = RedisServer.newRedisServer()
                    .bind("127.0.0.1")
                    .port(port)
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .build();
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start Redis on port " + port, e);
        }
    }

    private void stopAll() {
        greenMail.stop();
        try {
            redis.stop();
        } catch (IOException ignored) {
            // The JVM is exiting; the process dies with it.
        }
        try {
            postgres.close();
        } catch (IOException ignored) {
            // As above.
        }
    }
}
