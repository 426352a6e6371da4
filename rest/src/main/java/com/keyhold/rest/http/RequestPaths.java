package com.keyhold.rest.http;

import java.util.Locale;
import java.util.Set;

/**
 * What the authentication mechanism decides on: the path the servlet container maps (servlet path
 * plus path info, already decoded and stripped of path parameters), and whether the raw request
 * line is one that different parts of the stack could read differently.
 * <p>
 * The container cuts {@code ;parameters} out of a segment, decodes {@code %2F} and resolves dot
 * segments before it maps a request; a decision on the raw URI therefore sees another path than the
 * one that is served ({@code /api;v1/operator/accounts} was served as {@code /api/v1/operator/...}
 * but looked public). So such requests are refused outright, and every decision is taken on the
 * mapped path.
 */
public final class RequestPaths {

    /** Areas with access rules; a request whose raw path is ambiguous there is refused with 400. */
    private static final String[] GUARDED_AREAS = {"/api", "/app", "/ws", "/scim"};

    /**
     * {@code /api/**} paths open without a personal or operator token: they are public, take
     * credentials of their own in their body (password resets, invitations to join), or check a
     * token of their own (the client API checks its activation token, HTTP Basic on token creation).
     */
    private static final Set<String> PUBLIC_API_EXACT = Set.of(
            "POST /api/v1/users",
            "POST /api/v1/auth/tokens",
            "POST /api/v1/auth/password-resets",
            "POST /api/v1/auth/password-resets/confirmation",
            "POST /api/v1/invitations/preview",
            "POST /api/v1/invitations/acceptance",
            "GET /api/v1/signing-key");

    /** Prefix of the desktop client API, which checks its own activation token (CONTRACT section 2). */
    private static final String CLIENT_API = "/api/v1/client/";

    private RequestPaths() {
    }

    /** The path the container maps, relative to the context root. */
    public static String mappedPath(String servletPath, String pathInfo) {
        return (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
    }

    /**
     * Whether a request must be refused before any decision: its raw URI (as sent, without the
     * query) has path parameters, encoded slashes, backslashes or dots, empty or dot segments,
     * control characters, or its mapped path reaches a guarded area under another spelling (a
     * different letter case).
     */
    public static boolean isAmbiguous(String rawPathWithoutContext, String mappedPath) {
        String raw = rawPathWithoutContext == null ? "" : rawPathWithoutContext;
        String lower = raw.toLowerCase(Locale.ROOT);
        if (raw.indexOf(';') >= 0 || raw.indexOf('\\') >= 0 || raw.contains("//")
                || lower.contains("%2f") || lower.contains("%5c") || lower.contains("%2e") || lower.contains("%25")
                || lower.contains("%00") || lower.contains("%3b")) {
            return true;
        }
        for (int i = 0; i < raw.length(); i++) {
            if (raw.charAt(i) < 0x20 || raw.charAt(i) == 0x7f) {
                return true;
            }
        }
        for (String segment : raw.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return true;
            }
        }
        return inGuardedAreaUnderAnotherSpelling(lower, raw) || inGuardedAreaUnderAnotherSpelling(
                mappedPath == null ? "" : mappedPath.toLowerCase(Locale.ROOT), mappedPath == null ? "" : mappedPath);
    }

    private static boolean inGuardedAreaUnderAnotherSpelling(String lower, String path) {
        for (String area : GUARDED_AREAS) {
            if ((lower.equals(area) || lower.startsWith(area + "/")) && !path.startsWith(area)) {
                return true;
            }
        }
        return false;
    }

    public static boolean isApi(String mappedPath) {
        return mappedPath.equals("/api") || mappedPath.startsWith("/api/");
    }

    /** SCIM 2.0 (CONTRACT section 8): a SCIM token of the account, checked by the authentication mechanism. */
    public static boolean isScim(String mappedPath) {
        return mappedPath.equals("/scim") || mappedPath.startsWith("/scim/");
    }

    public static boolean isApp(String mappedPath) {
        return mappedPath.startsWith("/app/");
    }

    /** Whether an {@code /api/**} request may pass without a personal or operator token. */
    public static boolean isPublicApi(String method, String mappedPath) {
        return PUBLIC_API_EXACT.contains(method + " " + mappedPath) || mappedPath.startsWith(CLIENT_API);
    }

    public static boolean isOperatorApi(String mappedPath) {
        return mappedPath.startsWith("/api/v1/operator/") || mappedPath.equals("/api/v1/operator");
    }
}
