package com.keyhold.computer;

/**
 * What an activation record holds. BLACKLISTED and EXPIRED are not stored: they are computed from
 * the blacklist and the clock, so they can never be stale (SPEC C3, C5, L3).
 */
public enum ActivationStatus {
    ACTIVE, DEACTIVATED
}
