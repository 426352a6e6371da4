package com.keyhold.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ProxyLimitsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    @Test
    void theToldStatusIsStoredStateOrExpiredByTheClock_S7_L3() {
        assertEquals("ACTIVE", ProxyLimits.status(ProxyStatus.ACTIVE, TODAY, TODAY), "the last day still counts");
        assertEquals("EXPIRED", ProxyLimits.status(ProxyStatus.ACTIVE, TODAY.minusDays(1), TODAY));
        assertEquals("DEACTIVATED", ProxyLimits.status(ProxyStatus.DEACTIVATED, TODAY.plusYears(1), TODAY));
        assertEquals("PENDING_RELEASE", ProxyLimits.status(ProxyStatus.PENDING_RELEASE, TODAY.minusDays(3), TODAY));
    }

    @Test
    void overTheLimitOnlyAboveTheMaximum_S6() {
        assertFalse(ProxyLimits.overLimit(null, 10), "no report yet");
        assertFalse(ProxyLimits.overLimit(10, 10));
        assertTrue(ProxyLimits.overLimit(11, 10));
        assertTrue(ProxyLimits.overLimit(1, 0), "an expired key allows none");
    }

    @Test
    void aMacMayEnrollWhileOneMoreFitsAndTheProxyIsActive_S6() {
        assertEquals(new EnrollDecision(true, 1), ProxyLimits.canEnroll("ACTIVE", 10, 9));
        assertEquals(new EnrollDecision(false, 0), ProxyLimits.canEnroll("ACTIVE", 10, 10));
        assertEquals(new EnrollDecision(false, 0), ProxyLimits.canEnroll("ACTIVE", 10, 45), "remaining never negative");
        assertEquals(new EnrollDecision(false, 5), ProxyLimits.canEnroll("DEACTIVATED", 10, 5));
        assertEquals(new EnrollDecision(false, 5), ProxyLimits.canEnroll("EXPIRED", 10, 5));
    }

    @Test
    void onlyDeactivatedProxiesGiveTheirKeyBack_S1_S7() {
        assertTrue(ProxyStatus.ACTIVE.holdsKey());
        assertTrue(ProxyStatus.PENDING_RELEASE.holdsKey());
        assertFalse(ProxyStatus.DEACTIVATED.holdsKey());
    }
}
