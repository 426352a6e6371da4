package com.keyhold.computer;

import com.keyhold.licensekey.LicenseKeyFormat;
import java.time.Instant;
import java.time.LocalDate;

/** One computer as the Registered Computers list and dialog show it (SPEC C2). Getters, for EL 5 pages. */
public final class ComputerRow {

    private final Activation a;
    private final ComputerStatus status;

    ComputerRow(Activation activation, ComputerStatus status) {
        this.a = activation;
        this.status = status;
    }

    public String getId() {
        return a.getId();
    }

    public String getName() {
        return a.getDisplayName();
    }

    public String getComputerName() {
        return a.getComputerName();
    }

    public String getAlias() {
        return a.getAlias();
    }

    public String getKeyId() {
        return a.getLicenseKey().getId();
    }

    public String getKeyName() {
        return a.getLicenseKey().getName();
    }

    public String getMaskedKey() {
        return LicenseKeyFormat.mask(a.getLicenseKey().getKeyValue());
    }

    public String getSubscriptionId() {
        return a.getSubscription().getId();
    }

    public ComputerStatus getStatus() {
        return status;
    }

    public Instant getLastContact() {
        return a.getLastContactAt();
    }

    public String getAppVersion() {
        return a.getAppVersion();
    }

    public String getHardwareId() {
        return a.getHardwareId();
    }

    public String getSerialNumber() {
        return a.getSerialNumber();
    }

    public String getMacAddresses() {
        return a.getMacAddresses();
    }

    public String getIpAddresses() {
        return a.getIpAddresses();
    }

    public String getHostOs() {
        return a.getHostOs();
    }

    public String getUserName() {
        return a.getUserName();
    }

    public Instant getActivatedAt() {
        return a.getActivatedAt();
    }

    public String getActivatedBy() {
        return a.getActivatedBy();
    }

    public String getNotes() {
        return a.getNotes();
    }

    public String getConfigurationProfile() {
        return "Default";
    }

    public LocalDate getExpiresOn() {
        return a.getLicenseKey().expiresOn();
    }
}
