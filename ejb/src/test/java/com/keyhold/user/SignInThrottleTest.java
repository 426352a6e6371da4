package com.keyhold.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void fourFailuresLockNothing() {
        assertTrue(SignInThrottle.lockedUntil(failures(0, 10, 20, 30), T0.plusSeconds(31)).isEmpty());
    }

    @Test
    void fiveFailuresWithinAMinuteLockForFiveMinutesAfterTheFifth() {
        List<Instant> five = failures(0, 10, 20, 30, 40);
        assertEquals(T0.plusSeconds(40 + 300), SignInThrottle.lockedUntil(five, T0.plusSeconds(41)).orElseThrow());
        assertTrue(SignInThrottle.lockedUntil(five, T0.plusSeconds(40 + 299)).isPresent());
        assertTrue(SignInThrottle.lockedUntil(five, T0.plusSeconds(40 + 300)).isEmpty(), "waited out");
    }

    @Test
    void fiveFailuresSpreadOverMoreThanAMinuteLockNothing() {
        assertTrue(SignInThrottle.lockedUntil(failures(0, 20, 40, 55, 61), T0.plusSeconds(62)).isEmpty());
    }

    @Test
    void exactlyOneMinuteBetweenFirstAndFifthStillLocks() {
        assertTrue(SignInThrottle.lockedUntil(failures(0, 15, 30, 45, 60), T0.plusSeconds(61)).isPresent());
    }

    @Test
    void anyFiveConsecutiveFailuresCount() {
        List<Instant> spread = failures(0, 100, 110, 120, 130, 140);
        assertEquals(T0.plusSeconds(140 + 300), SignInThrottle.lockedUntil(spread, T0.plusSeconds(150)).orElseThrow());
    }

    private static List<Instant> failures(int... seconds) {
        List<Instant> list = new ArrayList<>();
        for (int s : seconds) {
            list.add(T0.plusSeconds(s));
        }
        return list;
    }
}
