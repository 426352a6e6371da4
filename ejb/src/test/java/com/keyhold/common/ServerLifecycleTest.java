package com.keyhold.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class ServerLifecycleTest {

    @Test
    void aStopWaitsForTheRequestsInFlightAndNoLonger() throws Exception {
        ServerLifecycle.requestBegan();
        assertFalse(ServerLifecycle.awaitNoneInFlight(Duration.ofMillis(50)), "one request still in flight");
        CountDownLatch waiting = new CountDownLatch(1);
        boolean[] drained = new boolean[1];
        Thread stopper = new Thread(() -> {
            waiting.countDown();
            drained[0] = ServerLifecycle.awaitNoneInFlight(Duration.ofSeconds(10));
        });
        stopper.start();
        waiting.await();
        ServerLifecycle.requestEnded();
        stopper.join();
        assertTrue(drained[0], "drained once the last request ended");
        assertEquals(0, ServerLifecycle.inFlight());
    }

    @Test
    void requestsArrivingWhileStoppingAreAskedToRetry() {
        KeyholdException refusal = ServerLifecycle.stoppingRefusal();
        assertEquals(ErrorCode.SERVICE_UNAVAILABLE, refusal.code());
        assertEquals(Outages.RETRY_AFTER_SECONDS, refusal.details().get("retryAfterSeconds"));
    }
}
