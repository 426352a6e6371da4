package com.keyhold.user;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Slows down password guessing (Issue 4's quality bar for SPEC A1, issue 9): five failed sign-ins
 * for one email within a minute lock that email for five minutes after the fifth; fifty failures
 * from one client address within a minute (whatever the emails) lock that address likewise. The
 * legitimate user waits it out or resets the password; other emails and addresses are not affected.
 */
public final class SignInThrottle {

    public static final int MAX_FAILURES = 5;
    /** Failures from one client address within {@link #WINDOW} that lock the address (password spraying). */
    public static final int MAX_FAILURES_PER_ADDRESS = 50;
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
        return lockedUntil(failures, now, MAX_FAILURES);
    }

    /**
     * @param failures failed attempts since {@link #lookBackFrom}, oldest first
     * @param maxFailures how many failures within {@link #WINDOW} lock
     * @return the instant the lock ends, when locked now
     */
    public static Optional<Instant> lockedUntil(List<Instant> failures, Instant now, int maxFailures) {
        Instant until = null;
        for (int last = maxFailures - 1; last < failures.size(); last++) {
            Instant first = failures.get(last - maxFailures + 1);
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
