package com.keyhold.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** CONTRACT section 5 and SPEC S9: the compact signed-document format. */
class SignedDocumentsTest {

    private static KeyPair keys;
    private static KeyPair otherKeys;

    @BeforeAll
    static void generateKeys() throws Exception {
        keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        otherKeys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    @Test
    void documentIsUnpaddedBase64UrlPayloadDotSignatureOverTheFirstPart() throws Exception {
        String payload = "{\"type\":\"computer\",\"status\":\"ACTIVE\",\"name\":\"Zoë's Mac ~?\"}";
        String document = SignedDocuments.sign(payload, keys.getPrivate());

        String[] parts = document.split("\\.");
        assertEquals(2, parts.length);
        assertFalse(document.contains("="), "unpadded");
        assertTrue(document.matches("[A-Za-z0-9_.-]+"), "base64url alphabet only");
        assertEquals(payload, new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8));
        // An independent verifier, as a client would write it, accepts the signature.
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(keys.getPublic());
        verifier.update(parts[0].getBytes(StandardCharsets.US_ASCII));
        assertTrue(verifier.verify(Base64.getUrlDecoder().decode(parts[1])));
    }

    @Test
    void verificationReturnsThePayloadOfAnIntactDocument() {
        String document = SignedDocuments.sign("{\"seats\":20}", keys.getPrivate());
        assertEquals("{\"seats\":20}", SignedDocuments.verify(document, keys.getPublic()).orElseThrow());
    }

    @Test
    void aTamperedPayloadFailsVerification() {
        String document = SignedDocuments.sign("{\"seats\":20}", keys.getPrivate());
        String forgedPayload = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"seats\":2000}".getBytes(StandardCharsets.UTF_8));
        String tampered = forgedPayload + document.substring(document.indexOf('.'));
        assertTrue(SignedDocuments.verify(tampered, keys.getPublic()).isEmpty());
    }

    @Test
    void anotherKeysSignatureFailsVerification() {
        String document = SignedDocuments.sign("{\"seats\":20}", otherKeys.getPrivate());
        assertTrue(SignedDocuments.verify(document, keys.getPublic()).isEmpty());
    }

    @Test
    void malformedDocumentsFailVerificationWithoutThrowing() {
        for (String junk : new String[] {null, "", "abc", ".", "a.b.c", "!!!.???", "eyJ9.%%%"}) {
            assertTrue(SignedDocuments.verify(junk, keys.getPublic()).isEmpty(), String.valueOf(junk));
        }
    }
}
