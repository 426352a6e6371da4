package com.keyhold.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Optional;

/**
 * The signed-document format of CONTRACT section 5: base64url(payload) "." base64url(signature),
 * both unpadded, the Ed25519 signature computed over the ASCII bytes of the first part (as JWS).
 */
public final class SignedDocuments {

    public static final String ALGORITHM = "Ed25519";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private SignedDocuments() {
    }

    public static String sign(String payloadJson, PrivateKey key) {
        String encodedPayload = ENCODER.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8));
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(key);
            signer.update(encodedPayload.getBytes(StandardCharsets.US_ASCII));
            return encodedPayload + "." + ENCODER.encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /** The payload JSON when the signature is valid for this key; empty for anything else. */
    public static Optional<String> verify(String document, PublicKey key) {
        if (document == null) {
            return Optional.empty();
        }
        int dot = document.indexOf('.');
        if (dot <= 0 || dot != document.lastIndexOf('.')) {
            return Optional.empty();
        }
        String encodedPayload = document.substring(0, dot);
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(encodedPayload.getBytes(StandardCharsets.US_ASCII));
            if (!verifier.verify(DECODER.decode(document.substring(dot + 1)))) {
                return Optional.empty();
            }
            return Optional.of(new String(DECODER.decode(encodedPayload), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | GeneralSecurityException malformed) {
            return Optional.empty();
        }
    }
}
