package org.rollcall.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Local mode: without ROLLCALL_DB_URL the app runs a real PostgreSQL from the zonky binaries, with its cluster kept
 * under the data dir so data survives a restart. The server is stopped after the DataSource that depends on it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedPostgresConfiguration {

    static final String PASSWORD_FILE = "postgres-password";

    /*
     * pg_hba.conf written over initdb's "trust": every connection, TCP or socket, must give the password (kept in
     * the data dir, mode 600). Before this, any local user could read the Argon2 hashes with psql -U postgres.
     */
    static final String PG_HBA = """
            # Written by Rollcall at every start: the password is in ../postgres-password (owner-only).
            local   all   all                  scram-sha-256
            host    all   all   127.0.0.1/32   scram-sha-256
            host    all   all   ::1/128        scram-sha-256
            """;

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(LocalProperties properties) throws IOException {
        Path dataDir = LocalFiles.ownerOnlyDirectory(
                properties.dataDir().toAbsolutePath().normalize());
        Path dir = dataDir.resolve("postgres");
        Files.createDirectories(dir);
        OrphanedServers.stopPostgres(dir);
        String password = LocalFiles.password(dataDir.resolve(PASSWORD_FILE));
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(true)
                // zonky is made for throw-away test databases (-F, no synchronous commit); these are a teacher's data.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("password_encryption", "scram-sha-256")
                .setServerConfig("unix_socket_permissions", "0700")
                // zonky's own readiness check connects too; once pg_hba asks for it, it needs the password.
                .setConnectConfig("password", password)
                .start();
        lockDown(postgres, dir, password);
        return postgres;
    }

    /*
     * A new cluster comes from initdb with "trust" and no password, so the password is set first, then pg_hba.conf
     * is replaced and reloaded: from then on (and at every later start) nobody gets in without the password.
     */
    private static void lockDown(EmbeddedPostgres postgres, Path dir, String password) throws IOException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("SET password_encryption = 'scram-sha-256'");
            statement.execute("ALTER ROLE postgres PASSWORD '" + password + "'");
            Files.writeString(dir.resolve("pg_hba.conf"), PG_HBA, StandardCharsets.UTF_8);
            LocalFiles.ownerOnlyFile(dir.resolve("pg_hba.conf"));
            statement.execute("SELECT pg_reload_conf()");
        } catch (SQLException e) {
            postgres.close();
            throw new IOException("Could not set the password of the embedded PostgreSQL", e);
        }
    }

    @Bean
    JdbcConnectionDetails embeddedPostgresConnectionDetails(EmbeddedPostgres postgres, LocalProperties properties) {
        String password = LocalFiles.password(
                properties.dataDir().toAbsolutePath().normalize().resolve(PASSWORD_FILE));
        return new JdbcConnectionDetails() {
            @Override
            public String getUsername() {
                return "postgres";
            }

            @Override
            public String getPassword() {
                return password;
            }

            @Override
            public String getJdbcUrl() {
                return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
            }
        };
    }
}
