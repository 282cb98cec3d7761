package org.rollcall.local;

import java.io.IOException;
import java.net.ServerSocket;
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

    static final String PASSWORD_FILE = "redis-password";

    @Bean(destroyMethod = "stop")
    RedisServer embeddedRedis(LocalProperties properties) throws IOException {
        Path dataDir = LocalFiles.ownerOnlyDirectory(
                properties.dataDir().toAbsolutePath().normalize());
        Path dir = LocalFiles.ownerOnlyDirectory(dataDir.resolve("redis"));
        String password = LocalFiles.password(dataDir.resolve(PASSWORD_FILE));
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
                    // embedded-redis writes these into a temporary config file created owner-only (600), so the
                    // password is neither on the command line nor readable by other users.
                    .setting("requirepass " + password)
                    // CONFIG could point "dir" elsewhere and write files as this user; DEBUG and MODULE are no use
                    // to the app either.
                    .setting("rename-command CONFIG \"\"")
                    .setting("rename-command DEBUG \"\"")
                    .setting("rename-command MODULE \"\"")
                    .build();
            try {
                server.start();
                // Redis creates its append-only files with the process umask; the folder is 700 and they are 600.
                LocalFiles.ownerOnlyFilesIn(dir);
                return server;
            } catch (IOException e) {
                lastFailure = e;
            }
        }
        throw lastFailure;
    }

    @Bean
    DataRedisConnectionDetails embeddedRedisConnectionDetails(RedisServer redis, LocalProperties properties) {
        int port = redis.ports().getFirst();
        String password = LocalFiles.password(
                properties.dataDir().toAbsolutePath().normalize().resolve(PASSWORD_FILE));
        return new DataRedisConnectionDetails() {
            @Override
            public String getPassword() {
                return password;
            }

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
