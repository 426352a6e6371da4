package com.keyhold.profile;

/**
 * The major version upgrades payload (SPEC P1): whether upgrading to a new major version is allowed
 * and to which version. {@code enabled} decides whether clients receive it; the settings are kept
 * when it is off.
 */
public record UpgradesPayload(boolean enabled, boolean allowed, String targetVersion) {

    /** Switched off and empty: what a new profile starts with. */
    public static UpgradesPayload none() {
        return new UpgradesPayload(false, false, null);
    }
}
