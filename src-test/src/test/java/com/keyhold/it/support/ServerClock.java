package com.keyhold.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

/**
 * The test server's movable clock and its sweeps on demand (CONTRACT section 7), as the timer tests
 * drive them: {@code PUT /api/v1/operator/clock} and {@code POST /api/v1/operator/sweeps/{name}}
 * with the configured operator token. Tests that move the clock put it back with {@code move(Duration.ZERO)}.
 */
public final class ServerClock {

    private ServerClock() {
    }

    /** Sets the server's clock to real time plus {@code offset}. */
    public static void move(Duration offset) {
        Http.Answer moved = Http.call("PUT", "/api/v1/operator/clock", "{\"offsetSeconds\":" + offset.toSeconds() + "}",
                "Authorization", Subscriptions.operator());
        assertEquals(200, moved.status(), moved.body());
    }

    /** Runs a sweep now and returns its answer ({@code processed}, {@code batches}, …). */
    public static Http.Answer sweep(String name) {
        Http.Answer swept = Http.postJson("/api/v1/operator/sweeps/" + name, "", "Authorization", Subscriptions.operator());
        assertEquals(200, swept.status(), name + " sweep: " + swept.body());
        return swept;
    }
}
