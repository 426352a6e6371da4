package com.keyhold.computer;

/**
 * The Registered Computers list's filters (SPEC C6): Computers (status), Display (key expiry), text
 * search, sort column and direction, page.
 */
public record ComputerQuery(StatusFilter status, DisplayFilter display, String search, String sort, boolean ascending,
        int page, int size) {

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
    }

    public static ComputerQuery all() {
        return new ComputerQuery(StatusFilter.ALL, DisplayFilter.ALL, null, null, true, 0, DEFAULT_SIZE);
    }
}
