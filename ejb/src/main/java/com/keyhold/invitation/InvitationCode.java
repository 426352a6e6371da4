package com.keyhold.invitation;

import com.keyhold.licensekey.LicenseKeyFormat;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * Temporary activation codes (SPEC I3, CONTRACT section 2): {@code INV-} and 16 Crockford base32
 * characters in four groups of four, 80 random bits, so a code looks unlike a license key and can be
 * read out over the phone. Typing is forgiven as Crockford intends: lower case, {@code I}/{@code L}
 * for 1, {@code O} for 0, missing or extra dashes and spaces.
 */
public final class InvitationCode {

    public static final String PREFIX = "INV-";
    static final String ALPHABET = LicenseKeyFormat.ALPHABET;
    private static final int LENGTH = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private InvitationCode() {
    }

    public static String generate() {
        StringBuilder code = new StringBuilder(PREFIX);
        for (int i = 0; i < LENGTH; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** Whether what a client sent is meant as a code (starts with INV), not a license key. */
    public static boolean looksLikeCode(String input) {
        return input != null && input.strip().toUpperCase(Locale.ROOT).startsWith("INV");
    }

    /** The canonical form of a typed code, or empty when it cannot be one. */
    public static Optional<String> normalize(String input) {
        if (input == null || input.length() > 64) {
            return Optional.empty();
        }
        String upper = input.strip().toUpperCase(Locale.ROOT);
        if (!upper.startsWith("INV")) {
            return Optional.empty();
        }
        StringBuilder symbols = new StringBuilder(LENGTH);
        for (char c : upper.substring(3).toCharArray()) {
            if (c == '-' || c == ' ') {
                continue;
            }
            char symbol = c == 'I' || c == 'L' ? '1' : c == 'O' ? '0' : c;
            if (ALPHABET.indexOf(symbol) < 0) {
                return Optional.empty();
            }
            symbols.append(symbol);
        }
        if (symbols.length() != LENGTH) {
            return Optional.empty();
        }
        StringBuilder code = new StringBuilder(PREFIX);
        for (int i = 0; i < LENGTH; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(symbols.charAt(i));
        }
        return Optional.of(code.toString());
    }
}
