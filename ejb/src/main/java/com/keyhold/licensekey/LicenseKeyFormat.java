package com.keyhold.licensekey;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The form of a license key (SPEC L9): 30 characters of Crockford base32 in five groups of six,
 * {@code XXXXXX-XXXXXX-XXXXXX-XXXXXX-XXXXXX}. Crockford's alphabet leaves out I, L, O and U, so a key
 * read aloud or typed from paper has no look-alike characters; 30 symbols carry 150 random bits.
 *
 * <p>Temporary activation codes (SPEC I3) are not license keys and have their own format.
 */
public final class LicenseKeyFormat {

    /** Crockford base32: digits and upper-case letters without I, L, O and U. */
    public static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    public static final int GROUPS = 5;
    public static final int GROUP_LENGTH = 6;
    /** Significant characters of a key, dashes not counted. */
    public static final int LENGTH = GROUPS * GROUP_LENGTH;
    /** The canonical form: what {@link #generate()} and {@link #normalize(String)} return. */
    public static final Pattern CANONICAL =
            Pattern.compile("[0-9A-HJKMNP-TV-Z]{6}(-[0-9A-HJKMNP-TV-Z]{6}){4}");

    private static final int VISIBLE_WHEN_MASKED = 6;
    private static final SecureRandom RANDOM = new SecureRandom();

    private LicenseKeyFormat() {
    }

    /** A new key from a cryptographic random source, in canonical form. */
    public static String generate() {
        char[] symbols = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            symbols[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        }
        return grouped(symbols);
    }

    /**
     * The canonical form of a key as a person typed or pasted it, or empty if it cannot be a key.
     *
     * <p>Keys compare case-insensitively, ignoring dashes and spaces (L9), so lower case is raised and
     * dashes and white space (including the no-break space that word processors paste) are dropped.
     * As Crockford's decoding prescribes, O reads as zero and I and L as one, because a person copying
     * a key by eye makes exactly those mistakes and the alphabet has no such letters to confuse them
     * with. Anything else outside the alphabet, including U and every non-ASCII letter, makes the
     * input no key.
     */
    public static Optional<String> normalize(String input) {
        if (input == null) {
            return Optional.empty();
        }
        char[] symbols = new char[LENGTH];
        int count = 0;
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            if (c == '-' || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                continue;
            }
            char symbol = decode(c);
            if (symbol == 0 || count == LENGTH) {
                return Optional.empty();
            }
            symbols[count++] = symbol;
        }
        return count == LENGTH ? Optional.of(grouped(symbols)) : Optional.empty();
    }

    /** Whether the text is a key in canonical form, as stored. */
    public static boolean isCanonical(String key) {
        return key != null && CANONICAL.matcher(key).matches();
    }

    /**
     * The key as pages and documents show it (L9): every character but the last six replaced by X,
     * dashes kept, e.g. {@code XXXXXX-XXXXXX-XXXXXX-XXXXXX-7KQ2MZ}. Any form {@link #normalize}
     * accepts masks the same as its canonical form.
     *
     * @throws IllegalArgumentException if the text is not a key; the message does not repeat it,
     *                                  since a mistyped key is nearly a secret
     */
    public static String mask(String key) {
        String canonical = normalize(key)
                .orElseThrow(() -> new IllegalArgumentException("Not a license key; it cannot be masked."));
        int visibleFrom = canonical.length() - VISIBLE_WHEN_MASKED;
        StringBuilder masked = new StringBuilder(canonical.length());
        for (int i = 0; i < canonical.length(); i++) {
            char c = canonical.charAt(i);
            masked.append(c == '-' || i >= visibleFrom ? c : 'X');
        }
        return masked.toString();
    }

    /** The alphabet symbol a typed character stands for, or 0 if it stands for none. */
    private static char decode(char c) {
        // Only ASCII letters are raised: Character.toUpperCase would turn the dotless ı into I.
        char upper = c >= 'a' && c <= 'z' ? (char) (c - 'a' + 'A') : c;
        return switch (upper) {
            case 'O' -> '0';
            case 'I', 'L' -> '1';
            default -> ALPHABET.indexOf(upper) >= 0 ? upper : 0;
        };
    }

    private static String grouped(char[] symbols) {
        StringBuilder key = new StringBuilder(LENGTH + GROUPS - 1);
        for (int i = 0; i < LENGTH; i++) {
            if (i > 0 && i % GROUP_LENGTH == 0) {
                key.append('-');
            }
            key.append(symbols[i]);
        }
        return key.toString();
    }
}
