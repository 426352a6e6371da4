package com.keyhold.computer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The fingerprint of everything a computer's certificate says except when it was signed: key,
 * key name, status, expiry, product and configuration profile. SPEC C3 lets a check-in return the
 * certificate signed at the activation's last change of state; a stored certificate is returned
 * only while its fingerprint equals the current one, so a certificate can never state an old status,
 * key or expiry. Anything added to the certificate's payload ({@link LicenseCertificates}) must be
 * added here too, with a new {@link #LAYOUT} (which invalidates every stored certificate).
 */
public final class CertificateState {

    /** Bump when the certificate's payload changes. */
    static final String LAYOUT = "computer-v1";

    private CertificateState() {
    }

    public static String hash(String activationId, String keyId, String keyValue, String keyName, ClientStatus status,
            Instant expiresAt, String productCode, String profileJson) {
        String canonical = String.join("\u0000", LAYOUT, activationId, keyId, keyValue, keyName, status.name(),
                expiresAt.toString(), productCode, profileJson);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is part of every JDK", impossible);
        }
    }
}
