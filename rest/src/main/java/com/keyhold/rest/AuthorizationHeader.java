package com.keyhold.rest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/** Reads the two schemes Keyhold accepts in an {@code Authorization} header (RFC 7617, RFC 6750). */
public final class AuthorizationHeader {

    public record BasicCredentials(String username, String password) {
    }

    private AuthorizationHeader() {
    }

    public static Optional<String> bearer(String header) {
        return credentialsOf(header, "bearer").filter(token -> !token.isEmpty() && token.indexOf(' ') < 0);
    }

    public static Optional<BasicCredentials> basic(String header) {
        return credentialsOf(header, "basic").flatMap(encoded -> {
            try {
                String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon < 0 ? Optional.empty()
                        : Optional.of(new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
            } catch (IllegalArgumentException notBase64) {
                return Optional.empty();
            }
        });
    }

    private static Optional<String> credentialsOf(String header, String scheme) {
        if (header == null) {
            return Optional.empty();
        }
        String trimmed = header.strip();
        int space = trimmed.indexOf(' ');
        if (space < 0 || !trimmed.substring(0, space).toLowerCase(Locale.ROOT).equals(scheme)) {
            return Optional.empty();
        }
        return Optional.of(trimmed.substring(space + 1).strip());
    }
}
