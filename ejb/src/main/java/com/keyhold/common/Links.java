package com.keyhold.common;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Absolute links for emails, which are written away from any request: the public address of
 * Keyhold comes from {@code keyhold.base-url} (default {@code http://localhost:8080}).
 */
public final class Links {

    private Links() {
    }

    public static String to(String pathAndQuery) {
        String base = ConfigProvider.getConfig().getOptionalValue("keyhold.base-url", String.class)
                .orElse("http://localhost:8080");
        return base.replaceAll("/+$", "") + pathAndQuery;
    }
}
