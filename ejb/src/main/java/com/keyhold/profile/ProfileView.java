package com.keyhold.profile;

import java.time.Instant;

/**
 * A configuration profile as administrators see it (CONTRACT section 6), with the number of keys
 * that use it. A class with getters so pages (EL 5) can read it.
 */
public final class ProfileView {

    private final String id;
    private final String name;
    private final VmImagePayload vmImage;
    private final UpgradesPayload upgrades;
    private final long keyCount;
    private final Instant updatedAt;

    public ProfileView(String id, String name, VmImagePayload vmImage, UpgradesPayload upgrades, long keyCount,
            Instant updatedAt) {
        this.id = id;
        this.name = name;
        this.vmImage = vmImage;
        this.upgrades = upgrades;
        this.keyCount = keyCount;
        this.updatedAt = updatedAt;
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public VmImagePayload getVmImage() {
        return vmImage;
    }

    public UpgradesPayload getUpgrades() {
        return upgrades;
    }

    public boolean isVmImageEnabled() {
        return vmImage.enabled();
    }

    public boolean isUpgradesEnabled() {
        return upgrades.enabled();
    }

    public long getKeyCount() {
        return keyCount;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
