package org.rollcall.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/** The system clock, unless a test stands it at a fixed instant. */
public class MutableClock extends Clock {

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
