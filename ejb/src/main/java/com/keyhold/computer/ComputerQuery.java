package com.keyhold.computer;

/**
 * The Registered Computers list's filters (SPEC C6): Computers (status), Display (key expiry), text
 * search, sort column and direction, page, and the configuration profile of the computer's key
 * (SPEC P2: a profile's id, {@link #DEFAULT_PROFILE} for keys without one, null for any).
 */
public record ComputerQuery(StatusFilter status, DisplayFilter display, String search, String sort, boolean ascending,
        int page, int size, String profileId) {

    /** The profile filter's value for keys on the built-in Default profile. */
    public static final String DEFAULT_PROFILE = "DEFAULT";

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 1000;

    /** The Computers filter. */
    public enum StatusFilter {
        ALL, ACTIVE, DEACTIVATED, BLACKLISTED
    }

    /** The Display filter: by the expiry of the computer's key. */
    public enum DisplayFilter {
        ALL, EXPIRING_SOON, EXPIRED
    }

    public ComputerQuery {
        status = status == null ? StatusFilter.ALL : status;
        display = display == null ? DisplayFilter.ALL : display;
        page = Math.max(0, page);
        size = size <= 0 ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
        profileId = profileId == null || profileId.isBlank() ? null
                : profileId.strip().equalsIgnoreCase(DEFAULT_PROFILE) ? DEFAULT_PROFILE : profileId.strip();
    }

    /** Any configuration profile. */
    public ComputerQuery(StatusFilter status, DisplayFilter display, String search, String sort, boolean ascending,
            int page, int size) {
        this(status, display, search, sort, ascending, page, size, null);
    }

    /** This query, for computers whose key has this configuration profile. */
    public ComputerQuery withProfile(String id) {
        return new ComputerQuery(status, display, search, sort, ascending, page, size, id);
    }

    /** No filter at all: every computer the caller may see (the sort aside). */
    public boolean unfiltered() {
        return status == StatusFilter.ALL && display == DisplayFilter.ALL && (search == null || search.isBlank())
                && profileId == null;
    }

    public static ComputerQuery all() {
        return new ComputerQuery(StatusFilter.ALL, DisplayFilter.ALL, null, null, true, 0, DEFAULT_SIZE);
    }
}
