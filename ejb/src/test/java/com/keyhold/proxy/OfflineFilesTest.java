package com.keyhold.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keyhold.common.ErrorCode;
import com.keyhold.common.KeyholdException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class OfflineFilesTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final String NONCE = "c2l4dGVlbiBieXRlcyBvZiBub25jZQ==";

    private static String file(String type, String keys, Instant createdAt, String nonce) {
        return "<?xml version=\"1.0\"?><offlineRequest xmlns=\"urn:keyhold:offline:v1\" type=\"" + type + "\">" + keys
                + "<serverName>sccm</serverName><siteCode>T12</siteCode><siteDescription>HQ</siteDescription>"
                + "<appVersion>5.2</appVersion><nonce>" + nonce + "</nonce><createdAt>" + createdAt + "</createdAt></offlineRequest>";
    }

    private static OfflineRequest parse(String xml) {
        return OfflineFiles.parse(xml.getBytes(StandardCharsets.UTF_8), NOW);
    }

    private static void assertRefused(String xml, String why) {
        KeyholdException refused = assertThrows(KeyholdException.class, () -> parse(xml), why);
        assertEquals(ErrorCode.BAD_REQUEST, refused.code(), why);
    }

    @Test
    void aWellFormedRequestIsRead_S3() {
        OfflineRequest request = parse(file("ACTIVATE", "<licenseKey>ABC</licenseKey>", NOW.minusSeconds(60), NONCE));
        assertEquals(OfflineRequest.Type.ACTIVATE, request.type());
        assertEquals("ABC", request.licenseKey());
        assertEquals("T12", request.site().siteCode());
        assertEquals(NONCE, request.nonce());
    }

    @Test
    void staleFutureAndNonceLessRequestsAreRefused_S9() {
        assertRefused(file("REFRESH", "<activationKey>k</activationKey>", NOW.minus(Duration.ofDays(31)), NONCE), "older than 30 days");
        assertRefused(file("REFRESH", "<activationKey>k</activationKey>", NOW.plus(Duration.ofDays(2)), NONCE), "from the future");
        assertRefused(file("REFRESH", "<activationKey>k</activationKey>", NOW, "c2hvcnQ="), "a nonce of 5 bytes");
        assertRefused(file("REFRESH", "<activationKey>k</activationKey>", NOW, "not base64!"), "a nonce that is no base64");
        assertRefused(file("ACTIVATE", "", NOW, NONCE), "an activation without a key");
        assertRefused(file("UPGRADE", "<activationKey>k</activationKey>", NOW, NONCE), "an unknown type");
        parse(file("REFRESH", "<activationKey>k</activationKey>", NOW.minus(Duration.ofDays(29)), NONCE));
    }

    @Test
    void anyDoctypeIsRefusedSoNoEntityIsExpanded_S9() {
        String body = file("ACTIVATE", "<licenseKey>&x;</licenseKey>", NOW, NONCE).replace("<?xml version=\"1.0\"?>", "");
        assertRefused("<!DOCTYPE offlineRequest [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" + body, "an external entity");
        assertRefused("<!DOCTYPE offlineRequest [<!ENTITY x \"y\">]>" + body, "even an internal entity");
        assertRefused("<!DOCTYPE offlineRequest SYSTEM \"http://127.0.0.1:9/x.dtd\">"
                + file("ACTIVATE", "<licenseKey>A</licenseKey>", NOW, NONCE).replace("<?xml version=\"1.0\"?>", ""), "an external DTD");
        assertRefused("<offlineRequest xmlns=\"urn:other\" type=\"ACTIVATE\"/>", "another namespace");
        assertRefused("", "an empty file");
    }

    @Test
    void theResponseCarriesTheLicenseInformation_S3() {
        byte[] response = OfflineFiles.response(OfflineRequest.Type.ACTIVATE, new ProxyLicense("kpa_x", "ABCD-****", "ACTIVE",
                LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1), 40, 3, 37, true, "payload.signature"));
        String xml = new String(response, StandardCharsets.UTF_8);
        assertTrue(xml.contains("<offlineResponse xmlns=\"urn:keyhold:offline:v1\" type=\"ACTIVATE\">"), xml);
        assertTrue(xml.contains("<maxManagedComputers>40</maxManagedComputers>") && xml.contains("<document>payload.signature</document>"), xml);
    }
}
