package com.keyhold.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** An entry never makes its action fail: long text is cut to the column; and it cannot be changed. */
class ActivityEntryTest {

    @Test
    void longTextIsCutWithAnEllipsisToTheColumnSize() {
        String summary = "x".repeat(2000);
        ActivityEntry entry = new ActivityEntry(Instant.EPOCH, null, null, null, "KEY.CREATED", "LicenseKey", "id",
                summary, "127.0.0.1");
        assertEquals(ActivityEntry.MAX_SUMMARY, entry.getSummary().length());
        assertEquals('\u2026', entry.getSummary().charAt(ActivityEntry.MAX_SUMMARY - 1));
    }

    @Test
    void shortTextIsKeptAndNullStaysNull() {
        String text = "short";
        assertSame(text, ActivityEntry.cut(text, 10));
        assertNull(ActivityEntry.cut(null, 10));
        assertEquals("abcdefghij", ActivityEntry.cut("abcdefghij", 10));
    }

    @Test
    void aCutNeverSplitsASurrogatePair() {
        String text = "abcd\uD83D\uDE00efgh"; // an emoji at index 4-5
        assertEquals("abcd\u2026", ActivityEntry.cut(text, 6));
        assertEquals("abcd\uD83D\uDE00\u2026", ActivityEntry.cut(text, 7));
    }

    @Test
    void anEntryNeedsATimeAndAnAction() {
        assertThrows(IllegalArgumentException.class, () -> new ActivityEntry(null, null, null, null, "KEY.CREATED", null, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> new ActivityEntry(Instant.EPOCH, null, null, null, " ", null, null, null, null));
    }

    @Test
    void entriesAreAppendOnlyThereAreNoSetters() {
        Method[] mutators = Arrays.stream(ActivityEntry.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()))
                .filter(m -> !m.getName().startsWith("get"))
                .toArray(Method[]::new);
        assertEquals(0, mutators.length, Arrays.toString(mutators));
    }
}
