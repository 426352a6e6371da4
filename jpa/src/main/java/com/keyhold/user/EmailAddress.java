package com.keyhold.user;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An email address as a user typed it, with the normalized form that makes addresses unique
 * regardless of case (SPEC A1).
 */
public record EmailAddress(String value) {

    /** Deliberately permissive: one @, no spaces, a dot in the domain; the mail server decides the rest. */
    private static final Pattern SHAPE = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    public static final int MAX_LENGTH = 254;

    public EmailAddress {
        if (value == null) {
            throw new IllegalArgumentException("email is required");
        }
        value = value.strip();
        if (value.length() > MAX_LENGTH || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("not a valid email address");
        }
    }

    public static boolean isValid(String candidate) {
        return candidate != null && candidate.strip().length() <= MAX_LENGTH
                && SHAPE.matcher(candidate.strip()).matches();
    }

    /** The form compared and indexed: lower case, so Ann@X.com and ann@x.com are one user. */
    public String normalized() {
        return value.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value;
    }
}
