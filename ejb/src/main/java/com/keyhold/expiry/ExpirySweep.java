package com.keyhold.expiry;

import com.keyhold.account.MemberRole;
import com.keyhold.account.Membership;
import com.keyhold.licensekey.LicenseKey;
import com.keyhold.mail.EmailKind;
import com.keyhold.mail.Mailer;
import com.keyhold.subscription.Subscription;
import com.keyhold.sweep.SweepRun;
import com.keyhold.user.User;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * E1: the expiry sweep. It records what the clock already decided (status and seats are computed
 * from the dates on every request and are never rewritten here, L3, L8): an order-history entry
 * when a subscription or one of its keys has expired; and it warns the account's administrators 30,
 * 7 and 1 days before a subscription ends, each warning once per end date ({@link ExpiryWarnings}),
 * each administrator in their own language. Subscriptions are taken in bounded batches, each its
 * own transaction; running twice, or on two instances at once, sends nothing twice.
 */
@Stateless
public class ExpirySweep {

    static final int BATCH = 200;
    private static final Logger LOG = Logger.getLogger(ExpirySweep.class.getName());

    @PersistenceContext(unitName = "keyhold")
    EntityManager em;

    @Inject
    Clock clock;

    @EJB
    Mailer mailer;

    @Resource
    SessionContext context;

    /**
     * Persistent: stored in Keyhold's database (README "Scheduled work"), so a run missed while the
     * server was down happens at its start, and instances sharing the database share the schedule.
     * NOT_SUPPORTED: the batches commit on their own; the container's timer transaction then holds
     * only the timer's own row.
     */
    @Schedule(hour = "*", minute = "23", persistent = true, info = "expiry sweep")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void onSchedule() {
        SweepRun run = run();
        if (run.processed() > 0) {
            LOG.info(() -> "Expiry sweep recorded or warned " + run.processed() + " times in " + run.batches()
                    + " batches, the longest " + run.longestBatch().toMillis() + " ms");
        }
    }

    /** @return how many history entries and warnings it wrote, in how many batches */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public SweepRun run() {
        LocalDate today = LocalDate.now(clock);
        ExpirySweep self = context.getBusinessObject(ExpirySweep.class);
        SweepRun.Recorder recorder = new SweepRun.Recorder();
        String after = "";
        while (true) {
            // registered subscriptions near or past their end, or with a key that may have expired
            List<String> ids = em.createQuery("SELECT s.id FROM Subscription s WHERE s.account IS NOT NULL AND s.id > :after"
                            + " AND (s.endsOn <= :horizon OR EXISTS (SELECT k FROM LicenseKey k WHERE k.subscription = s"
                            + " AND k.customExpiresOn IS NOT NULL AND k.customExpiresOn < :today)) ORDER BY s.id", String.class)
                    .setParameter("after", after).setParameter("horizon", today.plusDays(30)).setParameter("today", today)
                    .setMaxResults(BATCH).getResultList();
            if (ids.isEmpty()) {
                return recorder.finish();
            }
            recorder.batch(() -> self.sweepBatch(ids, today));
            after = ids.get(ids.size() - 1);
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int sweepBatch(List<String> subscriptionIds, LocalDate today) {
        Instant now = clock.instant();
        int processed = 0;
        for (String id : subscriptionIds) {
            Subscription subscription = em.find(Subscription.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (subscription == null || subscription.getAccount() == null) {
                continue;
            }
            if (subscription.isExpired(today)) {
                processed += subscription.recordExpiry(now) ? 1 : 0;
            } else {
                processed += warn(subscription, today, now);
            }
            for (LicenseKey key : em.createQuery("SELECT k FROM LicenseKey k WHERE k.subscription = :s"
                    + " AND k.customExpiresOn IS NOT NULL AND k.customExpiresOn < :today", LicenseKey.class)
                    .setParameter("s", subscription).setParameter("today", today).getResultList()) {
                if (key.getCustomExpiresOn().isBefore(subscription.getEndsOn())) {
                    processed += subscription.recordKeyExpiry(key.getName(), key.getCustomExpiresOn(), now) ? 1 : 0;
                }
            }
        }
        return processed;
    }

    /** Claims every reached threshold for this end date; sends the most urgent one if this run claimed it. */
    private int warn(Subscription subscription, LocalDate today, Instant now) {
        List<Integer> reached = ExpiryWarnings.reached(subscription.getEndsOn(), today);
        Optional<Integer> toSend = ExpiryWarnings.toSend(reached);
        if (toSend.isEmpty()) {
            return 0;
        }
        boolean claimedToSend = false;
        for (int threshold : reached) {
            int claimed = em.createNativeQuery("INSERT IGNORE INTO expiry_warnings (subscription_id, ends_on, days_before,"
                            + " claimed_at) VALUES (?, ?, ?, ?)")
                    .setParameter(1, subscription.getId()).setParameter(2, subscription.getEndsOn())
                    .setParameter(3, threshold).setParameter(4, java.sql.Timestamp.from(now)).executeUpdate();
            if (threshold == toSend.get() && claimed == 1) {
                claimedToSend = true;
            }
        }
        if (!claimedToSend) {
            return 0;
        }
        List<Membership> administrators = em.createQuery("SELECT m FROM Membership m JOIN FETCH m.user"
                        + " WHERE m.account = :account AND m.role = :role", Membership.class)
                .setParameter("account", subscription.getAccount()).setParameter("role", MemberRole.ACCOUNT_ADMINISTRATOR)
                .getResultList();
        for (Membership administrator : administrators) {
            if (administrator.isBlocked()) {
                continue;
            }
            User user = administrator.getUser();
            mailer.send(EmailKind.EXPIRY_WARNING, user.getEmail(), user.getLanguage(), user.getFirstName(),
                    subscription.getName(), subscription.getAccount().getName(), subscription.getEndsOn().toString(),
                    toSend.get());
        }
        return 1;
    }
}
