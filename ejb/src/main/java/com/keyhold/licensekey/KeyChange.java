package com.keyhold.licensekey;

import java.time.LocalDate;

/**
 * A new key or a change to one (SPEC L4–L7). For a change, null fields stay as they are;
 * {@code renewWithSubscription} true clears a custom expiry.
 */
public record KeyChange(String name, KeyType type, Integer quota, LocalDate expiresOn, Boolean renewWithSubscription) {
}
