package com.keyhold.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecretTokensTest {

    @Test
    void tokensCarryTheirPrefixAnd256RandomBits() {
        String token = SecretTokens.generate("khp_");
        assertTrue(token.startsWith("khp_"));
        assertEquals(4 + 43, token.length(), "32 bytes are 43 unpadded base64url characters");
        assertTrue(token.substring(4).matches("[A-Za-z0-9_-]{43}"));
    }

    @Test
    void tokensDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertTrue(seen.add(SecretTokens.generate("")));
        }
    }

    @Test
    void theStoredFormIsTheSha256HexAndNotTheToken() {
        // SHA-256("abc") from FIPS 180-2's test vectors
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", SecretTokens.hash("abc"));
        String token = SecretTokens.generate("khp_");
        assertNotEquals(token, SecretTokens.hash(token));
        assertEquals(SecretTokens.hash(token), SecretTokens.hash(token));
    }
}
