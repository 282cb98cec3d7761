package org.rollcall.auth;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** JWT settings; jwtSecret comes from ROLLCALL_JWT_SECRET (see JwtSecretResolver for what happens when it is empty). */
@ConfigurationProperties("rollcall.auth")
public record AuthProperties(String jwtSecret, Duration tokenLifetime) {
}
