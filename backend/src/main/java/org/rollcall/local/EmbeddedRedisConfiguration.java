package org.rollcall.local;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.embedded.RedisServer;

/**
 * Local mode: without ROLLCALL_REDIS_URL the app runs a real Redis from the embedded-redis binaries, bound to
 * localhost on a free port, with its append-only file under the data dir (denylisted tokens survive a restart).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.data.redis.url:}'.isEmpty()")
class EmbeddedRedisConfiguration {

    private static final int START_ATTEMPTS = 3;

    @Bean(destroyMethod = "stop")
    RedisServer embeddedRedis(LocalProperties properties) throws IOException {
        Path dir = properties.dataDir().resolve("redis").toAbsolutePath().normalize();
        Files.createDirectories(dir);
        Path pidFile = dir.resolve("redis.pid");
        OrphanedServers.stopRedis(dir, pidFile);
        // The free port is only free when asked: another process may take it before Redis binds, so try anew.
        IOException lastFailure = null;
        for (int attempt = 0; attempt < START_ATTEMPTS; attempt++) {
            RedisServer server = RedisServer.newRedisServer()
                    .bind("127.0.0.1")
                    .port(freePort())
                    .setting("dir " + dir)
                    .setting("pidfile " + pidFile)
                    .setting("appendonly yes")
                    .setting("save \"\"")
                    .build();
            try {
                server.start();
                return server;
            } catch (IOException e) {
                lastFailure = e;
            }
        }
        throw lastFailure;
    }

    @Bean
    DataRedisConnectionDetails embeddedRedisConnectionDetails(RedisServer redis) {
        int port = redis.ports().getFirst();
        return new DataRedisConnectionDetails() {
            @Override
            public Standalone getStandalone() {
                return Standalone.of("127.0.0.1", port);
            }
        };
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
