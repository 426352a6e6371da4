package com.keyhold.profile;

import com.keyhold.account.Account;
import com.keyhold.persistence.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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
 * A named configuration profile of a business account (SPEC P1) with its two payloads, each with
 * an enable switch that keeps the payload's settings when off. Keys refer to it
 * ({@code LicenseKey.getProfile()}); a key without one uses the built-in Default (P2), which is
 * not stored.
 */
@Entity
@Table(name = "configuration_profiles")
@NamedQuery(name = "ConfigurationProfile.ofAccount",
        query = "SELECT p FROM ConfigurationProfile p WHERE p.account.id = :accountId ORDER BY p.name, p.id")
@NamedQuery(name = "ConfigurationProfile.byName",
        query = "SELECT p FROM ConfigurationProfile p WHERE p.account.id = :accountId AND p.name = :name")
public class ConfigurationProfile {

    @Id
    @Column(length = 36)
    private String id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "account_id")
    private Account account;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(name = "vm_image_enabled", nullable = false)
    private boolean vmImageEnabled;

    @Column(name = "vm_image_url", length = 2000)
    private String vmImageUrl;

    @Column(name = "vm_image_checksum", length = 200)
    private String vmImageChecksum;

    @Column(name = "vm_name", length = 200)
    private String vmName;

    @Column(name = "upgrades_enabled", nullable = false)
    private boolean upgradesEnabled;

    @Column(name = "upgrades_allowed", nullable = false)
    private boolean upgradesAllowed;

    @Column(name = "upgrades_target_version", length = 50)
    private String upgradesTargetVersion;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected ConfigurationProfile() {
    }

    public ConfigurationProfile(Account account, String name, VmImagePayload vmImage, UpgradesPayload upgrades,
            Instant now) {
        this.id = Ids.newId();
        this.account = Objects.requireNonNull(account);
        this.createdAt = now;
        change(name, vmImage, upgrades, now);
    }

    /** Replaces the name and both payloads (a disabled payload keeps the settings it is given). */
    public final void change(String newName, VmImagePayload vmImage, UpgradesPayload upgrades, Instant now) {
        this.name = Objects.requireNonNull(newName);
        this.vmImageEnabled = vmImage.enabled();
        this.vmImageUrl = vmImage.imageUrl();
        this.vmImageChecksum = vmImage.checksum();
        this.vmName = vmImage.vmName();
        this.upgradesEnabled = upgrades.enabled();
        this.upgradesAllowed = upgrades.allowed();
        this.upgradesTargetVersion = upgrades.targetVersion();
        this.updatedAt = now;
    }

    public String getId() {
        return id;
    }

    public Account getAccount() {
        return account;
    }

    public String getName() {
        return name;
    }

    public VmImagePayload getVmImage() {
        return new VmImagePayload(vmImageEnabled, vmImageUrl, vmImageChecksum, vmName);
    }

    public UpgradesPayload getUpgrades() {
        return new UpgradesPayload(upgradesEnabled, upgradesAllowed, upgradesTargetVersion);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
