package com.keyhold.rest.http;

import com.keyhold.common.ServerLifecycle;
import com.keyhold.computer.CheckInCoalescer;
import jakarta.ejb.EJB;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * When the server stops Keyhold's web module without a drain before (a bare {@code stop-domain}, an
 * undeploy): requests from here on answer {@code 503} with {@code Retry-After} instead of failing
 * with 500 ({@link ServerLifecycle}), and the pending check-in contacts are written if the connection
 * pool is still there. On {@code stop-domain} and {@code disable} Payara has usually removed the pool
 * already, so up to one flush interval of last contacts is lost, as in a crash; a planned restart
 * drains first ({@link com.keyhold.operator.Maintenance}, README "Operations").
 */
@WebListener
public class DrainOnStop implements ServletContextListener {

    static final int DRAIN_SECONDS = 5;
    private static final Logger LOG = Logger.getLogger(DrainOnStop.class.getName());

    @EJB
    CheckInCoalescer coalescer;

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        ServerLifecycle.beginStopping();
        boolean drained = ServerLifecycle.awaitNoneInFlight(Duration.ofSeconds(DRAIN_SECONDS));
        try {
            int written = coalescer.flush();
            LOG.info(() -> "Keyhold stopping: " + (drained ? "no request left in flight" : ServerLifecycle.inFlight()
                    + " requests still in flight after " + DRAIN_SECONDS + " s") + ", " + written + " pending check-in contacts written");
        } catch (RuntimeException poolGone) {
            LOG.log(Level.WARNING, "Keyhold stopping without a drain first: pending check-in contacts could not be written"
                    + " (README \"Operations\": drain before a planned restart)", poolGone);
        }
    }
}
