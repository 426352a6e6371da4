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
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;

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
    /** The claim row that says a subscription's expiry at this end date is recorded (days before: 0). */
    static final int EXPIRY_RECORDED = 0;

    @PersistenceContext(unitName = "keyhold")
    EntityManager em;

    @Inject
    Clock clock;

    @EJB
    Mailer mailer;

    @Resource
    SessionContext context;

    /**
     * Work not yet done, in id order: subscriptions past their end whose expiry is not yet recorded,
     * those whose most urgent reached warning is not yet claimed, and those with a key of its own
     * that expired before them. So a run with nothing to do reads an index and locks nothing.
     */
    private static final String TO_DO = "SELECT s.id FROM subscriptions s WHERE s.account_id IS NOT NULL AND s.id > ?1 AND ("
            + " (s.ends_on < ?2 AND NOT EXISTS (SELECT 1 FROM expiry_warnings w WHERE w.subscription_id = s.id"
            + "   AND w.ends_on = s.ends_on AND w.days_before = " + EXPIRY_RECORDED + "))"
            + " OR (s.ends_on >= ?2 AND s.ends_on <= ?3 AND NOT EXISTS (SELECT 1 FROM expiry_warnings w WHERE w.subscription_id = s.id"
            + "   AND w.ends_on = s.ends_on AND w.days_before = CASE WHEN s.ends_on <= ?4 THEN 1 WHEN s.ends_on <= ?5 THEN 7 ELSE 30 END))"
            + " OR EXISTS (SELECT 1 FROM license_keys k WHERE k.subscription_id = s.id AND k.custom_expires_on < ?2"
            + "   AND k.custom_expires_on < s.ends_on))"
            + " ORDER BY s.id LIMIT ?6";

    /** @return how many history entries and warnings it wrote, in how many batches */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public SweepRun run() {
        LocalDate today = LocalDate.now(clock);
        ExpirySweep self = context.getBusinessObject(ExpirySweep.class);
        SweepRun.Recorder recorder = new SweepRun.Recorder();
        String after = "";
        while (true) {
            @SuppressWarnings("unchecked")
            List<String> ids = em.createNativeQuery(TO_DO).setParameter(1, after).setParameter(2, today)
                    .setParameter(3, today.plusDays(30)).setParameter(4, today.plusDays(1)).setParameter(5, today.plusDays(7))
                    .setParameter(6, BATCH).getResultList();
            if (ids.isEmpty()) {
                return recorder.finish();
            }
            recorder.batch(() -> self.sweepBatch(ids, today));
            after = ids.get(ids.size() - 1);
        }
    }

    /**
     * One batch, set-based: one statement locks its subscriptions (in id order, so two instances
     * sweeping at once queue instead of deadlocking), one loads them with their history, one their
     * expired keys, one the claims already made, one the administrators per account; the history
     * entries and outbox rows are written at commit in JDBC batches. Emails are queued for the
     * outbox timer rather than sent at once, so a sweep never floods the mail server or the
     * asynchronous pool that serves requests.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int sweepBatch(List<String> subscriptionIds, LocalDate today) {
        em.setFlushMode(FlushModeType.COMMIT); // nothing here reads what it writes: let the writes go out together
        Instant now = clock.instant();
        String placeholders = String.join(",", java.util.Collections.nCopies(subscriptionIds.size(), "?"));
        jakarta.persistence.Query lock = em.createNativeQuery("SELECT id FROM subscriptions WHERE id IN (" + placeholders
                + ") ORDER BY id FOR UPDATE");
        for (int i = 0; i < subscriptionIds.size(); i++) {
            lock.setParameter(i + 1, subscriptionIds.get(i));
        }
        lock.getResultList();
        List<Subscription> subscriptions = em.createQuery("SELECT DISTINCT s FROM Subscription s JOIN FETCH s.account"
                + " LEFT JOIN FETCH s.orders WHERE s.id IN :ids", Subscription.class).setParameter("ids", subscriptionIds)
                .getResultList();
        Map<String, List<LicenseKey>> expiredKeys = new HashMap<>();
        em.createQuery("SELECT k FROM LicenseKey k WHERE k.subscription.id IN :ids AND k.customExpiresOn < :today", LicenseKey.class)
                .setParameter("ids", subscriptionIds).setParameter("today", today).getResultList()
                .forEach(key -> expiredKeys.computeIfAbsent(key.getSubscription().getId(), id -> new ArrayList<>()).add(key));
        jakarta.persistence.Query claimed = em.createNativeQuery("SELECT subscription_id, ends_on, days_before FROM expiry_warnings"
                + " WHERE subscription_id IN (" + placeholders + ")");
        for (int i = 0; i < subscriptionIds.size(); i++) {
            claimed.setParameter(i + 1, subscriptionIds.get(i));
        }
        Set<String> claims = new HashSet<>();
        for (Object row : claimed.getResultList()) {
            Object[] columns = (Object[]) row;
            claims.add(claimKey((String) columns[0], LocalDate.parse(columns[1].toString()), ((Number) columns[2]).intValue()));
        }
        Map<String, List<Membership>> administrators = new HashMap<>();
        int processed = 0;
        for (Subscription subscription : subscriptions) {
            if (subscription.isExpired(today)) {
                if (claim(claims, subscription, EXPIRY_RECORDED, now)) {
                    processed += subscription.recordExpiry(now) ? 1 : 0;
                }
            } else {
                processed += warn(subscription, today, now, claims, administrators);
            }
            for (LicenseKey key : expiredKeys.getOrDefault(subscription.getId(), List.of())) {
                if (key.getCustomExpiresOn().isBefore(subscription.getEndsOn())) {
                    processed += subscription.recordKeyExpiry(key.getName(), key.getCustomExpiresOn(), now) ? 1 : 0;
                }
            }
        }
        return processed;
    }

    /** Claims every reached threshold for this end date; queues the most urgent one if this run claimed it. */
    private int warn(Subscription subscription, LocalDate today, Instant now, Set<String> claims,
            Map<String, List<Membership>> administratorsByAccount) {
        List<Integer> reached = ExpiryWarnings.reached(subscription.getEndsOn(), today);
        Optional<Integer> toSend = ExpiryWarnings.toSend(reached);
        if (toSend.isEmpty()) {
            return 0;
        }
        boolean claimedToSend = false;
        for (int threshold : reached) {
            if (claim(claims, subscription, threshold, now) && threshold == toSend.get()) {
                claimedToSend = true;
            }
        }
        if (!claimedToSend) {
            return 0;
        }
        List<Membership> administrators = administratorsByAccount.computeIfAbsent(subscription.getAccount().getId(),
                account -> em.createQuery("SELECT m FROM Membership m JOIN FETCH m.user"
                                + " WHERE m.account.id = :account AND m.role = :role", Membership.class)
                        .setParameter("account", account).setParameter("role", MemberRole.ACCOUNT_ADMINISTRATOR)
                        .getResultList());
        for (Membership administrator : administrators) {
            if (administrator.isBlocked()) {
                continue;
            }
            User user = administrator.getUser();
            mailer.queue(EmailKind.EXPIRY_WARNING, user.getEmail(), user.getLanguage(), user.getFirstName(),
                    subscription.getName(), subscription.getAccount().getName(), subscription.getEndsOn().toString(),
                    toSend.get());
        }
        return 1;
    }

    /**
     * Claims one row of {@code expiry_warnings} for this end date: a threshold's warning, or
     * ({@value #EXPIRY_RECORDED}) the recorded expiry. The batch holds the subscriptions' row locks,
     * so the claims read at its start are current; the insert ignores a row that exists all the same.
     */
    private boolean claim(Set<String> claims, Subscription subscription, int daysBefore, Instant now) {
        if (!claims.add(claimKey(subscription.getId(), subscription.getEndsOn(), daysBefore))) {
            return false;
        }
        return em.createNativeQuery("INSERT IGNORE INTO expiry_warnings (subscription_id, ends_on, days_before, claimed_at)"
                        + " VALUES (?, ?, ?, ?)")
                .setParameter(1, subscription.getId()).setParameter(2, subscription.getEndsOn())
                .setParameter(3, daysBefore).setParameter(4, java.sql.Timestamp.from(now)).executeUpdate() == 1;
    }

    private static String claimKey(String subscriptionId, LocalDate endsOn, int daysBefore) {
        return subscriptionId + "|" + endsOn + "|" + daysBefore;
    }
}
