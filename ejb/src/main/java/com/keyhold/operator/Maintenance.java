package com.keyhold.operator;

import com.keyhold.activity.ActivityActions;
import com.keyhold.activity.ActivityLog;
import com.keyhold.common.ServerLifecycle;
import com.keyhold.computer.CheckInCoalescer;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * Drains the server before a planned restart (issue 14, README "Operations"): from the call on, new
 * requests answer {@code 503 SERVICE_UNAVAILABLE} with {@code Retry-After} and {@code /health/ready}
 * reports not ready (a load balancer moves traffic elsewhere), the requests in flight finish, and the
 * check-ins' pending last contacts are written. Then {@code asadmin stop-domain} loses nothing. It has
 * to come before the stop: Payara removes the application's connection pool before it stops the
 * application, so nothing Keyhold does on its way down can still write.
 */
@Stateless
public class Maintenance {

    /** How long a drain waits for the requests in flight. */
    public static final Duration DRAIN_WAIT = Duration.ofSeconds(10);
    private static final Logger LOG = Logger.getLogger(Maintenance.class.getName());

    @EJB
    CheckInCoalescer coalescer;

    @EJB
    ActivityLog activity;

    /** What a drain did. */
    public record Drained(int requestsStillInFlight, int checkInContactsWritten) {
    }

    /**
     * @param ownRequests requests of the caller's own that are in flight and must not be waited for (its HTTP request)
     */
    public Drained drain(int ownRequests) {
        ServerLifecycle.beginStopping();
        ServerLifecycle.awaitInFlightAtMost(ownRequests, DRAIN_WAIT);
        int written = coalescer.flush();
        Drained drained = new Drained(Math.max(0, ServerLifecycle.inFlight() - ownRequests), written);
        LOG.info(() -> "Drained for a planned restart: " + drained);
        activity.record(null, ActivityActions.SERVER_DRAINED, "Server", null, "Drained for a planned restart: "
                + drained.checkInContactsWritten() + " pending check-in contacts written, " + drained.requestsStillInFlight()
                + " requests still in flight after " + DRAIN_WAIT.toSeconds() + " s");
        return drained;
    }

    /** Serves again without a restart (a drain begun by mistake). */
    public void resume() {
        ServerLifecycle.resume();
        activity.record(null, ActivityActions.SERVER_RESUMED, "Server", null, "Serving again after a drain");
    }
}
