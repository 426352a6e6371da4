package com.keyhold.invitation;

import com.keyhold.sweep.SweepRun;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * E2: invitations to install and to join that are past their expiry are marked Expired. The
 * expiry instant already decided (a code or token stops working at that instant whatever this
 * sweep's timing); the sweep only records it. Bounded batches, each its own transaction, with a
 * conditional update: safe to run twice, concurrently on two instances, or to be interrupted.
 */
@Stateless
public class InvitationExpirySweep {

    static final int BATCH = 500;

    @PersistenceContext(unitName = "keyhold")
    EntityManager em;

    @Inject
    Clock clock;

    @Resource
    SessionContext context;

    /** Marks every invitation expired by now. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public SweepRun run() {
        Instant now = clock.instant();
        InvitationExpirySweep self = context.getBusinessObject(InvitationExpirySweep.class);
        SweepRun.Recorder recorder = new SweepRun.Recorder();
        for (String kind : List.of("InstallInvitation", "MemberInvitation")) {
            while (recorder.batch(() -> self.markBatch(kind, now)) == BATCH) {
                // a full batch: there may be more
            }
        }
        return recorder.finish();
    }

    /** One batch in its own transaction: the ids first (bounded), then one conditional update. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int markBatch(String kind, Instant now) {
        List<String> ids = em.createNamedQuery(kind + ".expiredUnmarked", String.class).setParameter("now", now)
                .setMaxResults(BATCH).getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        String finished = kind.equals("InstallInvitation") ? "i.usedAt" : "i.acceptedAt";
        return em.createQuery("UPDATE " + kind + " i SET i.expiredAt = :now WHERE i.id IN :ids AND i.expiredAt IS NULL"
                        + " AND " + finished + " IS NULL AND i.revokedAt IS NULL AND i.expiresAt <= :now")
                .setParameter("now", now).setParameter("ids", ids).executeUpdate();
    }
}
