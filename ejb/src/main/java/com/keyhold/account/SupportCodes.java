package com.keyhold.account;

import java.security.SecureRandom;

/** Support codes of business accounts (SPEC A2): {@code NNNNN-NNNNN}, random, quoted when calling support. */
public final class SupportCodes {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SupportCodes() {
    }

    public static String generate() {
        return String.format("%05d-%05d", RANDOM.nextInt(100_000), RANDOM.nextInt(100_000));
    }

    public static boolean isWellFormed(String code) {
        return code != null && code.matches("\\d{5}-\\d{5}");
    }
}
