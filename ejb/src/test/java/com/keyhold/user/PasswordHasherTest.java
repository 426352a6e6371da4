package com.keyhold.user;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    @Test
    void theIterationsAreReadFromJakartaSecuritysHashFormat() {
        assertEquals(120_000, PasswordHasher.iterationsOf("PBKDF2WithHmacSHA256:120000:c2FsdA==:aGFzaA=="));
        assertEquals(600_000, PasswordHasher.iterationsOf("PBKDF2WithHmacSHA256:600000:c2FsdA==:aGFzaA=="));
    }

    @Test
    void anUnreadableOrForeignHashCountsAsZeroSoItIsReplaced() {
        assertEquals(0, PasswordHasher.iterationsOf("PBKDF2WithHmacSHA1:600000:c2FsdA==:aGFzaA=="));
        assertEquals(0, PasswordHasher.iterationsOf("PBKDF2WithHmacSHA256:many:c2FsdA==:aGFzaA=="));
        assertEquals(0, PasswordHasher.iterationsOf("plain"));
        assertEquals(0, PasswordHasher.iterationsOf(null));
    }

    @Test
    void theDefaultIsOwaspsFigureForHmacSha256() {
        assertEquals(600_000, PasswordHasher.DEFAULT_ITERATIONS);
    }
}
