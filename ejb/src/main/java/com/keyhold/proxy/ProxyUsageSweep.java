package com.keyhold.proxy;

import com.keyhold.account.MemberRole;
import com.keyhold.account.Membership;
import com.keyhold.licensekey.SeatLedger;
import com.keyhold.mail.EmailKind;
import com.keyhold.mail.Mailer;
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
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The usage sweep (SPEC S6, E3; {@code POST /api/v1/operator/sweeps/usage}): flags active proxies
 * that have not reported for 8 days as silent, and while a proxy's latest report is over its key's
 * maximum sends the account's administrators one email a day, each in their language. Bounded
 * batches, one transaction each; a day's email is claimed in {@code proxy_over_limit_notices} before
 * it is written, so a second run, or a second instance, sends nothing twice.
 */
@Stateless
public class ProxyUsageSweep {

    static final int BATCH = 200;

    @PersistenceContext(unitName = "keyhold")
    EntityManager em;

    @Inject
    Clock clock;

    @EJB
    Mailer mailer;

    @EJB
    SeatLedger seatLedger;

    @Resource
    SessionContext context;

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public SweepRun run() {
        Instant now = clock.instant();
        ProxyUsageSweep self = context.getBusinessObject(ProxyUsageSweep.class);
        SweepRun.Recorder recorder = new SweepRun.Recorder();
        while (recorder.batch(() -> self.flagSilent(now)) == BATCH) {
            // a full batch: there may be more
        }
        String after = "";
        while (true) {
            List<String> ids = em.createQuery("SELECT p.id FROM ProxyServer p WHERE p.status = com.keyhold.proxy.ProxyStatus.ACTIVE"
                            + " AND p.usedManaged IS NOT NULL AND p.accountId IS NOT NULL AND p.id > :after ORDER BY p.id", String.class)
                    .setParameter("after", after).setMaxResults(BATCH).getResultList();
            if (ids.isEmpty()) {
                return recorder.finish();
            }
            recorder.batch(() -> self.warnOverLimit(ids, now));
            after = ids.get(ids.size() - 1);
        }
    }

    /** E3: one batch of proxies silent for 8 days, flagged with a conditional update (a report since clears it). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int flagSilent(Instant now) {
        Instant silentBefore = now.minus(ProxyAdministration.SILENCE);
        List<String> ids = em.createQuery("SELECT p.id FROM ProxyServer p WHERE p.status = com.keyhold.proxy.ProxyStatus.ACTIVE"
                        + " AND p.silentSince IS NULL AND COALESCE(p.lastReportAt, p.activatedAt) < :before", String.class)
                .setParameter("before", silentBefore).setMaxResults(BATCH).getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        return em.createQuery("UPDATE ProxyServer p SET p.silentSince = :now WHERE p.id IN :ids AND p.silentSince IS NULL"
                        + " AND COALESCE(p.lastReportAt, p.activatedAt) < :before")
                .setParameter("now", now).setParameter("ids", ids).setParameter("before", silentBefore).executeUpdate();
    }

    /** S6: today's email for each proxy of the batch over its limit, claimed once per proxy and day. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int warnOverLimit(List<String> proxyIds, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        int warned = 0;
        for (ProxyServer proxy : em.createQuery("SELECT p FROM ProxyServer p JOIN FETCH p.licenseKey JOIN FETCH p.subscription"
                + " WHERE p.id IN :ids", ProxyServer.class).setParameter("ids", proxyIds).getResultList()) {
            int max = proxy.getLicenseKey().isExpired(today) ? 0
                    : seatLedger.poolOf(proxy.getSubscription()).quota(proxy.getLicenseKey().getId());
            if (!ProxyLimits.overLimit(proxy.getUsedManaged(), max)) {
                continue;
            }
            int claimed = em.createNativeQuery("INSERT IGNORE INTO proxy_over_limit_notices (proxy_id, notice_day, claimed_at)"
                            + " VALUES (?, ?, ?)")
                    .setParameter(1, proxy.getId()).setParameter(2, today).setParameter(3, Timestamp.from(now)).executeUpdate();
            if (claimed != 1) {
                continue;
            }
            List<Membership> administrators = em.createQuery("SELECT m FROM Membership m JOIN FETCH m.user"
                            + " WHERE m.account.id = :account AND m.role = :role", Membership.class)
                    .setParameter("account", proxy.getAccountId()).setParameter("role", MemberRole.ACCOUNT_ADMINISTRATOR)
                    .getResultList();
            for (Membership administrator : administrators) {
                if (administrator.isBlocked()) {
                    continue;
                }
                User user = administrator.getUser();
                mailer.send(EmailKind.PROXY_OVER_LIMIT, user.getEmail(), user.getLanguage(), user.getFirstName(),
                        proxy.getServerName(), proxy.getSiteCode(), proxy.getUsedManaged(), max,
                        administrator.getAccount().getName());
            }
            warned++;
        }
        return warned;
    }
}
