package com.keyhold.computer;

/** The status a client sees (CONTRACT section 2), computed at each call so it is never stale (SPEC C3). */
public enum ClientStatus {
    ACTIVE, DEACTIVATED, BLACKLISTED, EXPIRED
}
