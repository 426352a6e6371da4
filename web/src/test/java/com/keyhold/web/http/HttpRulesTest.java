package com.keyhold.web.http;

import com.keyhold.rest.http.BodyLimits;
import com.keyhold.rest.http.ClientAddress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 9: the client's address behind proxies, the body limits and the security headers. */
class HttpRulesTest {

    private static final List<String> PROXIES = List.of("10.0.0.1", "10.0.0.2");

    @Test
    void forwardedForIsBelievedOnlyFromATrustedProxy() {
        assertEquals("203.0.113.9", ClientAddress.resolve("203.0.113.9", "1.2.3.4", PROXIES), "a client cannot claim another address");
        assertEquals("1.2.3.4", ClientAddress.resolve("10.0.0.1", "1.2.3.4", PROXIES));
        assertEquals("10.0.0.1", ClientAddress.resolve("10.0.0.1", null, PROXIES));
    }

    @Test
    void theRightMostUntrustedHopIsTheClientNotWhatItWroteOnTheLeft() {
        assertEquals("198.51.100.7", ClientAddress.resolve("10.0.0.1", "6.6.6.6, 198.51.100.7, 10.0.0.2", PROXIES));
    }

    @Test
    void bulkEndpointsTakeOneMegabyteEverythingElse64Kilobytes() {
        assertEquals(1024 * 1024, BodyLimits.forPath("/api/v1/admin/computers/actions/deactivate"));
        assertEquals(1024 * 1024, BodyLimits.forPath("/api/v1/admin/keys/abc/invitations"));
        assertEquals(64 * 1024, BodyLimits.forPath("/api/v1/client/activations"));
        assertEquals(64 * 1024, BodyLimits.forPath("/api/v1/admin/keys/abc"));
    }

    @Test
    void everyAnswerForbidsFramingAndSniffingAndHstsOnlyOverHttpsOrWhenConfigured() {
        Map<String, String> plain = SecurityHeaders.forRequest(false, false);
        assertTrue(plain.get("Content-Security-Policy").contains("frame-ancestors 'none'"));
        assertEquals("nosniff", plain.get("X-Content-Type-Options"));
        assertEquals("same-origin", plain.get("Referrer-Policy"));
        assertFalse(plain.containsKey("Strict-Transport-Security"));
        assertTrue(SecurityHeaders.forRequest(true, false).containsKey("Strict-Transport-Security"));
        assertTrue(SecurityHeaders.forRequest(false, true).containsKey("Strict-Transport-Security"));
    }
}
