package org.rollcall.auth;

import io.lettuce.core.ClientOptions;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientConfigurationBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * By default Lettuce queues commands while it reconnects, so a request would hang until the command timeout.
 * Rejecting them at once turns "Redis is gone" into an immediate 503.
 */
@Configuration(proxyBeanMethods = false)
class RedisFailFastConfiguration {

    @Bean
    LettuceClientConfigurationBuilderCustomizer rejectCommandsWhileDisconnected() {
        return builder -> builder.clientOptions(ClientOptions.builder()
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .build());
    }
}
