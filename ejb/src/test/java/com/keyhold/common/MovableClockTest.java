package com.keyhold.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MovableClockTest {

    @Test
    void aControllableClockMovesByTheOffset() {
        MovableClock clock = new MovableClock(true);
        clock.shift(Duration.ofDays(30));
        Instant expected = Instant.now().plus(Duration.ofDays(30));
        assertTrue(Duration.between(expected, clock.instant()).abs().toSeconds() < 5);
        clock.shift(Duration.ZERO);
        assertTrue(Duration.between(Instant.now(), clock.instant()).abs().toSeconds() < 5);
    }

    @Test
    void withoutTheSettingTheClockCannotBeMoved() {
        MovableClock clock = new MovableClock(false);
        assertThrows(IllegalStateException.class, () -> clock.shift(Duration.ofDays(1)));
        assertEquals(Duration.ZERO, clock.offset());
    }
}
