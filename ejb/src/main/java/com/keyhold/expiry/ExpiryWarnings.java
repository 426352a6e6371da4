package com.keyhold.expiry;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * When to warn that a subscription ends (SPEC E1): 30, 7 and 1 days before its end date. A sweep
 * that comes late (the server was down, the subscription was issued with little time left) sends
 * only the most urgent warning that is due, and the earlier ones count as given, so an administrator
 * never gets "30 days left" when 5 are left.
 */
public final class ExpiryWarnings {

    /** Days before the end date, most distant first. */
    public static final List<Integer> THRESHOLDS = List.of(30, 7, 1);

    private ExpiryWarnings() {
    }

    /** The thresholds reached on {@code today} (none once the end date has passed). */
    public static List<Integer> reached(LocalDate endsOn, LocalDate today) {
        long daysLeft = ChronoUnit.DAYS.between(today, endsOn);
        if (daysLeft < 0) {
            return List.of();
        }
        return THRESHOLDS.stream().filter(threshold -> daysLeft <= threshold).toList();
    }

    /** The warning to send among the reached ones: the most urgent. */
    public static Optional<Integer> toSend(List<Integer> reached) {
        return reached.stream().min(Integer::compare);
    }

    /** Whole days left until the end date ends (the end date itself counts as the last day). */
    public static long daysLeft(LocalDate endsOn, LocalDate today) {
        return ChronoUnit.DAYS.between(today, endsOn) + 1;
    }
}
