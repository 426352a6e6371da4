package com.keyhold.computer;

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
import java.util.Objects;

/**
 * One computer's activation in one subscription (SPEC C1): one record per (hardware id,
 * subscription), whose id is the stable {@code activationId} across re-activations, moves and
 * deactivations. Only the hash of the current activation token is kept.
 */
@Entity
@Table(name = "activations")
@NamedQuery(name = "Activation.bySubscriptionAndHardware",
        query = "SELECT a FROM Activation a WHERE a.subscription.id = :subscriptionId AND a.hardwareId = :hardwareId")
@NamedQuery(name = "Activation.assignAccount",
        query = "UPDATE Activation a SET a.accountId = :accountId WHERE a.subscription.id = :subscriptionId")
@NamedQuery(name = "Activation.activeCountsByKey",
        query = "SELECT a.licenseKey.id, COUNT(a) FROM Activation a WHERE a.subscription.id = :subscriptionId"
                + " AND a.status = com.keyhold.computer.ActivationStatus.ACTIVE GROUP BY a.licenseKey.id")
public class Activation {

    @Id
    @Column(length = 36)
    private String id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "subscription_id")
    private Subscription subscription;

    /**
     * The account of the subscription, copied so that an account's computers are read in index
     * order (V6): set here when the subscription already has one, else when it is registered
     * ({@code Activation.assignAccount}). A subscription never changes account once registered.
     */
    @Column(name = "account_id", length = 36)
    private String accountId;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "key_id")
    private LicenseKey licenseKey;

    @Column(name = "hardware_id", nullable = false, length = 128)
    private String hardwareId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ActivationStatus status;

    @Column(name = "token_hash", nullable = false, length = 64)
    private String tokenHash;

    @Column(name = "computer_name", length = 200)
    private String computerName;

    @Column(length = 200)
    private String alias;

    @Column(name = "serial_number", length = 100)
    private String serialNumber;

    @Column(name = "mac_addresses", length = 1000)
    private String macAddresses;

    @Column(name = "ip_addresses", length = 1000)
    private String ipAddresses;

    @Column(name = "host_os", length = 100)
    private String hostOs;

    @Column(name = "app_version", length = 100)
    private String appVersion;

    @Column(name = "user_name", length = 200)
    private String userName;

    @Column(length = 2000)
    private String notes;

    @Column(name = "activated_by", length = 254)
    private String activatedBy;

    /** O2: the ID token's oid or sub, when activated by ID token; null for a key's activation. */
    @Column(name = "sso_subject", length = 255)
    private String ssoSubject;

    /** O2: the ID token's email and preferred_username in lower case, to link a SCIM user (CONTRACT 8). */
    @Column(name = "sso_email", length = 254)
    private String ssoEmail;

    @Column(name = "sso_login", length = 254)
    private String ssoLogin;

    @Column(name = "activated_at", nullable = false)
    private Instant activatedAt;

    @Column(name = "last_contact_at", nullable = false)
    private Instant lastContactAt;

    @Column(name = "deactivated_at")
    private Instant deactivatedAt;

    // Virtual columns computed by the database (V17), indexed for the list's sorts; never written.
    @Column(name = "display_name", insertable = false, updatable = false)
    private String displayName;

    @Column(name = "mac_sort", insertable = false, updatable = false)
    private String macSort;

    @Column(name = "ip_sort", insertable = false, updatable = false)
    private String ipSort;

    @Column(name = "notes_sort", insertable = false, updatable = false)
    private String notesSort;

    @Version
    private long version;

    protected Activation() {
    }

    public Activation(Subscription subscription, LicenseKey licenseKey, String hardwareId, String tokenHash,
            ComputerDetails details, String activatedBy, Instant now) {
        this.id = Ids.newId();
        this.subscription = Objects.requireNonNull(subscription);
        this.accountId = subscription.getAccount() == null ? null : subscription.getAccount().getId();
        this.licenseKey = Objects.requireNonNull(licenseKey);
        this.hardwareId = Objects.requireNonNull(hardwareId);
        this.status = ActivationStatus.ACTIVE;
        this.tokenHash = tokenHash;
        this.activatedBy = activatedBy;
        this.activatedAt = now;
        this.lastContactAt = now;
        update(details);
    }

    /** O2: the user of the ID token this computer was (re)activated with. */
    public void activatedAs(String subject, String email, String login, String shownAs) {
        this.ssoSubject = subject;
        this.ssoEmail = email;
        this.ssoLogin = login;
        this.activatedBy = shownAs;
    }

    public String getSsoSubject() {
        return ssoSubject;
    }

    /** A new activation on this record (C1): on the given key, active, with a new token. */
    public void activate(LicenseKey key, String newTokenHash, ComputerDetails details, Instant now) {
        if (status != ActivationStatus.ACTIVE || !licenseKey.getId().equals(key.getId())) {
            activatedAt = now;
        }
        this.licenseKey = key;
        this.status = ActivationStatus.ACTIVE;
        this.tokenHash = newTokenHash;
        this.deactivatedAt = null;
        this.lastContactAt = now;
        update(details);
    }

    /** Moves the installation to another key (C8); a deactivated one becomes active there. */
    public void moveTo(LicenseKey key, Instant now) {
        this.licenseKey = key;
        if (status != ActivationStatus.ACTIVE) {
            status = ActivationStatus.ACTIVE;
            deactivatedAt = null;
            activatedAt = now;
        }
    }

    public void deactivate(Instant now) {
        if (status == ActivationStatus.ACTIVE) {
            status = ActivationStatus.DEACTIVATED;
            deactivatedAt = now;
        }
    }

    public void contactedAt(Instant now, String newAppVersion, String newHostOs) {
        this.lastContactAt = now;
        if (newAppVersion != null && !newAppVersion.isBlank()) {
            this.appVersion = clip(newAppVersion, 100);
        }
        if (newHostOs != null && !newHostOs.isBlank()) {
            this.hostOs = clip(newHostOs, 100);
        }
    }

    public void describe(String newAlias, String newNotes) {
        this.alias = newAlias == null || newAlias.isBlank() ? null : clip(newAlias.strip(), 200);
        this.notes = newNotes == null || newNotes.isBlank() ? null : clip(newNotes, 2000);
    }

    private void update(ComputerDetails details) {
        if (details == null) {
            return;
        }
        computerName = clip(details.computerName(), 200);
        serialNumber = clip(details.serialNumber(), 100);
        macAddresses = clip(details.macAddresses(), 1000);
        ipAddresses = clip(details.ipAddresses(), 1000);
        hostOs = clip(details.hostOs(), 100);
        appVersion = clip(details.appVersion(), 100);
        userName = clip(details.userName(), 200);
    }

    private static String clip(String value, int max) {
        return value == null ? null : value.length() <= max ? value : value.substring(0, max);
    }

    public String getId() {
        return id;
    }

    public Subscription getSubscription() {
        return subscription;
    }

    public LicenseKey getLicenseKey() {
        return licenseKey;
    }

    public String getHardwareId() {
        return hardwareId;
    }

    public ActivationStatus getStatus() {
        return status;
    }

    public String getTokenHash() {
        return tokenHash;
    }

    /** The name shown in lists: the administrator's alias, else the name the client reported. */
    public String getDisplayName() {
        return alias != null ? alias : computerName;
    }

    public String getComputerName() {
        return computerName;
    }

    public String getAlias() {
        return alias;
    }

    public String getSerialNumber() {
        return serialNumber;
    }

    public String getMacAddresses() {
        return macAddresses;
    }

    public String getIpAddresses() {
        return ipAddresses;
    }

    public String getHostOs() {
        return hostOs;
    }

    public String getAppVersion() {
        return appVersion;
    }

    public String getUserName() {
        return userName;
    }

    public String getNotes() {
        return notes;
    }

    public String getActivatedBy() {
        return activatedBy;
    }

    public Instant getActivatedAt() {
        return activatedAt;
    }

    public Instant getLastContactAt() {
        return lastContactAt;
    }

    public Instant getDeactivatedAt() {
        return deactivatedAt;
    }
}
