package com.keyhold.activity;

import com.keyhold.common.Validation;
import com.keyhold.common.Violation;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The filters of the activity log (CONTRACT section 6: {@code actor, action, from, to}), validated.
 *
 * <ul>
 * <li>{@code actor}: a user id (exact), or part of the actor's email (case-insensitive);</li>
 * <li>{@code action}: one action name ({@code KEY.CREATED}), or a family ending in {@code .*} or
 * {@code .} ({@code KEY.*}), case-insensitive;</li>
 * <li>{@code from}, {@code to}: an ISO-8601 instant ({@code 2026-11-23T10:15:30Z}) or a UTC date
 * ({@code 2026-11-23}); both ends included: {@code to} as a date means to the end of that day.</li>
 * </ul>
 * Internally the range is {@code [from, before)} with millisecond precision, as the column stores it.
 *
 * @param actor null for any actor
 * @param action the exact action name, null for any
 * @param actionPrefix an action family such as {@code "KEY."}, null for none
 * @param from the first instant included, null for no lower bound
 * @param before the first instant excluded, null for no upper bound
 */
public record ActivityFilter(String actor, String action, String actionPrefix, Instant from, Instant before) {

    public static final ActivityFilter NONE = new ActivityFilter(null, null, null, null, null);

    private static final Pattern ACTION = Pattern.compile("[A-Z][A-Z0-9_]*(\\.[A-Z][A-Z0-9_]*)*");
    private static final int MAX_ACTOR = 254;

    /** Parses the query parameters; invalid ones answer {@code BAD_REQUEST} naming each field. */
    public static ActivityFilter parse(String actor, String action, String from, String to) {
        List<Violation> violations = new ArrayList<>();
        String actorText = blankToNull(actor);
        if (actorText != null && actorText.length() > MAX_ACTOR) {
            violations.add(new Violation("actor", "must be at most " + MAX_ACTOR + " characters long"));
        }
        String exact = null;
        String prefix = null;
        String actionText = blankToNull(action);
        if (actionText != null) {
            String upper = actionText.toUpperCase(Locale.ROOT);
            String family = upper.endsWith(".*") ? upper.substring(0, upper.length() - 2)
                    : upper.endsWith(".") ? upper.substring(0, upper.length() - 1) : null;
            if (!ACTION.matcher(family == null ? upper : family).matches()) {
                violations.add(new Violation("action", "must be an action name such as KEY.CREATED, or a family such as KEY.*"));
            } else if (family == null) {
                exact = upper;
            } else {
                prefix = family + ".";
            }
        }
        Instant fromInstant = null;
        Instant before = null;
        try {
            fromInstant = start(blankToNull(from));
        } catch (DateTimeParseException e) {
            violations.add(new Violation("from", "must be a date (2026-11-23) or an ISO-8601 instant (2026-11-23T10:15:30Z)"));
        }
        try {
            before = end(blankToNull(to));
        } catch (DateTimeParseException e) {
            violations.add(new Violation("to", "must be a date (2026-11-23) or an ISO-8601 instant (2026-11-23T10:15:30Z)"));
        }
        if (fromInstant != null && before != null && !fromInstant.isBefore(before)) {
            violations.add(new Violation("to", "must not be before from"));
        }
        Validation.require(violations);
        return new ActivityFilter(actorText, exact, prefix, fromInstant, before);
    }

    /** The filter of the Activity page: dates picked in the calendar, both days included. */
    public static ActivityFilter ofDates(String actor, String action, LocalDate from, LocalDate to) {
        return parse(actor, action, from == null ? null : from.toString(), to == null ? null : to.toString());
    }

    /** The actor as a LIKE pattern on the email: lower case, with LIKE's wildcards escaped (escape character {@code \}). */
    public String actorPattern() {
        return actor == null ? null : "%" + actor.toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static Instant start(String text) {
        if (text == null) {
            return null;
        }
        return isDate(text) ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                : Instant.parse(text).truncatedTo(ChronoUnit.MILLIS);
    }

    private static Instant end(String text) {
        if (text == null) {
            return null;
        }
        return isDate(text) ? LocalDate.parse(text).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()
                : Instant.parse(text).truncatedTo(ChronoUnit.MILLIS).plusMillis(1);
    }

    private static boolean isDate(String text) {
        return text.length() == 10 && text.indexOf('T') < 0;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
