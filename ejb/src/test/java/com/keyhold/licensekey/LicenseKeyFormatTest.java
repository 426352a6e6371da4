package com.keyhold.licensekey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** SPEC L9: 30 Crockford base32 characters in five groups of six, compared leniently, shown masked. */
class LicenseKeyFormatTest {

    /** Written out here rather than taken from the class, so a wrong constant cannot pass its own test. */
    private static final Pattern FORMAT =
            Pattern.compile("^[0123456789ABCDEFGHJKMNPQRSTVWXYZ]{6}(-[0123456789ABCDEFGHJKMNPQRSTVWXYZ]{6}){4}$");
    private static final String KEY = "0A1B2C-3D4E5F-6G7H8J-9KMNPQ-7KQ2MZ";

    @Test
    void aGeneratedKeyIsThirtyCrockfordCharactersInFiveGroupsOfSix_L9() {
        String key = LicenseKeyFormat.generate();
        assertTrue(FORMAT.matcher(key).matches(), key);
        assertEquals(34, key.length());
    }

    @Test
    void tenThousandGeneratedKeysAreAllValidAndDistinct_L9() {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String key = LicenseKeyFormat.generate();
            assertTrue(FORMAT.matcher(key).matches(), key);
            assertTrue(LicenseKeyFormat.isCanonical(key), key);
            assertEquals(Optional.of(key), LicenseKeyFormat.normalize(key));
            keys.add(key);
        }
        assertEquals(10_000, keys.size());
    }

    @Test
    void generatedKeysUseTheWholeAlphabet_L9() {
        // 300,000 random symbols: the chance that one of 32 never appears is below 10^-4000.
        Set<Character> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            for (char c : LicenseKeyFormat.generate().toCharArray()) {
                seen.add(c);
            }
        }
        seen.remove('-');
        assertEquals(32, seen.size());
        for (char c : LicenseKeyFormat.ALPHABET.toCharArray()) {
            assertTrue(seen.contains(c), "never generated: " + c);
        }
    }

    @Test
    void theAlphabetIsCrockfordBase32_L9() {
        assertEquals("0123456789ABCDEFGHJKMNPQRSTVWXYZ", LicenseKeyFormat.ALPHABET);
        assertEquals(30, LicenseKeyFormat.LENGTH);
    }

    @Test
    void aCanonicalKeyNormalizesToItself_L9() {
        assertEquals(Optional.of(KEY), LicenseKeyFormat.normalize(KEY));
    }

    @Test
    void lowerCaseIsAccepted_L9() {
        assertEquals(Optional.of(KEY), LicenseKeyFormat.normalize("0a1b2c-3d4e5f-6g7h8j-9kmnpq-7kq2mz"));
    }

    @Test
    void missingDashesAreAccepted_L9() {
        assertEquals(Optional.of(KEY), LicenseKeyFormat.normalize("0A1B2C3D4E5F6G7H8J9KMNPQ7KQ2MZ"));
    }

    @Test
    void spacesInsteadOfDashesAreAccepted_L9() {
        assertEquals(Optional.of(KEY), LicenseKeyFormat.normalize("0A1B2C 3D4E5F 6G7H8J 9KMNPQ 7KQ2MZ"));
    }

    @Test
    void surroundingWhiteSpaceFromAPasteIsIgnored_L9() {
        assertEquals(Optional.of(KEY), LicenseKeyFormat.normalize("  \t0A1B2C-3D4E5F-6G7H8J-9KMNPQ-7KQ2MZ\r\n"));
        assertEquals(Optional.of(KEY), LicenseKeyFormat.normalize("\u00A00A1B2C-3D4E5F-6G7H8J-9KMNPQ-7KQ2MZ\u00A0"));
    }

    @Test
    void dashesAndSpacesAnywhereAreIgnored_L9() {
        assertEquals(Optional.of(KEY), LicenseKeyFormat.normalize("0a1b-2c3d-4e5f 6g7h - 8j9k-mnpq--7kq2mz"));
    }

    @Test
    void theLetterOReadsAsZero_L9() {
        assertEquals(Optional.of(KEY), LicenseKeyFormat.normalize("OA1B2C-3D4E5F-6G7H8J-9KMNPQ-7KQ2MZ"));
        assertEquals(Optional.of(KEY), LicenseKeyFormat.normalize("oA1B2C-3D4E5F-6G7H8J-9KMNPQ-7KQ2MZ"));
    }

    @Test
    void theLettersIAndLReadAsOne_L9() {
        assertEquals(Optional.of(KEY), LicenseKeyFormat.normalize("0AIB2C-3D4E5F-6G7H8J-9KMNPQ-7KQ2MZ"));
        assertEquals(Optional.of(KEY), LicenseKeyFormat.normalize("0ALB2C-3D4E5F-6G7H8J-9KMNPQ-7KQ2MZ"));
        assertEquals(Optional.of(KEY), LicenseKeyFormat.normalize("0aib2c-3d4e5f-6g7h8j-9kmnpq-7kq2mz"));
        assertEquals(Optional.of(KEY), LicenseKeyFormat.normalize("0alb2c-3d4e5f-6g7h8j-9kmnpq-7kq2mz"));
    }

    @Test
    void noInputIsNoKey_L9() {
        assertEquals(Optional.empty(), LicenseKeyFormat.normalize(null));
        assertEquals(Optional.empty(), LicenseKeyFormat.normalize(""));
        assertEquals(Optional.empty(), LicenseKeyFormat.normalize("   "));
        assertEquals(Optional.empty(), LicenseKeyFormat.normalize("-----"));
    }

    @Test
    void twentyNineCharactersAreNoKey_L9() {
        assertEquals(Optional.empty(), LicenseKeyFormat.normalize("0A1B2C-3D4E5F-6G7H8J-9KMNPQ-7KQ2M"));
    }

    @Test
    void thirtyOneCharactersAreNoKey_L9() {
        assertEquals(Optional.empty(), LicenseKeyFormat.normalize("0A1B2C-3D4E5F-6G7H8J-9KMNPQ-7KQ2MZ0"));
        assertEquals(Optional.empty(), LicenseKeyFormat.normalize(KEY + KEY));
    }

    @Test
    void theLetterUIsNoKeyCharacter_L9() {
        assertEquals(Optional.empty(), LicenseKeyFormat.normalize("UA1B2C-3D4E5F-6G7H8J-9KMNPQ-7KQ2MZ"));
        assertEquals(Optional.empty(), LicenseKeyFormat.normalize("uA1B2C-3D4E5F-6G7H8J-9KMNPQ-7KQ2MZ"));
    }

    @Test
    void punctuationAndOtherCharactersAreNoKeyCharacters_L9() {
        for (String bad : new String[] {"*", "_", ".", "=", "~", "$", "/", "+"}) {
            assertEquals(Optional.empty(), LicenseKeyFormat.normalize(bad + "A1B2C-3D4E5F-6G7H8J-9KMNPQ-7KQ2MZ"), bad);
        }
    }

    @Test
    void nonAsciiLookAlikesAreNoKeyCharacters_L9() {
        // The dotless ı upper-cases to I in Java; accepting it would make a typo a different key.
        for (String bad : new String[] {"\u0131", "\u00C9", "\uFF21", "\u0410", "\u039F"}) {
            assertEquals(Optional.empty(), LicenseKeyFormat.normalize(bad + "A1B2C-3D4E5F-6G7H8J-9KMNPQ-7KQ2MZ"), bad);
        }
    }

    @Test
    void isCanonicalAcceptsOnlyTheStoredForm_L9() {
        assertTrue(LicenseKeyFormat.isCanonical(KEY));
        assertFalse(LicenseKeyFormat.isCanonical(KEY.toLowerCase(Locale.ROOT)));
        assertFalse(LicenseKeyFormat.isCanonical(KEY.replace("-", "")));
        assertFalse(LicenseKeyFormat.isCanonical("OA1B2C-3D4E5F-6G7H8J-9KMNPQ-7KQ2MZ"));
        assertFalse(LicenseKeyFormat.isCanonical(null));
    }

    @Test
    void aMaskedKeyShowsOnlyItsLastSixCharacters_L9() {
        assertEquals("XXXXXX-XXXXXX-XXXXXX-XXXXXX-7KQ2MZ", LicenseKeyFormat.mask(KEY));
    }

    @Test
    void anyAcceptedSpellingMasksLikeTheCanonicalKey_L9() {
        assertEquals("XXXXXX-XXXXXX-XXXXXX-XXXXXX-7KQ2MZ",
                LicenseKeyFormat.mask("0a1b2c 3d4e5f 6g7h8j 9kmnpq 7kq2mz"));
        assertEquals("XXXXXX-XXXXXX-XXXXXX-XXXXXX-7KQ2MZ", LicenseKeyFormat.mask("0A1B2C3D4E5F6G7H8J9KMNPQ7KQ2MZ"));
    }

    @Test
    void aMaskedGeneratedKeyEndsWithItsLastGroup_L9() {
        String key = LicenseKeyFormat.generate();
        assertEquals("XXXXXX-XXXXXX-XXXXXX-XXXXXX-" + key.substring(28), LicenseKeyFormat.mask(key));
    }

    @Test
    void whatIsNoKeyCannotBeMaskedAndIsNotRepeatedInTheError_L9() {
        String typo = "0A1B2C-3D4E5F-6G7H8J-9KMNPQ-7KQ2M";
        IllegalArgumentException refused =
                assertThrows(IllegalArgumentException.class, () -> LicenseKeyFormat.mask(typo));
        assertFalse(refused.getMessage().contains("7KQ2M"), refused.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LicenseKeyFormat.mask(null));
    }
}
