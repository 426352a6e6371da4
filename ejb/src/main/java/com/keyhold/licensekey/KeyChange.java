package com.keyhold.licensekey;

import java.time.LocalDate;

/**
 * A new key or a change to one (SPEC L4–L7, P2). For a change, null fields stay as they are;
 * {@code renewWithSubscription} true clears a custom expiry. {@code changesProfile} true applies
 * {@code profileId} to the key, where null means the built-in Default.
 */
public record KeyChange(String name, KeyType type, Integer quota, LocalDate expiresOn, Boolean renewWithSubscription,
        boolean changesProfile, String profileId) {

    /** A change that leaves the key's configuration profile as it is. */
    public KeyChange(String name, KeyType type, Integer quota, LocalDate expiresOn, Boolean renewWithSubscription) {
        this(name, type, quota, expiresOn, renewWithSubscription, false, null);
    }

    /** This change, also applying the profile {@code id} (null: Default) to the key. */
    public KeyChange withProfile(String id) {
        return new KeyChange(name, type, quota, expiresOn, renewWithSubscription, true, id);
    }
}
