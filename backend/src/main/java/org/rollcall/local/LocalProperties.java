package org.rollcall.local;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where local mode keeps the embedded PostgreSQL cluster, the Redis files, the mail outbox and the JWT secret. */
@ConfigurationProperties("rollcall.local")
public record LocalProperties(Path dataDir) {
}
