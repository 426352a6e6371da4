package com.keyhold.common;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Whether Keyhold is stopping (a planned restart, {@code asadmin stop-domain}, the run command's
 * Ctrl-C), and how many requests are in flight. The server tears an application down module by
 * module while its listener still takes requests, and its application-scoped connection pool goes
 * early: without this, requests arriving meanwhile answered 500 and the last coalesced check-in
 * writes were lost (issue 14, CrashDrill's planned restart). Once stopping, new requests answer
 * {@code 503 SERVICE_UNAVAILABLE} with {@code Retry-After} (clients and load balancers retry
 * elsewhere or later), the requests in flight finish, and then the pending writes are flushed.
 *
 * <p>The server removes the application's connection pool before it stops the application, on
 * {@code stop-domain} and on {@code disable} alike, so Keyhold's own stop hook comes too late to write
 * anything: a planned restart drains first ({@code POST /api/v1/operator/maintenance/drain},
 * {@link com.keyhold.operator.Maintenance}), then stops the server.
 *
 * <p>Static state: one per deployment (the EAR's class loader), shared by its web modules.
 */
public final class ServerLifecycle {

    private static volatile boolean stopping;
    private static final AtomicInteger IN_FLIGHT = new AtomicInteger();

    private ServerLifecycle() {
    }

    public static boolean isStopping() {
        return stopping;
    }

    public static void beginStopping() {
        stopping = true;
    }

    /** An operator resumed a drained server without restarting it. */
    public static void resume() {
        stopping = false;
    }

    /** A request began being served; pair with {@link #requestEnded()}. */
    public static void requestBegan() {
        IN_FLIGHT.incrementAndGet();
    }

    public static void requestEnded() {
        IN_FLIGHT.decrementAndGet();
    }

    public static int inFlight() {
        return IN_FLIGHT.get();
    }

    /** Waits until no request is in flight or the time is up; true when none is left. */
    public static boolean awaitNoneInFlight(Duration atMost) {
        return awaitInFlightAtMost(0, atMost);
    }

    /** Waits until at most {@code allowed} requests are in flight (the caller's own, say) or the time is up. */
    public static boolean awaitInFlightAtMost(int allowed, Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (IN_FLIGHT.get() > allowed && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return IN_FLIGHT.get() <= allowed;
    }

    /** The refusal of a request that arrives while Keyhold is stopping. */
    public static KeyholdException stoppingRefusal() {
        return KeyholdException.withDetails(ErrorCode.SERVICE_UNAVAILABLE,
                "Keyhold is restarting. Try again shortly.", java.util.Map.of("retryAfterSeconds", Outages.RETRY_AFTER_SECONDS)); // a restart takes about as long
    }
}
