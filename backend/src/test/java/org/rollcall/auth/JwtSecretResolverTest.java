package org.rollcall.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JwtSecretResolverTest {

    @TempDir
    Path dataDir;

    @Test
    void productionRefusesToStartWithoutASecret() {
        assertThatThrownBy(() -> JwtSecretResolver.resolve("", true, dataDir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ROLLCALL_JWT_SECRET");
    }

    @Test
    void weakSecretsAreRefusedEverywhere() {
        assertThatThrownBy(() -> JwtSecretResolver.resolve("changeme", true, dataDir))
                .hasMessageContaining("too weak");
        assertThatThrownBy(() -> JwtSecretResolver.resolve("a".repeat(64), false, dataDir))
                .hasMessageContaining("too weak");
    }

    @Test
    void aStrongSecretIsUsed() {
        SecretKey key = JwtSecretResolver.resolve("0123456789abcdefghijklmnopqrstuvwxyz", true, dataDir);
        assertThat(key.getAlgorithm()).isEqualTo("HmacSHA256");
        assertThat(key.getEncoded()).hasSize(36);
    }

    @Test
    void localModeGeneratesOneSecretAndKeepsIt() throws Exception {
        SecretKey first = JwtSecretResolver.resolve(null, false, dataDir);
        SecretKey second = JwtSecretResolver.resolve(null, false, dataDir);
        assertThat(first.getEncoded()).isEqualTo(second.getEncoded()).hasSizeGreaterThanOrEqualTo(32);
        assertThat(Files.getPosixFilePermissions(dataDir.resolve("jwt-secret")).toString())
                .isEqualTo("[OWNER_READ, OWNER_WRITE]");
    }
}
