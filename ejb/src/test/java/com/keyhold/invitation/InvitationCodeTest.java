package com.keyhold.invitation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keyhold.licensekey.LicenseKeyFormat;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InvitationCodeTest {

    @Test
    void aCodeIsInvAndSixteenCrockfordSymbolsInFourGroups_I3() {
        String code = InvitationCode.generate();
        assertTrue(code.matches("INV-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}"), code);
        assertEquals(Optional.of(code), InvitationCode.normalize(code));
    }

    @Test
    void aCodeIsNeverALicenseKey_I3() {
        String code = InvitationCode.generate();
        assertTrue(LicenseKeyFormat.normalize(code).isEmpty(), "a code does not parse as a license key");
        assertTrue(InvitationCode.looksLikeCode(code));
    }

    @Test
    void typingIsForgivenAsCrockfordIntends() {
        assertEquals(Optional.of("INV-0123-4567-89AB-CDEF"), InvitationCode.normalize("inv 0123 4567 89ab cdef"));
        assertEquals(Optional.of("INV-1100-4567-89AB-CDEF"), InvitationCode.normalize("INV-IL0O-4567-89AB-CDEF"));
        assertEquals(Optional.of("INV-0123-4567-89AB-CDEF"), InvitationCode.normalize("INV0123456789ABCDEF"));
    }

    @Test
    void anythingElseIsNoCode() {
        assertFalse(InvitationCode.normalize("INV-0123-4567-89AB-CDE").isPresent(), "too short");
        assertFalse(InvitationCode.normalize("INV-0123-4567-89AB-CDEFG").isPresent(), "too long");
        assertFalse(InvitationCode.normalize("INV-0123-4567-89AB-CDEU").isPresent(), "U is not Crockford");
        assertFalse(InvitationCode.normalize(null).isPresent());
        assertFalse(InvitationCode.looksLikeCode("ABCDE-12345"));
    }

    @Test
    void codesDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertTrue(seen.add(InvitationCode.generate()));
        }
        assertNotEquals(InvitationCode.generate(), InvitationCode.generate());
    }
}
