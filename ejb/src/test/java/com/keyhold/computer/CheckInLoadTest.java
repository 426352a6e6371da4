package com.keyhold.computer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** When check-ins are frequent enough to coalesce their writes (SPEC C3). */
class CheckInLoadTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void rareCheckInsAreNotBusy() {
        CheckInLoad load = new CheckInLoad(3);
        for (int i = 0; i < 10; i++) {
            assertFalse(load.busy(i * SECOND), "one a second");
        }
    }

    @Test
    void moreThanTheThresholdInASecondIsBusyAndStaysSoForTheNextSecond() {
        CheckInLoad load = new CheckInLoad(3);
        long t = 100 * SECOND;
        assertFalse(load.busy(t));
        assertFalse(load.busy(t + 1));
        assertFalse(load.busy(t + 2));
        assertTrue(load.busy(t + 3), "the fourth within the second");
        assertTrue(load.busy(t + SECOND + 5), "the previous second was busy");
        assertFalse(load.busy(t + 3 * SECOND), "two quiet seconds later");
    }
}
