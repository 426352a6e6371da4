package com.keyhold.computer;

import com.keyhold.licensekey.LicenseKeyFormat;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One computer as the Registered Computers list and dialog show it (SPEC C2): a serializable
 * snapshot, since view-scoped pages keep rows (selection, dialog) across requests and a clustered
 * session may be serialized. Getters, for EL 5 pages.
 */
public final class ComputerRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String id;
    private final String name;
    private final String computerName;
    private final String alias;
    private final String keyId;
    private final String keyName;
    private final String maskedKey;
    private final String subscriptionId;
    private final ComputerStatus status;
    private final Instant lastContact;
    private final String appVersion;
    private final String hardwareId;
    private final String serialNumber;
    private final String macAddresses;
    private final String ipAddresses;
    private final String hostOs;
    private final String userName;
    private final Instant activatedAt;
    private final String activatedBy;
    private final String notes;
    private final LocalDate expiresOn;
    private final String profileId;
    private final String profileName;

    ComputerRow(Activation a, ComputerStatus status) {
        this.id = a.getId();
        this.name = a.getDisplayName();
        this.computerName = a.getComputerName();
        this.alias = a.getAlias();
        this.keyId = a.getLicenseKey().getId();
        this.keyName = a.getLicenseKey().getName();
        this.maskedKey = LicenseKeyFormat.mask(a.getLicenseKey().getKeyValue());
        this.subscriptionId = a.getSubscription().getId();
        this.status = status;
        this.lastContact = a.getLastContactAt();
        this.appVersion = a.getAppVersion();
        this.hardwareId = a.getHardwareId();
        this.serialNumber = a.getSerialNumber();
        this.macAddresses = a.getMacAddresses();
        this.ipAddresses = a.getIpAddresses();
        this.hostOs = a.getHostOs();
        this.userName = a.getUserName();
        this.activatedAt = a.getActivatedAt();
        this.activatedBy = a.getActivatedBy();
        this.notes = a.getNotes();
        this.expiresOn = a.getLicenseKey().expiresOn();
        this.profileId = a.getLicenseKey().getProfile() == null ? null : a.getLicenseKey().getProfile().getId();
        this.profileName = a.getLicenseKey().getProfile() == null ? null : a.getLicenseKey().getProfile().getName();
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getComputerName() {
        return computerName;
    }

    public String getAlias() {
        return alias;
    }

    public String getKeyId() {
        return keyId;
    }

    public String getKeyName() {
        return keyName;
    }

    public String getMaskedKey() {
        return maskedKey;
    }

    public String getSubscriptionId() {
        return subscriptionId;
    }

    public ComputerStatus getStatus() {
        return status;
    }

    public Instant getLastContact() {
        return lastContact;
    }

    public String getAppVersion() {
        return appVersion;
    }

    public String getHardwareId() {
        return hardwareId;
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

    public String getUserName() {
        return userName;
    }

    public Instant getActivatedAt() {
        return activatedAt;
    }

    public String getActivatedBy() {
        return activatedBy;
    }

    public String getNotes() {
        return notes;
    }

    /** The name of the key's configuration profile: "Default" for the built-in one (SPEC P2). */
    public String getConfigurationProfile() {
        return profileName == null ? "Default" : profileName;
    }

    /** The id of the key's configuration profile; null for the built-in Default. */
    public String getConfigurationProfileId() {
        return profileId;
    }

    public LocalDate getExpiresOn() {
        return expiresOn;
    }
}
