package com.keyhold.proxy;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A proxy server as the Proxy Servers page and the admin API show it (SPEC S8, CONTRACT section 6).
 * {@code status} is the told status ({@link ProxyLimits#status}); {@code overLimit} is decided against
 * the key's maximum now; {@code silent}: no report for 8 days (E3).
 */
public record ProxyView(String id, String serverName, String siteCode, String siteDescription, String keyId,
        String keyName, String maskedKey, String status, boolean offlineUse, String appVersion, Instant activatedAt,
        Instant deactivatedAt, Instant lastReportAt, LocalDate lastReportDate, LocalDate expiresOn,
        int maxManagedComputers, int usedManagedComputers, boolean overLimit, boolean silent, String notes,
        String activationKeyHint) {
}
