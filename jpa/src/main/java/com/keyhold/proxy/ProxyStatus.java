package com.keyhold.proxy;

/**
 * The stored state of a proxy server (SPEC S7). Whether its key or subscription has expired is
 * computed from the dates on every answer, never stored (L3), so there is no EXPIRED here.
 */
public enum ProxyStatus {
    /** Activated; holds its key. */
    ACTIVE,
    /** Deactivated in the portal while activated offline: still holds its key until its deactivation file arrives or an administrator releases it. */
    PENDING_RELEASE,
    /** Released its key. */
    DEACTIVATED;

    /** Whether a proxy in this state keeps its key from any other proxy (S1). */
    public boolean holdsKey() {
        return this != DEACTIVATED;
    }
}
