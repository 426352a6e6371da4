package com.keyhold.licensekey;

import com.keyhold.persistence.Ids;
import com.keyhold.profile.ConfigurationProfile;
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
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A license key of a subscription (SPEC L4): the primary key or an additional key with its own
 * quota and expiry. The key value is kept in its canonical grouped form (L9).
 */
@Entity
@Table(name = "license_keys")
@NamedQuery(name = "LicenseKey.byValue", query = "SELECT k FROM LicenseKey k JOIN FETCH k.subscription WHERE k.keyValue = :value")
@NamedQuery(name = "LicenseKey.ofSubscription",
        query = "SELECT k FROM LicenseKey k WHERE k.subscription.id = :subscriptionId ORDER BY k.type, k.name, k.id")
public class LicenseKey {

    @Id
    @Column(length = 36)
    private String id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "subscription_id")
    private Subscription subscription;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private KeyType type;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(name = "key_value", nullable = false, unique = true, length = 34)
    private String keyValue;

    /** Null for the primary key, whose quota is derived: the pool (L5, L6). */
    @Column
    private Integer quota;

    /** Null: renews with the subscription (L4). */
    @Column(name = "custom_expires_on")
    private LocalDate customExpiresOn;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** Null: the built-in Default profile, which has no payloads (SPEC P2). */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "profile_id")
    private ConfigurationProfile profile;

    @Version
    private long version;

    protected LicenseKey() {
    }

    private LicenseKey(Subscription subscription, KeyType type, String name, String keyValue, Integer quota,
            LocalDate customExpiresOn, Instant now) {
        this.id = Ids.newId();
        this.subscription = Objects.requireNonNull(subscription);
        this.type = type;
        this.name = name;
        this.keyValue = keyValue;
        this.quota = quota;
        this.customExpiresOn = customExpiresOn;
        this.createdAt = now;
    }

    public static LicenseKey primary(Subscription subscription, String keyValue, Instant now) {
        return new LicenseKey(subscription, KeyType.PRIMARY, subscription.getName(), keyValue, null, null, now);
    }

    public static LicenseKey additional(Subscription subscription, KeyType type, String name, String keyValue,
            int quota, LocalDate customExpiresOn, Instant now) {
        if (type == KeyType.PRIMARY) {
            throw new IllegalArgumentException("a subscription has one primary key");
        }
        return new LicenseKey(subscription, type, name, keyValue, quota, customExpiresOn, now);
    }

    /** The last valid day: the custom date, else the subscription's end date (renew with subscription). */
    public LocalDate expiresOn() {
        return customExpiresOn != null ? customExpiresOn : subscription.getEndsOn();
    }

    public boolean isExpired(LocalDate today) {
        return today.isAfter(expiresOn()) || subscription.isExpired(today);
    }

    public Instant expiresAt() {
        return expiresOn().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    public void rename(String newName) {
        this.name = newName;
    }

    public void changeQuota(int newQuota) {
        if (type == KeyType.PRIMARY) {
            throw new IllegalStateException("the primary key's quota is the pool");
        }
        this.quota = newQuota;
    }

    public void changeExpiry(LocalDate newCustomExpiresOn) {
        this.customExpiresOn = newCustomExpiresOn;
    }

    /** Applies a profile of the key's account to the key; null puts it back on Default (SPEC P2). */
    public void applyProfile(ConfigurationProfile newProfile) {
        if (newProfile != null && !newProfile.getAccount().getId().equals(subscription.getAccount().getId())) {
            throw new IllegalArgumentException("a profile of another account");
        }
        this.profile = newProfile;
    }

    /** The key's configuration profile, or null for the built-in Default. */
    public ConfigurationProfile getProfile() {
        return profile;
    }

    public String getId() {
        return id;
    }

    public Subscription getSubscription() {
        return subscription;
    }

    public KeyType getType() {
        return type;
    }

    /** The primary key is called as its subscription is, through renames (as the seed's keys table shows it). */
    public String getName() {
        return type == KeyType.PRIMARY ? subscription.getName() : name;
    }

    public String getKeyValue() {
        return keyValue;
    }

    public Integer getQuota() {
        return quota;
    }

    public LocalDate getCustomExpiresOn() {
        return customExpiresOn;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
