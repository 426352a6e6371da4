package com.keyhold.proxy;

import java.time.Instant;

/**
 * A request file as a proxy wrote it (CONTRACT section 4), parsed but not yet trusted: the keys it
 * names are checked like any other input (SPEC S9), its nonce and age by {@link OfflineFiles}.
 */
public record OfflineRequest(Type type, String licenseKey, String activationKey, SiteDetails site, String nonce,
        Instant createdAt) {

    public enum Type {
        ACTIVATE, REFRESH, DEACTIVATE
    }
}
