package org.rollcall.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks the HS256 key. A configured ROLLCALL_JWT_SECRET must be strong (at least 32 characters, not repetitive).
 * Without one, local mode generates a random secret once and keeps it in the data dir (tokens survive a
 * restart); production (an external database is configured) refuses to start instead of using a guessable key.
 */
final class JwtSecretResolver {

    static final int MIN_SECRET_LENGTH = 32;
    private static final int MIN_DISTINCT_CHARACTERS = 10;
    private static final Logger log = LoggerFactory.getLogger(JwtSecretResolver.class);

    private JwtSecretResolver() {}

    static SecretKey resolve(String configuredSecret, boolean production, Path dataDir) {
        if (configuredSecret != null && !configuredSecret.isBlank()) {
            requireStrong(configuredSecret);
            return key(configuredSecret);
        }
        if (production) {
            throw new IllegalStateException("ROLLCALL_JWT_SECRET is not set. In production (ROLLCALL_DB_URL set) "
                    + "Rollcall needs a strong secret of at least " + MIN_SECRET_LENGTH
                    + " characters, e.g. the output of 'openssl rand -base64 48'.");
        }
        return key(localSecret(dataDir.resolve("jwt-secret")));
    }

    static void requireStrong(String secret) {
        long distinct = secret.chars().distinct().count();
        if (secret.length() < MIN_SECRET_LENGTH || distinct < MIN_DISTINCT_CHARACTERS) {
            throw new IllegalStateException("ROLLCALL_JWT_SECRET is too weak: use at least " + MIN_SECRET_LENGTH
                    + " random characters, e.g. the output of 'openssl rand -base64 48'.");
        }
    }

    private static String localSecret(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            byte[] random = new byte[48];
            new SecureRandom().nextBytes(random);
            String secret = Base64.getEncoder().encodeToString(random);
            Files.createDirectories(file.getParent());
            Files.writeString(file, secret, StandardCharsets.UTF_8);
            restrictToOwner(file);
            log.info("Generated a JWT secret for local mode in {}", file.toAbsolutePath());
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the local JWT secret " + file, e);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            log.debug("File system without POSIX permissions; {} keeps its default permissions", file);
        }
    }

    private static SecretKey key(String secret) {
        return new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }
}
