package com.keyhold.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keyhold.common.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SPEC A1: passwords of at least ten characters, typed the same twice. */
class PasswordPolicyTest {

    @Test
    void tenCharactersTypedTwiceIsAccepted() {
        assertTrue(PasswordPolicy.check("0123456789", "0123456789").isEmpty());
    }

    @Test
    void nineCharactersIsTooShort() {
        assertEquals(List.of("password"), fields(PasswordPolicy.check("012345678", "012345678")));
    }

    @Test
    void aMismatchedRepetitionIsNamed() {
        assertEquals(List.of("passwordRepeated"), fields(PasswordPolicy.check("0123456789", "0123456788")));
    }

    @Test
    void aMissingPasswordIsRefused() {
        assertEquals(List.of("password"), fields(PasswordPolicy.check(null, null)));
    }

    @Test
    void blankPasswordsAreRefusedWhateverTheirLength() {
        assertEquals(List.of("password"), fields(PasswordPolicy.check(" ".repeat(12), " ".repeat(12))));
    }

    @Test
    void oversizedPasswordsAreRefusedBeforeHashing() {
        String huge = "x".repeat(PasswordPolicy.MAX_LENGTH + 1);
        assertEquals(List.of("password"), fields(PasswordPolicy.check(huge, huge)));
    }

    private static List<String> fields(List<Violation> violations) {
        return violations.stream().map(Violation::field).toList();
    }
}
