package com.keyhold.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keyhold.common.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SPEC P1, P2: what a profile may hold and what clients receive of it. */
class ProfilePayloadsTest {

    private static final String SHA = "a".repeat(64);

    private static List<String> fields(ProfileDraft draft) {
        return ProfilePayloads.violations(ProfilePayloads.normalize(draft)).stream().map(Violation::field).toList();
    }

    @Test
    void theDefaultHasNoPayloads_P2() {
        assertEquals("{\"name\":\"Default\",\"payloads\":[]}", ProfilePayloads.clientJson((ConfigurationProfile) null));
        assertEquals(ProfilePayloads.DEFAULT_JSON, ProfilePayloads.clientJson(null, null, null));
    }

    @Test
    void onlyEnabledPayloadsAreSent_P1() {
        VmImagePayload vm = new VmImagePayload(true, "https://images.example.com/win11.pvmp", SHA, "Corporate Windows");
        UpgradesPayload up = new UpgradesPayload(true, true, "20");
        assertEquals("{\"name\":\"Dev\",\"payloads\":[{\"type\":\"VM_IMAGE\",\"imageUrl\":\"https://images.example.com/win11.pvmp\","
                + "\"checksum\":\"" + SHA + "\",\"vmName\":\"Corporate Windows\"},{\"type\":\"UPGRADES\",\"allowed\":true,"
                + "\"targetVersion\":\"20\"}]}", ProfilePayloads.clientJson("Dev", vm, up));
        String vmOff = ProfilePayloads.clientJson("Dev", new VmImagePayload(false, vm.imageUrl(), SHA, "x"), up);
        assertFalse(vmOff.contains("VM_IMAGE"), vmOff);
        assertFalse(vmOff.contains("images.example.com"), "a disabled payload's settings are not sent");
        assertTrue(vmOff.contains("\"payloads\":[{\"type\":\"UPGRADES\""), vmOff);
        assertEquals("{\"name\":\"Dev\",\"payloads\":[]}", ProfilePayloads.clientJson("Dev",
                new VmImagePayload(false, vm.imageUrl(), SHA, null), new UpgradesPayload(false, true, "20")));
    }

    @Test
    void upgradesNotAllowedCarryNoTargetVersion_P1() {
        assertEquals("{\"name\":\"Hold\",\"payloads\":[{\"type\":\"UPGRADES\",\"allowed\":false,\"targetVersion\":null}]}",
                ProfilePayloads.clientJson("Hold", VmImagePayload.none(), new UpgradesPayload(true, false, "20")));
    }

    @Test
    void textIsEscapedAsJson() {
        String json = ProfilePayloads.clientJson("Q\"uote\\ \u0001\n", VmImagePayload.none(), UpgradesPayload.none());
        assertEquals("{\"name\":\"Q\\\"uote\\\\ \\u0001\\n\",\"payloads\":[]}", json);
    }

    @Test
    void theNameIsRequiredShortAndNotDefault_P1() {
        assertEquals(List.of("name"), fields(new ProfileDraft("  ", null, null)));
        assertEquals(List.of("name"), fields(new ProfileDraft("x".repeat(101), null, null)));
        assertEquals(List.of("name"), fields(new ProfileDraft("default", null, null)));
        assertEquals(List.of(), fields(new ProfileDraft("x".repeat(100), null, null)));
    }

    @Test
    void anEnabledVmImageNeedsAnHttpUrlAndASha256_P1() {
        assertEquals(List.of("payloads.vmImage.imageUrl", "payloads.vmImage.checksum"),
                fields(new ProfileDraft("P", new VmImagePayload(true, null, null, null), null)));
        assertEquals(List.of("payloads.vmImage.imageUrl"),
                fields(new ProfileDraft("P", new VmImagePayload(true, "ftp://host/image", SHA, null), null)));
        assertEquals(List.of("payloads.vmImage.imageUrl"),
                fields(new ProfileDraft("P", new VmImagePayload(true, "javascript:alert(1)", SHA, null), null)));
        assertEquals(List.of("payloads.vmImage.checksum"),
                fields(new ProfileDraft("P", new VmImagePayload(true, "https://h/i", "abc", null), null)));
        assertEquals(List.of(), fields(new ProfileDraft("P", new VmImagePayload(true, "http://h/i", "SHA256:" + "AB".repeat(32), null), null)));
        assertEquals("sha256:" + "ab".repeat(32), ProfilePayloads.normalize(new ProfileDraft("P",
                new VmImagePayload(true, "http://h/i", " SHA256:" + "AB".repeat(32) + " ", null), null)).vmImage().checksum());
    }

    @Test
    void aDisabledPayloadKeepsUnfinishedSettings_P1() {
        assertEquals(List.of(), fields(new ProfileDraft("P", new VmImagePayload(false, "not a url", "abc", "VM"),
                new UpgradesPayload(false, true, null))));
    }

    @Test
    void allowedUpgradesNeedATargetVersion_P1() {
        assertEquals(List.of("payloads.upgrades.targetVersion"), fields(new ProfileDraft("P", null, new UpgradesPayload(true, true, null))));
        assertEquals(List.of("payloads.upgrades.targetVersion"), fields(new ProfileDraft("P", null, new UpgradesPayload(true, true, "v20"))));
        assertEquals(List.of(), fields(new ProfileDraft("P", null, new UpgradesPayload(true, true, "19.1.0-54729"))));
        assertEquals(List.of(), fields(new ProfileDraft("P", null, new UpgradesPayload(true, false, null))));
    }
}
