package com.keyhold.proxy;

import com.keyhold.proxy.ProxyStatus;
import java.time.LocalDate;

/**
 * The fleet product's arithmetic, decided from stored facts and the clock alone (SPEC S1, S6, L3):
 * what a proxy's status is, how many managed Macs its key allows, whether it is over, and whether
 * one more Mac may enroll. Plain Java, so every rule has a fast test.
 */
public final class ProxyLimits {

    private ProxyLimits() {
    }

    /** The status a proxy is told: its stored state, or EXPIRED when its key or subscription ended (never stored). */
    public static String status(ProxyStatus stored, LocalDate keyExpiresOn, LocalDate today) {
        if (stored != ProxyStatus.ACTIVE) {
            return stored.name();
        }
        return today.isAfter(keyExpiresOn) ? "EXPIRED" : "ACTIVE";
    }

    /** S6: over the limit when the latest report counted more managed Macs than the key allows. */
    public static boolean overLimit(Integer lastReported, int maxManaged) {
        return lastReported != null && lastReported > maxManaged;
    }

    public static int remaining(int maxManaged, Integer managed) {
        return Math.max(0, maxManaged - (managed == null ? 0 : managed));
    }

    /** S6: a Mac may enroll while the proxy is active and the managed Macs, this one included, stay within the maximum. */
    public static EnrollDecision canEnroll(String status, int maxManaged, int managedNow) {
        int remaining = remaining(maxManaged, managedNow);
        return new EnrollDecision("ACTIVE".equals(status) && remaining > 0, remaining);
    }
}
