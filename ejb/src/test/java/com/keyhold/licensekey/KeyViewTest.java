package com.keyhold.licensekey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** SPEC L9: a key view carries the key masked; only the view answering a creation carries it in full. */
class KeyViewTest {

    private static final String KEY = "7KQ2MZ-ABCDEF-GHJKMN-PQRSTV-WXYZ01";

    @Test
    void aListedKeyIsMasked_L9() {
        KeyView listed = new KeyView("id", "Lab", KEY, KeyType.RESERVED, 3, 1, 2, LocalDate.of(2027, 1, 1), true, false);
        assertEquals("XXXXXX-XXXXXX-XXXXXX-XXXXXX-WXYZ01", listed.getKey());
        assertEquals(listed.getKey(), listed.getMaskedKey());
        assertFalse(listed.toString().contains(KEY));
    }

    @Test
    void onlyTheCreatingAnswerCarriesTheFullKey_L9() {
        KeyView listed = new KeyView("id", "Lab", KEY, KeyType.RESERVED, 3, 1, 2, LocalDate.of(2027, 1, 1), true, false);
        KeyView created = listed.withFullKey(KEY);
        assertEquals(KEY, created.getKey());
        assertEquals("XXXXXX-XXXXXX-XXXXXX-XXXXXX-WXYZ01", created.getMaskedKey());
        assertEquals(listed.getQuota(), created.getQuota());
        assertEquals("XXXXXX-XXXXXX-XXXXXX-XXXXXX-WXYZ01", listed.getKey(), "the listed view is unchanged");
    }
}
