package com.keyhold.profile;

/**
 * A new profile or the whole of a changed one (SPEC P1): name and both payloads. A missing payload
 * is switched off and empty.
 */
public record ProfileDraft(String name, VmImagePayload vmImage, UpgradesPayload upgrades) {

    public ProfileDraft {
        vmImage = vmImage == null ? VmImagePayload.none() : vmImage;
        upgrades = upgrades == null ? UpgradesPayload.none() : upgrades;
    }
}
