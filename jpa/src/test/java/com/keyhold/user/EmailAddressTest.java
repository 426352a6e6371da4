package com.keyhold.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

    @Test
    void addressesDifferingOnlyInCaseNormalizeToTheSameValue_A1() {
        assertEquals(new EmailAddress("Ann.Admin@Example.COM").normalized(),
                new EmailAddress("ann.admin@example.com").normalized());
    }

    @Test
    void surroundingSpacesAreDroppedButTheTypedCaseIsKept() {
        assertEquals("Ann@Example.com", new EmailAddress("  Ann@Example.com ").value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ann", "ann@", "@example.com", "ann@example", "an n@example.com", "a@b@c.com"})
    void malformedAddressesAreRefused(String candidate) {
        assertThrows(IllegalArgumentException.class, () -> new EmailAddress(candidate));
        assertFalse(EmailAddress.isValid(candidate));
    }

    @Test
    void overlongAddressesAreRefused() {
        String local = "a".repeat(250);
        assertThrows(IllegalArgumentException.class, () -> new EmailAddress(local + "@x.com"));
        assertTrue(EmailAddress.isValid("a".repeat(240) + "@x.com"));
    }

    @Test
    void languageTagsFallBackToEnglish() {
        assertEquals(Language.DE, Language.fromTag("de-CH"));
        assertEquals(Language.EN, Language.fromTag("fr"));
        assertEquals(Language.EN, Language.fromTag(null));
    }
}
