package com.keyhold.licensekey;

import com.keyhold.computer.ActivationStatus;
import com.keyhold.subscription.Subscription;
import com.keyhold.sweep.SweepRun;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * SPEC L7 in bounded transactions (issue 13): deactivates the excess of keys whose quota was decreased
 * by more than {@value #BATCH} installations, least recently contacted first, {@value #BATCH} per
 * transaction. Every batch locks the subscription as a seat decision does, counts the key's active
 * installations against its quota again, deactivates at most that excess and commits: the key's
 * accounting is right at every commit, and an interrupted run leaves nothing half done. A key's
 * {@link KeyTrim} row is deleted in the batch that leaves no excess.
 *
 * <p>A decrease starts a run at once (a timer created in its transaction, so only if it commits);
 * a schedule every minute finishes whatever a crash or a restart interrupted. Both are per instance
 * and safe side by side: the subscription's row lock serialises the batches of one key.
 */
@Stateless
public class KeyTrimmer {

    /** Installations deactivated per transaction: 1,000 took about 0.3 s here (bench/README.md). */
    public static final int BATCH = 1000;

    @PersistenceContext(unitName = "keyhold")
    EntityManager em;

    @Inject
    Clock clock;

    @EJB
    SeatLedger seatLedger;

    @Resource
    TimerService timers;

    @Resource
    SessionContext context;

    /** Queues a key for trimming and starts a run once the caller's transaction commits. */
    public void queue(String keyId) {
        if (em.find(KeyTrim.class, keyId) == null) {
            em.persist(new KeyTrim(keyId, clock.instant()));
        }
        timers.createSingleActionTimer(1, new TimerConfig("key trim " + keyId, false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void onQueued(Timer timer) {
        run();
    }

    /** Trims every queued key to its quota, a batch per transaction. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public SweepRun run() {
        KeyTrimmer self = context.getBusinessObject(KeyTrimmer.class);
        SweepRun.Recorder recorder = new SweepRun.Recorder();
        List<String> queued = em.createQuery("SELECT t.keyId FROM KeyTrim t ORDER BY t.requestedAt", String.class).getResultList();
        for (String keyId : queued) {
            while (recorder.batch(() -> self.trimBatch(keyId)) == BATCH) {
                // a full batch: there may be more
            }
        }
        return recorder.finish();
    }

    /**
     * One batch in its own transaction: the subscription locked first (as activations and key changes
     * lock it, so no deadlock), then the key's excess counted and at most {@value #BATCH} of it deactivated.
     *
     * @return how many installations it deactivated
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int trimBatch(String keyId) {
        LicenseKey key = em.find(LicenseKey.class, keyId);
        if (key == null) {
            return 0; // deleted meanwhile: the row went with it (ON DELETE CASCADE)
        }
        Subscription subscription = em.find(Subscription.class, key.getSubscription().getId(), LockModeType.PESSIMISTIC_WRITE);
        KeyTrim trim = em.find(KeyTrim.class, keyId, LockModeType.PESSIMISTIC_WRITE);
        if (trim == null) {
            return 0; // another run finished it
        }
        em.refresh(key);
        // the key's quota only: counting every key's installations per batch cost seconds at a million (issue 13)
        int quota = seatLedger.quotasOf(subscription).quota(keyId);
        long active = em.createQuery("SELECT COUNT(a) FROM Activation a WHERE a.licenseKey.id = :key"
                + " AND a.status = com.keyhold.computer.ActivationStatus.ACTIVE", Long.class)
                .setParameter("key", keyId).getSingleResult();
        long excess = active - quota;
        if (excess <= 0) {
            em.remove(trim);
            return 0;
        }
        List<String> ids = em.createQuery("SELECT a.id FROM Activation a WHERE a.licenseKey.id = :key"
                        + " AND a.status = com.keyhold.computer.ActivationStatus.ACTIVE ORDER BY a.lastContactAt, a.id", String.class)
                .setParameter("key", keyId).setMaxResults((int) Math.min(excess, BATCH)).getResultList();
        Instant now = clock.instant();
        int deactivated = em.createQuery("UPDATE Activation a SET a.status = :deactivated, a.deactivatedAt = :now,"
                        + " a.version = a.version + 1 WHERE a.id IN :ids AND a.status = :active")
                .setParameter("deactivated", ActivationStatus.DEACTIVATED).setParameter("active", ActivationStatus.ACTIVE)
                .setParameter("now", now).setParameter("ids", ids).executeUpdate();
        if (excess - deactivated <= 0) {
            em.remove(trim);
        }
        return deactivated;
    }
}
