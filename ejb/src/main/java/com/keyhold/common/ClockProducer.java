package com.keyhold.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import java.time.Clock;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The one clock services read, so that rules about time (expiry, token lifetimes) can be tested: UTC
 * system time, movable only on a server with {@code keyhold.testing.clock-control} set
 * ({@link MovableClock}).
 */
@ApplicationScoped
public class ClockProducer {

    private final MovableClock clock = new MovableClock(ConfigProvider.getConfig()
            .getOptionalValue("keyhold.testing.clock-control", Boolean.class).orElse(false));

    @Produces
    @ApplicationScoped
    Clock clock() {
        return clock;
    }

    /** The same clock, for the operator's clock control (test servers only). */
    // dependent (no client proxy: MovableClock is final), yet always the one instance this producer holds;
    // typed only as MovableClock, since as a Clock it would make the injection above ambiguous
    @Produces
    @Typed(MovableClock.class)
    MovableClock movableClock() {
        return clock;
    }
}
