package com.keyhold.user;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Slows down password guessing (Issue 4's quality bar for SPEC A1): five failed sign-ins for one
 * email within a minute lock that email for five minutes after the fifth. The legitimate user waits
 * it out (or resets the password once that exists); other emails are not affected.
 */
public final class SignInThrottle {

    public static final int MAX_FAILURES = 5;
    public static final Duration WINDOW = Duration.ofMinutes(1);
    public static final Duration LOCKOUT = Duration.ofMinutes(5);

    private SignInThrottle() {
    }

    /** How far back callers must read failures to decide. */
    public static Instant lookBackFrom(Instant now) {
        return now.minus(WINDOW).minus(LOCKOUT);
    }

    /**
     * @param failures the email's failed attempts since {@link #lookBackFrom}, oldest first
     * @return the instant the lock ends, when the email is locked now
     */
    public static Optional<Instant> lockedUntil(List<Instant> failures, Instant now) {
        Instant until = null;
        for (int last = MAX_FAILURES - 1; last < failures.size(); last++) {
            Instant first = failures.get(last - MAX_FAILURES + 1);
            Instant fifth = failures.get(last);
            if (!fifth.isAfter(first.plus(WINDOW))) {
                Instant end = fifth.plus(LOCKOUT);
                if (end.isAfter(now) && (until == null || end.isAfter(until))) {
                    until = end;
                }
            }
        }
        return Optional.ofNullable(until);
    }
}
