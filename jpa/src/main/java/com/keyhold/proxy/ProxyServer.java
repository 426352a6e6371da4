package com.keyhold.proxy;

import com.keyhold.licensekey.LicenseKey;
import com.keyhold.persistence.Ids;
import com.keyhold.subscription.Subscription;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One activation of the fleet product by an SCCM proxy server, one per SCCM site (SPEC S1). While it
 * holds its key ({@link ProxyStatus#holdsKey()}) {@code holds_key_id} names the key, and a unique
 * index on that column lets no second proxy hold it. The proxy proves itself with its activation
 * key, of which only the hash and a short hint for the page are kept.
 */
@Entity
@Table(name = "proxy_servers")
@NamedQuery(name = "ProxyServer.byActivationKeyHash",
        query = "SELECT p FROM ProxyServer p WHERE p.activationKeyHash = :hash")
@NamedQuery(name = "ProxyServer.holdingKey",
        query = "SELECT p FROM ProxyServer p WHERE p.holdsKeyId = :keyId")
@NamedQuery(name = "ProxyServer.assignAccount",
        query = "UPDATE ProxyServer p SET p.accountId = :accountId WHERE p.subscription.id = :subscriptionId")
public class ProxyServer {

    @Id
    @Column(length = 36)
    private String id;

    /** The subscription's account, copied for the account's list (as activations do); null until registered. */
    @Column(name = "account_id", length = 36)
    private String accountId;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "subscription_id")
    private Subscription subscription;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "key_id")
    private LicenseKey licenseKey;

    @Column(name = "holds_key_id", length = 36)
    private String holdsKeyId;

    @Column(name = "activation_key_hash", nullable = false, length = 64)
    private String activationKeyHash;

    @Column(name = "activation_key_hint", nullable = false, length = 16)
    private String activationKeyHint;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ProxyStatus status;

    @Column(name = "offline_use", nullable = false)
    private boolean offlineUse;

    @Column(name = "server_name", nullable = false, length = 200)
    private String serverName;

    @Column(name = "site_code", nullable = false, length = 16)
    private String siteCode;

    @Column(name = "site_description", length = 500)
    private String siteDescription;

    @Column(name = "app_version", length = 64)
    private String appVersion;

    @Column(name = "activated_at", nullable = false)
    private Instant activatedAt;

    @Column(name = "deactivated_at")
    private Instant deactivatedAt;

    @Column(name = "last_refresh_at")
    private Instant lastRefreshAt;

    @Column(name = "last_report_at")
    private Instant lastReportAt;

    @Column(name = "last_report_date")
    private LocalDate lastReportDate;

    /** Managed Macs of the latest report (by report date). */
    @Column(name = "used_managed")
    private Integer usedManaged;

    /** Set by the usage sweep when no report came for 8 days (E3); cleared by the next report. */
    @Column(name = "silent_since")
    private Instant silentSince;

    @Column(length = 2000)
    private String notes;

    @Version
    private long version;

    protected ProxyServer() {
    }

    /** A new activation of {@code key} by one site (S2, S3): active, holding the key. */
    public ProxyServer(Subscription subscription, LicenseKey key, String activationKeyHash, String activationKeyHint,
            SiteDetails site, boolean offlineUse, Instant now) {
        this.id = Ids.newId();
        this.subscription = Objects.requireNonNull(subscription);
        this.accountId = subscription.getAccount() == null ? null : subscription.getAccount().getId();
        this.licenseKey = Objects.requireNonNull(key);
        this.holdsKeyId = key.getId();
        this.activationKeyHash = Objects.requireNonNull(activationKeyHash);
        this.activationKeyHint = Objects.requireNonNull(activationKeyHint);
        this.status = ProxyStatus.ACTIVE;
        this.offlineUse = offlineUse;
        this.serverName = site.serverName();
        this.siteCode = site.siteCode();
        this.siteDescription = site.siteDescription();
        this.appVersion = site.appVersion();
        this.activatedAt = now;
        this.lastRefreshAt = now;
    }

    /** S7: the key is free at once. */
    public void release(Instant now) {
        status = ProxyStatus.DEACTIVATED;
        holdsKeyId = null;
        deactivatedAt = now;
    }

    /** S7: a proxy activated offline learns of its deactivation only from a file: it keeps the key until then. */
    public void awaitRelease(Instant now) {
        status = ProxyStatus.PENDING_RELEASE;
        deactivatedAt = now;
    }

    public void refreshed(String newAppVersion, Instant now) {
        lastRefreshAt = now;
        if (newAppVersion != null && !newAppVersion.isBlank()) {
            appVersion = newAppVersion;
        }
    }

    /**
     * S5: a usage report; the latest report date decides the used count. Whether that is over the
     * limit (S6) is decided against the key's maximum when asked, so a quota change in the portal
     * applies at once without rewriting proxies.
     */
    public void reported(LocalDate reportDate, int managedComputers, Instant now) {
        lastReportAt = now;
        silentSince = null;
        if (lastReportDate == null || !reportDate.isBefore(lastReportDate)) {
            lastReportDate = reportDate;
            usedManaged = managedComputers;
        }
    }

    public void markSilent(Instant now) {
        silentSince = now;
    }

    public void setNotes(String notes) {
        this.notes = notes == null || notes.isBlank() ? null : notes.strip();
    }

    public String getId() {
        return id;
    }

    public String getAccountId() {
        return accountId;
    }

    public Subscription getSubscription() {
        return subscription;
    }

    public LicenseKey getLicenseKey() {
        return licenseKey;
    }

    public ProxyStatus getStatus() {
        return status;
    }

    public String getActivationKeyHash() {
        return activationKeyHash;
    }

    public String getActivationKeyHint() {
        return activationKeyHint;
    }

    public boolean isOfflineUse() {
        return offlineUse;
    }

    public String getServerName() {
        return serverName;
    }

    public String getSiteCode() {
        return siteCode;
    }

    public String getSiteDescription() {
        return siteDescription;
    }

    public String getAppVersion() {
        return appVersion;
    }

    public Instant getActivatedAt() {
        return activatedAt;
    }

    public Instant getDeactivatedAt() {
        return deactivatedAt;
    }

    public Instant getLastRefreshAt() {
        return lastRefreshAt;
    }

    public Instant getLastReportAt() {
        return lastReportAt;
    }

    public LocalDate getLastReportDate() {
        return lastReportDate;
    }

    public Integer getUsedManaged() {
        return usedManaged;
    }

    public Instant getSilentSince() {
        return silentSince;
    }

    public String getNotes() {
        return notes;
    }
}
