package org.rollcall.local;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where local mode keeps the embedded PostgreSQL cluster, the Redis files, the mail outbox and the JWT secret.
 *
 * @param dataDir      the data folder
 * @param checkEvery   how often the embedded servers are checked (and restarted when they have died)
 * @param maxRestarts  failed restarts in a row after which the app reports itself broken (liveness DOWN)
 */
@ConfigurationProperties("rollcall.local")
public record LocalProperties(
        Path dataDir,
        @DefaultValue("2s") Duration checkEvery,
        @DefaultValue("5") int maxRestarts) {}
