package com.keyhold.proxy;

import java.time.LocalDate;

/**
 * The license information a proxy receives (CONTRACT section 3, {@code LicenseInfo}; the same
 * children in an offline response file, section 4).
 *
 * @param activationKey the proxy's secret for later calls; in every answer to the proxy itself
 * @param licenseKey    the key, masked (SPEC L9)
 * @param status        {@code ACTIVE}, {@code DEACTIVATED}, {@code EXPIRED} or {@code PENDING_RELEASE}
 * @param document      the signed license document (CONTRACT section 5)
 */
public record ProxyLicense(String activationKey, String licenseKey, String status, LocalDate startDate,
        LocalDate endDate, int maxManagedComputers, int usedManagedComputers, int remainingManagedComputers,
        boolean offlineUse, String document) {
}
