package com.keyhold.profile;

/**
 * The corporate VM image provisioning payload (SPEC P1): where the image is, its checksum and the
 * name the VM gets. {@code enabled} decides whether clients receive it; the settings are kept when
 * it is off. Validated by the profile service, not here, so that a draft can be held while edited.
 */
public record VmImagePayload(boolean enabled, String imageUrl, String checksum, String vmName) {

    /** Switched off and empty: what a new profile starts with. */
    public static VmImagePayload none() {
        return new VmImagePayload(false, null, null, null);
    }
}
