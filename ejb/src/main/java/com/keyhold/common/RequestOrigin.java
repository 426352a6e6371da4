package com.keyhold.common;

import java.util.Optional;

/**
 * The network address a request came from, for the activity log and sign-in throttling. The web
 * module's request filter sets it for the thread that serves the request (a local EJB call runs on
 * the caller's thread on every Jakarta EE server), and clears it afterwards; timers and other
 * background work have none.
 */
public final class RequestOrigin {

    private static final ThreadLocal<String> ADDRESS = new ThreadLocal<>();

    private RequestOrigin() {
    }

    /** The client's address (the trusted-proxy rule already applied), if this thread serves a request. */
    public static Optional<String> currentAddress() {
        return Optional.ofNullable(ADDRESS.get());
    }

    /** Called by the web module's filter around each request. */
    public static void set(String address) {
        if (address == null) {
            ADDRESS.remove();
        } else {
            ADDRESS.set(address);
        }
    }

    public static void clear() {
        ADDRESS.remove();
    }
}
