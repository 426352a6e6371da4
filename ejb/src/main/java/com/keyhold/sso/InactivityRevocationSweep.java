package com.keyhold.sso;

import com.keyhold.activity.ActivityActions;
import com.keyhold.activity.ActivityLog;
import com.keyhold.computer.Activation;
import com.keyhold.computer.ActivationStatus;
import com.keyhold.computer.CheckInCoalescer;
import com.keyhold.sweep.SweepRun;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * E3: an account that set "revoke after N days without check-in" on its identity provider gets its
 * computers activated by ID token deactivated once their last contact is older than N days, freeing
 * their seats for colleagues (the seeds' "people who are not using the product for a long time").
 * Computers activated with a key are left alone: their administrators manage them by key.
 *
 * <p>Bounded batches, each its own transaction, each recorded in the activity log with the computers
 * it deactivated; the update is conditional (still active, still silent), so the sweep is safe to run
 * twice, on two instances at once, or after a crash. Pending check-ins are written first, so that a
 * computer that checked in a moment ago is never taken for a silent one.
 */
@Stateless
public class InactivityRevocationSweep {

    static final int BATCH = 200;

    @PersistenceContext(unitName = "keyhold")
    EntityManager em;

    @Inject
    Clock clock;

    @Resource
    SessionContext context;

    @EJB
    CheckInCoalescer checkIns;

    @EJB
    ActivityLog activityLog;

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public SweepRun run() {
        checkIns.flush();
        Instant now = clock.instant();
        InactivityRevocationSweep self = context.getBusinessObject(InactivityRevocationSweep.class);
        SweepRun.Recorder recorder = new SweepRun.Recorder();
        List<IdentityProvider> providers = em.createNamedQuery("IdentityProvider.withInactivityRevocation", IdentityProvider.class)
                .getResultList();
        for (IdentityProvider provider : providers) {
            Instant silentSince = now.minus(Duration.ofDays(provider.getInactivityRevokeDays()));
            while (recorder.batch(() -> self.revokeBatch(provider.getAccountId(), provider.getInactivityRevokeDays(),
                    silentSince, now)) == BATCH) {
                // a full batch: there may be more
            }
        }
        return recorder.finish();
    }

    /** One batch in its own transaction: the silent computers' ids first (bounded), then a conditional update. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int revokeBatch(String accountId, int days, Instant silentSince, Instant now) {
        List<Activation> silent = em.createQuery("SELECT a FROM Activation a WHERE a.accountId = :accountId"
                        + " AND a.status = :active AND a.ssoSubject IS NOT NULL AND a.lastContactAt < :silentSince"
                        + " ORDER BY a.lastContactAt, a.id", Activation.class)
                .setParameter("accountId", accountId).setParameter("active", ActivationStatus.ACTIVE)
                .setParameter("silentSince", silentSince).setMaxResults(BATCH).getResultList();
        if (silent.isEmpty()) {
            return 0;
        }
        // one entry per computer, so that every revoked computer can be found in the log by its id
        int changed = 0;
        for (Activation computer : silent) {
            em.refresh(computer, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
            if (computer.getStatus() != ActivationStatus.ACTIVE || !computer.getLastContactAt().isBefore(silentSince)) {
                continue; // checked in or changed since the read
            }
            computer.deactivate(now);
            changed++;
            activityLog.record(accountId, ActivityActions.COMPUTERS_REVOKED_INACTIVE, ActivityActions.COMPUTER,
                    computer.getId(), "computer '" + (computer.getComputerName() == null ? computer.getHardwareId()
                            : computer.getComputerName()) + "' of " + computer.getActivatedBy() + " deactivated: no check-in for "
                            + days + " days (last contact " + computer.getLastContactAt() + ")");
        }
        return changed;
    }
}
