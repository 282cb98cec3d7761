package org.rollcall.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The system clock, unless a test stands it at a fixed instant. It is the application's clock in every
 * {@link RollcallIntegrationTest} (so they all share one context); tests that stand it still extend
 * {@link IntegrationTestSupport}, which sets it back after each test.
 */
public class MutableClock extends Clock {

    @TestConfiguration(proxyBeanMethods = false)
    static class AsTheClock {

        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock();
        }
    }

    private final AtomicReference<Clock> current = new AtomicReference<>(Clock.systemDefaultZone());

    public void standAt(Instant instant, ZoneId serverZone) {
        current.set(Clock.fixed(instant, serverZone));
    }

    public void reset() {
        current.set(Clock.systemDefaultZone());
    }

    @Override
    public ZoneId getZone() {
        return current.get().getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return current.get().withZone(zone);
    }

    @Override
    public Instant instant() {
        return current.get().instant();
    }
}
