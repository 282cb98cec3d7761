package org.rollcall.auth;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rollcall.support.AppInstance;

/**
 * With an external database (production) the app does not start without ROLLCALL_JWT_SECRET (weak secrets: see
 * JwtSecretResolverTest).
 */
class ProductionSecretTest {

    @Test
    void refusesToStartWithoutASecret() {
        assertThatThrownBy(() -> AppInstance.onSharedServices(Map.of("rollcall.auth.jwt-secret", ""))
                        .close())
                .rootCause()
                .hasMessageContaining("ROLLCALL_JWT_SECRET is not set");
    }
}
