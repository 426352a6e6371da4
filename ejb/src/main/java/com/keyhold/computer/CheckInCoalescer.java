package com.keyhold.computer;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Coalesces the writes of check-ins (SPEC C3): a check-in that changes nothing but last contact,
 * app version and host OS records them here instead of paying a write transaction of its own, and
 * every {@code keyhold.checkin.flush-interval} milliseconds (default 1000) they are written in
 * batches of {@value #BATCH} rows, one transaction each ({@link CheckInWriter}). While check-ins are
 * rare (at most {@code keyhold.checkin.coalesce-above} a second, default 20) there is nothing to
 * coalesce and each is written at once, so a quiet fleet's last contact shows without lag. The recorded last
 * contact lags by at most about that interval, as C3 allows; the status a check-in answers is read
 * from the database on every check-in and is never taken from here. Pending writes are flushed when
 * the application stops; a crash loses at most one interval of last contacts, never a status change.
 *
 * <p>Certificates signed at check-in travel the same way into {@code activation_certificates}.
 * Each server instance of a cluster coalesces its own check-ins; their writes commute (last contact
 * only moves forward), so no coordination is needed.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
// recording a contact touches no resource: without this every check-in began and ended a JTA transaction here
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CheckInCoalescer {

    static final int BATCH = 1_000;
    private static final long DEFAULT_INTERVAL_MILLIS = 1_000;
    private static final int DEFAULT_COALESCE_ABOVE = 20;
    private static final Logger LOG = Logger.getLogger(CheckInCoalescer.class.getName());

    private final PendingCheckIns pending = new PendingCheckIns();
    private final Object flushing = new Object();

    @Resource
    ManagedScheduledExecutorService scheduler;

    @EJB
    CheckInWriter writer;

    private ScheduledFuture<?> flusher;
    private long intervalMillis;
    private CheckInLoad load;

    @PostConstruct
    void start() {
        Config config = ConfigProvider.getConfig();
        intervalMillis = Math.max(10, config.getOptionalValue("keyhold.checkin.flush-interval", Long.class)
                .orElse(DEFAULT_INTERVAL_MILLIS));
        load = new CheckInLoad(config.getOptionalValue("keyhold.checkin.coalesce-above", Integer.class)
                .orElse(DEFAULT_COALESCE_ABOVE));
        flusher = scheduler.scheduleWithFixedDelay(this::flushQuietly, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        flusher.cancel(false);
        flushQuietly();
        if (pending.size() > 0) {
            LOG.warning(() -> pending.size() + " check-ins' last contact could not be written at shutdown");
        }
    }

    /**
     * A check-in was answered: the computer was seen now, running this version on this OS. Coalesced
     * when check-ins are frequent; written at once while they are rare ({@link CheckInLoad}).
     */
    public void contact(String activationId, Instant at, String appVersion, String hostOs) {
        pending.contact(activationId, at, appVersion, hostOs);
        if (!load.busy(System.nanoTime())) {
            flushQuietly();
        }
    }

    /** A certificate was signed for an activation's current state; store it for later check-ins. */
    public void certificate(String activationId, PendingCheckIns.Certificate certificate) {
        pending.certificate(activationId, certificate);
    }

    /** How long a recorded last contact may lag behind the check-in. */
    public long intervalMillis() {
        return intervalMillis;
    }

    /** Writes everything pending now; returns the number of activations written. */
    public int flush() {
        synchronized (flushing) {
            List<PendingCheckIns.Write> writes = pending.drain();
            for (int from = 0; from < writes.size(); from += BATCH) {
                List<PendingCheckIns.Write> batch = writes.subList(from, Math.min(writes.size(), from + BATCH));
                try {
                    writer.write(batch);
                } catch (Exception e) {
                    // a deadlock victim or a database outage: keep the rest for the next interval
                    pending.requeue(writes.subList(from, writes.size()));
                    throw new IllegalStateException("could not write " + (writes.size() - from) + " check-ins", e);
                }
            }
            return writes.size();
        }
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Coalesced check-ins not written, retrying in " + intervalMillis + " ms", e);
        }
    }
}
