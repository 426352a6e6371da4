package com.keyhold.licensekey;

import java.time.LocalDate;

/**
 * A license key as the keys table shows it (CONTRACT section 6): the full key only for those who may
 * manage it (L9), seats per SPEC L5. A class with getters so pages (EL 5) can read it.
 */
public final class KeyView {

    private final String id;
    private final String name;
    private final String key;
    private final KeyType type;
    private final int quota;
    private final int used;
    private final int available;
    private final LocalDate expiresOn;
    private final boolean renewsWithSubscription;
    private final boolean expired;
    private final String profileId;
    private final String profileName;

    public KeyView(String id, String name, String key, KeyType type, int quota, int used, int available,
            LocalDate expiresOn, boolean renewsWithSubscription, boolean expired) {
        this(id, name, key, type, quota, used, available, expiresOn, renewsWithSubscription, expired, null, null);
    }

    /** {@code profileId} and {@code profileName} null: the built-in Default profile (SPEC P2). */
    public KeyView(String id, String name, String key, KeyType type, int quota, int used, int available,
            LocalDate expiresOn, boolean renewsWithSubscription, boolean expired, String profileId, String profileName) {
        this.id = id;
        this.name = name;
        this.key = key;
        this.type = type;
        this.quota = quota;
        this.used = used;
        this.available = available;
        this.expiresOn = expiresOn;
        this.renewsWithSubscription = renewsWithSubscription;
        this.expired = expired;
        this.profileId = profileId;
        this.profileName = profileName;
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getKey() {
        return key;
    }

    public String getMaskedKey() {
        return LicenseKeyFormat.mask(key);
    }

    public KeyType getType() {
        return type;
    }

    public int getQuota() {
        return quota;
    }

    public int getUsed() {
        return used;
    }

    public int getAvailable() {
        return available;
    }

    public LocalDate getExpiresOn() {
        return expiresOn;
    }

    public boolean isRenewsWithSubscription() {
        return renewsWithSubscription;
    }

    public boolean isExpired() {
        return expired;
    }

    /** The key's configuration profile; null for the built-in Default (SPEC P2). */
    public String getProfileId() {
        return profileId;
    }

    /** The name of the key's configuration profile, "Default" when it has none. */
    public String getProfileName() {
        return profileName == null ? "Default" : profileName;
    }
}
