package com.keyhold.computer;

import java.security.SecureRandom;
import java.time.Duration;

/**
 * When a client should call again (SPEC C3): a random moment 12 to 36 hours ahead, so that a fleet
 * installed in one morning does not check in together ever after; never more than 7 days.
 */
public final class CheckInIntervals {

    static final Duration MIN = Duration.ofHours(12);
    static final Duration MAX = Duration.ofHours(36);
    private static final SecureRandom RANDOM = new SecureRandom();

    private CheckInIntervals() {
    }

    public static long nextSeconds() {
        return MIN.toSeconds() + RANDOM.nextLong(MAX.toSeconds() - MIN.toSeconds() + 1);
    }
}
