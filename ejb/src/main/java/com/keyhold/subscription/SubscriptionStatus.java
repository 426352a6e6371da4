package com.keyhold.subscription;

import java.time.LocalDate;

/**
 * A subscription's status (SPEC L3), always computed from the clock: timers only record and notify.
 * Expiring soon means the end date is within the warning window (30 days by default).
 */
public enum SubscriptionStatus {
    NOT_STARTED, ACTIVE, EXPIRING_SOON, EXPIRED;

    public static final int DEFAULT_EXPIRING_SOON_DAYS = 30;

    public static SubscriptionStatus of(LocalDate startsOn, LocalDate endsOn, LocalDate today, int expiringSoonDays) {
        if (today.isAfter(endsOn)) {
            return EXPIRED;
        }
        if (today.isBefore(startsOn)) {
            return NOT_STARTED;
        }
        return endsOn.isBefore(today.plusDays(expiringSoonDays)) ? EXPIRING_SOON : ACTIVE;
    }
}
