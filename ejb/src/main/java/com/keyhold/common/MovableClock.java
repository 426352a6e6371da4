package com.keyhold.common;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The UTC system clock, shifted by an offset that only a test server may set (issue 10: timer tests
 * move the clock across expiry dates and warning thresholds). The offset stays zero unless
 * {@code keyhold.testing.clock-control} is true, which neither the run command nor a production
 * server sets; {@link #shift} refuses otherwise.
 */
public final class MovableClock extends Clock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
    private final boolean controllable;

    public MovableClock(boolean controllable) {
        this.controllable = controllable;
    }

    public boolean isControllable() {
        return controllable;
    }

    /** Moves the clock to the system time plus {@code newOffset}; refused unless controllable. */
    public void shift(Duration newOffset) {
        if (!controllable) {
            throw new IllegalStateException("the clock can be moved only where keyhold.testing.clock-control is set");
        }
        offset.set(newOffset);
    }

    public Duration offset() {
        return offset.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset.get());
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    @Override
    public long millis() {
        return instant().toEpochMilli();
    }
}
