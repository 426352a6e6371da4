package com.keyhold.proxy;

import com.keyhold.account.AccountAccess;
import com.keyhold.account.Membership;
import com.keyhold.account.Permissions;
import com.keyhold.activity.ActivityActions;
import com.keyhold.activity.ActivityLog;
import com.keyhold.common.ErrorCode;
import com.keyhold.common.KeyholdException;
import com.keyhold.licensekey.LicenseKey;
import com.keyhold.licensekey.LicenseKeyFormat;
import com.keyhold.licensekey.SeatLedger;
import com.keyhold.licensekey.SeatPool;
import com.keyhold.subscription.Subscription;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The administrators' side of the fleet product (SPEC S7, S8; CONTRACT section 6): the Proxy
 * Servers list, a proxy's usage, deactivation from the portal, "Release now" for a lost offline
 * proxy, notes. Account administrators see every proxy of the account, license administrators those
 * of their keys; anything else answers "not found".
 */
@Stateless
public class ProxyAdministration {

    /** E3: a proxy that has not reported for this long is flagged silent. */
    public static final Duration SILENCE = Duration.ofDays(8);
    public static final int MAX_PAGE_SIZE = 500;

    @PersistenceContext(unitName = "keyhold")
    EntityManager em;

    @Inject
    Clock clock;

    @EJB
    AccountAccess accounts;

    @EJB
    SeatLedger seatLedger;

    @EJB
    ActivityLog activity;

    public record ProxyPage(List<ProxyView> items, long total, int page, int size) {
    }

    public ProxyPage list(String userId, String chosenAccountId, ProxyDisplay display, int page, int size) {
        Membership membership = accounts.actingMembership(userId, chosenAccountId);
        Permissions permissions = AccountAccess.requireComputerManager(membership);
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw KeyholdException.badRequest("size", "page from 0, size 1 to " + MAX_PAGE_SIZE);
        }
        StringBuilder where = new StringBuilder(" WHERE p.accountId = :account");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("account", membership.getAccount().getId());
        Set<String> scope = permissions.keyScope();
        if (scope != null) {
            where.append(" AND p.licenseKey.id IN :keys");
            parameters.put("keys", scope);
        }
        LocalDate today = LocalDate.now(clock);
        String expiry = "COALESCE(p.licenseKey.customExpiresOn, p.subscription.endsOn)";
        switch (display) {
            case DEACTIVATED -> where.append(" AND p.status <> com.keyhold.proxy.ProxyStatus.ACTIVE");
            case EXPIRED -> {
                where.append(" AND p.status = com.keyhold.proxy.ProxyStatus.ACTIVE AND ").append(expiry).append(" < :today");
                parameters.put("today", today);
            }
            case EXPIRING -> {
                where.append(" AND p.status = com.keyhold.proxy.ProxyStatus.ACTIVE AND ").append(expiry)
                        .append(" >= :today AND ").append(expiry).append(" < :soon");
                parameters.put("today", today);
                parameters.put("soon", today.plusDays(com.keyhold.subscription.ExpiringSoon.days()));
            }
            default -> { }
        }
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(p) FROM ProxyServer p" + where, Long.class);
        TypedQuery<ProxyServer> rows = em.createQuery("SELECT p FROM ProxyServer p JOIN FETCH p.licenseKey JOIN FETCH p.subscription"
                + where + " ORDER BY p.activatedAt DESC, p.id", ProxyServer.class);
        parameters.forEach((name, value) -> {
            count.setParameter(name, value);
            rows.setParameter(name, value);
        });
        List<ProxyServer> proxies = rows.setFirstResult(page * size).setMaxResults(size).getResultList();
        Map<String, SeatPool> pools = new HashMap<>();
        return new ProxyPage(proxies.stream().map(p -> view(p, pools, today)).toList(), count.getSingleResult(), page, size);
    }

    /**
     * The filtered list as CSV (S8), every cell safe to open in a spreadsheet; {@code headers} name
     * the twelve columns in the reader's language (server name, key, site code, site description,
     * status, offline use, app version, activation date, last report date, max managed computers,
     * registered computers, notes).
     */
    public String exportCsv(String userId, String chosenAccountId, ProxyDisplay display, List<String> headers) {
        if (headers.size() != 12) {
            throw new IllegalArgumentException("twelve column headers expected");
        }
        StringBuilder csv = new StringBuilder(com.keyhold.common.CsvCells.row(headers.toArray(String[]::new)));
        int page = 0;
        ProxyPage found;
        do {
            found = list(userId, chosenAccountId, display, page++, MAX_PAGE_SIZE);
            for (ProxyView p : found.items()) {
                csv.append(com.keyhold.common.CsvCells.row(p.serverName(), p.keyName() + " " + p.maskedKey(), p.siteCode(),
                        p.siteDescription(), p.status(), Boolean.toString(p.offlineUse()), p.appVersion(),
                        String.valueOf(p.activatedAt()), p.lastReportDate() == null ? "" : p.lastReportDate().toString(),
                        Integer.toString(p.maxManagedComputers()), Integer.toString(p.usedManagedComputers()), p.notes()));
            }
        } while ((long) page * MAX_PAGE_SIZE < found.total());
        return csv.toString();
    }

    public ProxyView get(String userId, String chosenAccountId, String proxyId) {
        return view(visible(userId, chosenAccountId, proxyId), new HashMap<>(), LocalDate.now(clock));
    }

    /** S5: report dates and the peak of managed Macs on each, oldest first (the Usage tab's chart). */
    public List<UsagePoint> usage(String userId, String chosenAccountId, String proxyId) {
        ProxyServer proxy = visible(userId, chosenAccountId, proxyId);
        List<Object[]> rows = em.createNativeQuery("SELECT report_date, managed_computers FROM proxy_usage_reports"
                + " WHERE proxy_id = ? ORDER BY report_date").setParameter(1, proxy.getId()).getResultList();
        return rows.stream().map(row -> new UsagePoint(toLocalDate(row[0]), ((Number) row[1]).intValue())).toList();
    }

    /**
     * S7: a proxy activated online is deactivated at once and learns it at its next refresh; one
     * activated offline keeps its key (PENDING_RELEASE) until its deactivation file is uploaded or an
     * administrator releases it.
     *
     * @return the proxy's status afterwards
     */
    public String deactivate(String userId, String chosenAccountId, String proxyId) {
        ProxyServer proxy = visible(userId, chosenAccountId, proxyId);
        em.refresh(proxy, LockModeType.PESSIMISTIC_WRITE);
        if (proxy.getStatus() == ProxyStatus.ACTIVE) {
            Instant now = clock.instant();
            if (proxy.isOfflineUse()) {
                proxy.awaitRelease(now);
            } else {
                proxy.release(now);
            }
            activity.record(proxy.getAccountId(), ActivityActions.PROXY_DEACTIVATED, ActivityActions.PROXY_SERVER, proxy.getId(),
                    "Proxy " + proxy.getServerName() + " (site " + proxy.getSiteCode() + ") deactivated in the portal"
                            + (proxy.getStatus() == ProxyStatus.PENDING_RELEASE ? "; its key stays in use until its deactivation file is uploaded" : ""));
        }
        return proxy.getStatus().name();
    }

    /** S7 "Release now": an offline proxy that is lost gives its key back without its file, once confirmed. */
    public String release(String userId, String chosenAccountId, String proxyId, boolean confirm) {
        ProxyServer proxy = visible(userId, chosenAccountId, proxyId);
        em.refresh(proxy, LockModeType.PESSIMISTIC_WRITE);
        if (!proxy.getStatus().holdsKey()) {
            return proxy.getStatus().name();
        }
        if (proxy.getStatus() != ProxyStatus.PENDING_RELEASE) {
            throw KeyholdException.badRequest("status", "deactivate the proxy first; only a proxy pending release can be released");
        }
        if (!confirm) {
            throw KeyholdException.withDetails(ErrorCode.CONFIRMATION_REQUIRED,
                    "Releasing frees the key although the proxy may still run with it; confirm that the proxy is lost.",
                    Map.of("proxyId", proxy.getId()));
        }
        proxy.release(clock.instant());
        activity.record(proxy.getAccountId(), ActivityActions.PROXY_RELEASED, ActivityActions.PROXY_SERVER, proxy.getId(),
                "Key " + LicenseKeyFormat.mask(proxy.getLicenseKey().getKeyValue()) + " released from lost proxy "
                        + proxy.getServerName() + " (site " + proxy.getSiteCode() + ") without its deactivation file");
        return proxy.getStatus().name();
    }

    public ProxyView changeNotes(String userId, String chosenAccountId, String proxyId, String notes) {
        if (notes != null && notes.length() > 2000) {
            throw KeyholdException.badRequest("notes", "at most 2000 characters");
        }
        ProxyServer proxy = visible(userId, chosenAccountId, proxyId);
        proxy.setNotes(notes);
        activity.record(proxy.getAccountId(), ActivityActions.PROXY_NOTES_CHANGED, ActivityActions.PROXY_SERVER, proxy.getId(),
                "Notes of proxy " + proxy.getServerName() + " changed");
        return view(proxy, new HashMap<>(), LocalDate.now(clock));
    }

    /** The proxy if the caller may see it (its account, and for a license administrator its key); else NOT_FOUND. */
    private ProxyServer visible(String userId, String chosenAccountId, String proxyId) {
        Membership membership = accounts.actingMembership(userId, chosenAccountId);
        Permissions permissions = AccountAccess.requireComputerManager(membership);
        ProxyServer proxy = proxyId == null || proxyId.length() > 36 ? null : em.find(ProxyServer.class, proxyId);
        if (proxy == null || !membership.getAccount().getId().equals(proxy.getAccountId())
                || !permissions.managesKey(proxy.getLicenseKey().getId())) {
            throw KeyholdException.notFound("Proxy server");
        }
        return proxy;
    }

    private ProxyView view(ProxyServer proxy, Map<String, SeatPool> pools, LocalDate today) {
        LicenseKey key = proxy.getLicenseKey();
        Subscription subscription = proxy.getSubscription();
        int max = key.isExpired(today) ? 0
                : pools.computeIfAbsent(subscription.getId(), id -> seatLedger.poolOf(subscription)).quota(key.getId());
        Integer used = proxy.getUsedManaged();
        String status = ProxyLimits.status(proxy.getStatus(), key.expiresOn(), today);
        return new ProxyView(proxy.getId(), proxy.getServerName(), proxy.getSiteCode(), proxy.getSiteDescription(), key.getId(),
                key.getName(), LicenseKeyFormat.mask(key.getKeyValue()), status, proxy.isOfflineUse(), proxy.getAppVersion(),
                proxy.getActivatedAt(), proxy.getDeactivatedAt(), proxy.getLastReportAt(), proxy.getLastReportDate(),
                key.expiresOn(), max, used == null ? 0 : used,
                "ACTIVE".equals(status) && ProxyLimits.overLimit(used, max), proxy.getSilentSince() != null,
                proxy.getNotes(), proxy.getActivationKeyHint());
    }

    private static LocalDate toLocalDate(Object value) {
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        if (value instanceof LocalDate date) {
            return date;
        }
        return LocalDate.parse(value.toString());
    }
}
