package com.keyhold.proxy;

import com.keyhold.activity.ActivityActions;
import com.keyhold.activity.ActivityLog;
import com.keyhold.common.ErrorCode;
import com.keyhold.common.KeyholdException;
import com.keyhold.common.Violation;
import com.keyhold.licensekey.LicenseKey;
import com.keyhold.licensekey.LicenseKeyFormat;
import com.keyhold.licensekey.SeatLedger;
import com.keyhold.security.SecretTokens;
import com.keyhold.subscription.ProductKind;
import com.keyhold.subscription.Subscription;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The proxy's side of the fleet product (SPEC S1, S2, S4–S7, CONTRACT section 3): activate,
 * refresh, report usage, ask whether a Mac may enroll, deactivate. The SOAP endpoint calls these
 * for proxies online; {@link OfflineRequests} calls them with the uploader's account for request
 * files (S3), which must name that account's keys and proxies.
 *
 * <p>A key activates one proxy at a time: the activation takes a write lock on the key's row and
 * looks for its holder under it, and a unique index on {@code holds_key_id} backs that up in the
 * database, so of any number of proxies racing for one key exactly one wins.
 */
@Stateless
public class ProxyLicensing {

    static final String ACTIVATION_KEY_PREFIX = "kpa_";
    static final int MAX_MANAGED_REPORTED = 10_000_000;

    @PersistenceContext(unitName = "keyhold")
    EntityManager em;

    @Inject
    Clock clock;

    @EJB
    SeatLedger seatLedger;

    @EJB
    ProxyDocuments documents;

    @EJB
    ActivityLog activity;

    /** Who asks: a proxy online, or an administrator of an account uploading its request file (S3). */
    public record Channel(String uploaderAccountId) {
        public static final Channel ONLINE = new Channel(null);

        public boolean offline() {
            return uploaderAccountId != null;
        }
    }

    /** S2: a new activation of a fleet key by one SCCM site. */
    public ProxyLicense activate(String licenseKey, SiteDetails site) {
        return activate(licenseKey, site, Channel.ONLINE);
    }

    /** S2, S3: as {@link #activate(String, SiteDetails)}, offline for an uploader's account. */
    public ProxyLicense activate(String licenseKeyText, SiteDetails requested, Channel channel) {
        SiteDetails site = validSite(requested);
        LicenseKey key = fleetKey(licenseKeyText, channel);
        LocalDate today = LocalDate.now(clock);
        requireUsable(key, today);
        // S1: one proxy per key. The key's row lock queues concurrent activations of this key here.
        em.refresh(key, LockModeType.PESSIMISTIC_WRITE);
        em.createNamedQuery("ProxyServer.holdingKey", ProxyServer.class).setParameter("keyId", key.getId())
                .getResultStream().findFirst().ifPresent(holder -> {
                    throw new KeyholdException(ErrorCode.KEY_IN_USE, "The license key already activates site "
                            + holder.getSiteCode() + " (" + holder.getServerName() + "); deactivate that proxy first.");
                });
        String activationKey = SecretTokens.generate(ACTIVATION_KEY_PREFIX);
        Instant now = clock.instant();
        ProxyServer proxy = new ProxyServer(key.getSubscription(), key, SecretTokens.hash(activationKey),
                hint(activationKey), site, channel.offline(), now);
        em.persist(proxy);
        em.flush(); // the unique index decides here, inside this transaction, should the lock ever be bypassed
        if (proxy.getAccountId() != null) {
            activity.record(proxy.getAccountId(), ActivityActions.PROXY_ACTIVATED, ActivityActions.PROXY_SERVER, proxy.getId(),
                    "Proxy " + site.serverName() + " (site " + site.siteCode() + ") activated " + (channel.offline() ? "offline" : "online")
                            + " with key " + LicenseKeyFormat.mask(key.getKeyValue()));
        }
        return license(proxy, activationKey, now);
    }

    /** S4: the current license information (renewals, upgrades, quota changes, a portal deactivation). */
    public ProxyLicense refresh(String activationKey) {
        return refresh(activationKey, null, Channel.ONLINE);
    }

    public ProxyLicense refresh(String activationKey, String appVersion, Channel channel) {
        ProxyServer proxy = proxy(activationKey, channel);
        Instant now = clock.instant();
        proxy.refreshed(appVersion == null ? null : trimmed(appVersion, 64), now);
        return license(proxy, activationKey, now);
    }

    /** S5, S6: stores the report (the peak per report date) and says whether it is over the limit. */
    public UsageAck reportUsage(String activationKey, LocalDate reportDate, Integer managedComputers) {
        List<Violation> violations = new ArrayList<>();
        LocalDate today = LocalDate.now(clock);
        if (reportDate == null || reportDate.isAfter(today.plusDays(1)) || reportDate.isBefore(today.minusYears(1))) {
            violations.add(new Violation("reportDate", "is required, within the last year and not in the future"));
        }
        if (managedComputers == null || managedComputers < 0 || managedComputers > MAX_MANAGED_REPORTED) {
            violations.add(new Violation("managedComputers", "is required, 0 to " + MAX_MANAGED_REPORTED));
        }
        if (!violations.isEmpty()) {
            throw KeyholdException.badRequest(violations);
        }
        ProxyServer proxy = proxy(activationKey, Channel.ONLINE);
        int max = maxManaged(proxy.getLicenseKey());
        String status = ProxyLimits.status(proxy.getStatus(), proxy.getLicenseKey().expiresOn(), today);
        if (!"ACTIVE".equals(status)) {
            return new UsageAck(false, ProxyLimits.overLimit(managedComputers, max), max);
        }
        Instant now = clock.instant();
        em.createNativeQuery("INSERT INTO proxy_usage_reports (proxy_id, report_date, managed_computers, reported_at)"
                        + " VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE managed_computers = GREATEST(managed_computers,"
                        + " VALUES(managed_computers)), reported_at = VALUES(reported_at)")
                .setParameter(1, proxy.getId()).setParameter(2, reportDate).setParameter(3, managedComputers)
                .setParameter(4, java.sql.Timestamp.from(now)).executeUpdate();
        proxy.reported(reportDate, managedComputers, now);
        return new UsageAck(true, ProxyLimits.overLimit(managedComputers, max), max);
    }

    /** S6: whether one more Mac may enroll, given how many the proxy manages now. */
    public EnrollDecision canEnroll(String activationKey, Integer managedComputers) {
        if (managedComputers == null || managedComputers < 0 || managedComputers > MAX_MANAGED_REPORTED) {
            throw KeyholdException.badRequest("managedComputers", "is required, 0 to " + MAX_MANAGED_REPORTED);
        }
        ProxyServer proxy = proxy(activationKey, Channel.ONLINE);
        String status = ProxyLimits.status(proxy.getStatus(), proxy.getLicenseKey().expiresOn(), LocalDate.now(clock));
        return ProxyLimits.canEnroll(status, maxManaged(proxy.getLicenseKey()), managedComputers);
    }

    /** S7: the proxy deactivates itself; its key is free at once. Asking again answers the same. */
    public boolean deactivate(String activationKey) {
        return deactivate(activationKey, Channel.ONLINE);
    }

    public boolean deactivate(String activationKey, Channel channel) {
        ProxyServer proxy = proxy(activationKey, channel);
        em.refresh(proxy, LockModeType.PESSIMISTIC_WRITE);
        if (proxy.getStatus().holdsKey()) {
            proxy.release(clock.instant());
            if (proxy.getAccountId() != null) {
                activity.record(proxy.getAccountId(), ActivityActions.PROXY_DEACTIVATED, ActivityActions.PROXY_SERVER,
                        proxy.getId(), "Proxy " + proxy.getServerName() + " (site " + proxy.getSiteCode() + ") deactivated "
                                + (channel.offline() ? "by its deactivation file" : "by the proxy"));
            }
        }
        return true;
    }

    /**
     * The license information of a proxy as it stands now, signed. (Public, like every method other
     * beans call: an EJB's no-interface view serves public methods only.)
     */
    public ProxyLicense license(ProxyServer proxy, String activationKey, Instant now) {
        LicenseKey key = proxy.getLicenseKey();
        Subscription subscription = proxy.getSubscription();
        String status = ProxyLimits.status(proxy.getStatus(), key.expiresOn(), LocalDate.ofInstant(now, clock.getZone()));
        int max = maxManaged(key);
        Integer used = proxy.getUsedManaged();
        return new ProxyLicense(activationKey, LicenseKeyFormat.mask(key.getKeyValue()), status, subscription.getStartsOn(),
                key.expiresOn(), max, used == null ? 0 : used, ProxyLimits.remaining(max, used), proxy.isOfflineUse(),
                documents.sign(proxy, status, max, used, now));
    }

    /** The managed Macs a key allows: a reserved key's quota, the primary key's pool (L5, S1); none once expired. */
    public int maxManaged(LicenseKey key) {
        if (key.isExpired(LocalDate.now(clock))) {
            return 0;
        }
        return seatLedger.poolOf(key.getSubscription()).quota(key.getId());
    }

    /** The proxy this activation key belongs to; offline, it must be of the uploader's account (S3). */
    public ProxyServer proxy(String activationKey, Channel channel) {
        if (activationKey == null || activationKey.isBlank() || activationKey.length() > 100) {
            throw unknownActivationKey(channel);
        }
        ProxyServer proxy = em.createNamedQuery("ProxyServer.byActivationKeyHash", ProxyServer.class)
                .setParameter("hash", SecretTokens.hash(activationKey.strip())).getResultStream().findFirst()
                .orElseThrow(() -> unknownActivationKey(channel));
        if (channel.offline() && !channel.uploaderAccountId().equals(proxy.getAccountId())) {
            throw unknownActivationKey(channel);
        }
        return proxy;
    }

    /** A key of the fleet product; a desktop key is no key here (S1), and offline only the uploader's own (S3). */
    private LicenseKey fleetKey(String text, Channel channel) {
        LicenseKey key = LicenseKeyFormat.normalize(text == null ? "" : text)
                .flatMap(value -> em.createNamedQuery("LicenseKey.byValue", LicenseKey.class).setParameter("value", value)
                        .getResultStream().findFirst())
                .filter(found -> found.getSubscription().getProduct().getKind() == ProductKind.PER_MANAGED_MAC)
                .orElseThrow(() -> channel.offline() ? KeyholdException.notFound("License key") : invalidKey());
        if (channel.offline() && (key.getSubscription().getAccount() == null
                || !channel.uploaderAccountId().equals(key.getSubscription().getAccount().getId()))) {
            throw KeyholdException.notFound("License key");
        }
        return key;
    }

    private static void requireUsable(LicenseKey key, LocalDate today) {
        Subscription subscription = key.getSubscription();
        if (!subscription.hasStarted(today)) {
            throw new KeyholdException(ErrorCode.SUBSCRIPTION_NOT_STARTED, "The subscription starts on " + subscription.getStartsOn() + ".");
        }
        if (subscription.isExpired(today)) {
            throw new KeyholdException(ErrorCode.SUBSCRIPTION_EXPIRED, "The subscription has expired.");
        }
        if (key.isExpired(today)) {
            throw new KeyholdException(ErrorCode.KEY_EXPIRED, "This license key has expired.");
        }
    }

    private static SiteDetails validSite(SiteDetails site) {
        List<Violation> violations = new ArrayList<>();
        String serverName = site == null ? null : site.serverName();
        String siteCode = site == null ? null : site.siteCode();
        if (serverName == null || serverName.isBlank() || serverName.strip().length() > 200) {
            violations.add(new Violation("serverName", "is required, at most 200 characters"));
        }
        // SCCM site codes are three letters or digits; a little room for other managers' codes
        if (siteCode == null || !siteCode.strip().matches("[A-Za-z0-9]{1,16}")) {
            violations.add(new Violation("siteCode", "is required: 1 to 16 letters or digits (an SCCM site code such as T12)"));
        }
        if (site != null && site.siteDescription() != null && site.siteDescription().length() > 500) {
            violations.add(new Violation("siteDescription", "at most 500 characters"));
        }
        if (site != null && site.appVersion() != null && site.appVersion().length() > 64) {
            violations.add(new Violation("appVersion", "at most 64 characters"));
        }
        if (!violations.isEmpty()) {
            throw KeyholdException.badRequest(violations);
        }
        return new SiteDetails(serverName.strip(), siteCode.strip().toUpperCase(java.util.Locale.ROOT),
                blankToNull(site.siteDescription()), blankToNull(site.appVersion()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String trimmed(String value, int max) {
        String stripped = value.strip();
        return stripped.length() > max ? stripped.substring(0, max) : stripped;
    }

    /** The last characters of the activation key, for the details dialog ("kpa_…Xy3Q"). */
    private static String hint(String activationKey) {
        return ACTIVATION_KEY_PREFIX + "…" + activationKey.substring(activationKey.length() - 4);
    }

    private static KeyholdException unknownActivationKey(Channel channel) {
        return channel.offline() ? KeyholdException.notFound("Proxy server")
                : new KeyholdException(ErrorCode.INVALID_KEY, "This activation key is not valid.");
    }

    private static KeyholdException invalidKey() {
        return new KeyholdException(ErrorCode.INVALID_KEY, "This license key is not valid for the fleet product.");
    }
}
