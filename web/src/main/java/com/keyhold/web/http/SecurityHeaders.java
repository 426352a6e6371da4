package com.keyhold.web.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The headers every answer carries. The content security policy allows only Keyhold's own origin;
 * PrimeFaces writes inline scripts and styles (its widget set-up), hence {@code 'unsafe-inline'},
 * but no framing ({@code frame-ancestors 'none'}: no clickjacking), no plugins, no foreign forms.
 * HSTS is sent only over HTTPS or when Keyhold is configured HTTPS-only: over plain HTTP a browser
 * ignores it, and sending it from a server that also serves HTTP would be a lie.
 */
public final class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval';"
            + " style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self';"
            + " object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    static final String HSTS = "max-age=31536000; includeSubDomains";

    private SecurityHeaders() {
    }

    /** The headers for an answer to a request that was secure (HTTPS) or not. */
    public static Map<String, String> forRequest(boolean secure, boolean httpsOnly) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "same-origin");
        headers.put("X-Frame-Options", "DENY");
        if (secure || httpsOnly) {
            headers.put("Strict-Transport-Security", HSTS);
        }
        return headers;
    }
}
