package com.keyhold.licensekey;

import java.time.LocalDate;

/**
 * A license key as the keys table shows it (CONTRACT section 6), seats per SPEC L5. The key itself is
 * masked (L9): the full key leaves the server only in the answer that creates the key
 * ({@link #withFullKey}) and by an explicit, logged reveal ({@link LicenseKeyService#reveal}), so a page's
 * HTML or an API list never carries it. A class with getters so pages (EL 5) can read it.
 */
public final class KeyView {

    private final String id;
    private final String name;
    private final String maskedKey;
    private final String fullKey;
    private final KeyType type;
    private final int quota;
    private final int used;
    private final int available;
    private final LocalDate expiresOn;
    private final boolean renewsWithSubscription;
    private final boolean expired;
    private final String profileId;
    private final String profileName;
    private final int queuedDeactivations;

    public KeyView(String id, String name, String key, KeyType type, int quota, int used, int available,
            LocalDate expiresOn, boolean renewsWithSubscription, boolean expired) {
        this(id, name, key, type, quota, used, available, expiresOn, renewsWithSubscription, expired, null, null);
    }

    /** {@code profileId} and {@code profileName} null: the built-in Default profile (SPEC P2). */
    public KeyView(String id, String name, String key, KeyType type, int quota, int used, int available,
            LocalDate expiresOn, boolean renewsWithSubscription, boolean expired, String profileId, String profileName) {
        this.id = id;
        this.name = name;
        this.maskedKey = LicenseKeyFormat.mask(key);
        this.fullKey = null;
        this.type = type;
        this.quota = quota;
        this.used = used;
        this.available = available;
        this.expiresOn = expiresOn;
        this.renewsWithSubscription = renewsWithSubscription;
        this.expired = expired;
        this.profileId = profileId;
        this.profileName = profileName;
        this.queuedDeactivations = 0;
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    private KeyView(KeyView masked, String fullKey) {
        this(masked, fullKey, masked.queuedDeactivations);
    }

    private KeyView(KeyView masked, String fullKey, int queuedDeactivations) {
        this.id = masked.id;
        this.name = masked.name;
        this.maskedKey = masked.maskedKey;
        this.fullKey = fullKey;
        this.type = masked.type;
        this.quota = masked.quota;
        this.used = masked.used;
        this.available = masked.available;
        this.expiresOn = masked.expiresOn;
        this.renewsWithSubscription = masked.renewsWithSubscription;
        this.expired = masked.expired;
        this.profileId = masked.profileId;
        this.profileName = masked.profileName;
        this.queuedDeactivations = queuedDeactivations;
    }

    /** The same view telling how many installations a quota decrease queued for deactivation (L7, issue 13). */
    KeyView withQueuedDeactivations(int count) {
        return new KeyView(this, fullKey, count);
    }

    /** Installations the change that answered with this view queued for deactivation in batches; 0 otherwise. */
    public int getQueuedDeactivations() {
        return queuedDeactivations;
    }

    /** The same view carrying the full key: only for the answer that creates the key (L9). */
    KeyView withFullKey(String key) {
        return new KeyView(this, key);
    }

    /** The key as the API shows it: masked, except in the answer that created it (L9). */
    public String getKey() {
        return fullKey != null ? fullKey : maskedKey;
    }

    public String getMaskedKey() {
        return maskedKey;
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
