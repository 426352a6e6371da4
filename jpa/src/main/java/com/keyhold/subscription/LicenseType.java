package com.keyhold.subscription;

/**
 * How a subscription's computers activate (SPEC O2, CONTRACT section 7): with a license key, or,
 * for the corporate license type, with an ID token of the account's identity provider instead.
 */
public enum LicenseType {
    KEY,
    /** Corporate activation: desktop only, at least 50 seats, no sublicenses, no key handed out. */
    SSO;

    public static final int SSO_MINIMUM_SEATS = 50;
}
