package com.keyhold.proxy;

import java.util.Locale;
import java.util.Optional;

/** The Proxy Servers page's Display filter (SPEC S8) and the admin API's {@code display} parameter. */
public enum ProxyDisplay {
    ALL, EXPIRING, EXPIRED, DEACTIVATED;

    public static Optional<ProxyDisplay> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of(ALL);
        }
        try {
            return Optional.of(valueOf(value.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }
}
