package com.keyhold.sso;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Public keys an administrator uploads instead of a JWKS URL (SPEC O2): PEM blocks
 * ({@code -----BEGIN PUBLIC KEY-----}, X.509 SubjectPublicKeyInfo) of RSA (2048 bits or more) or
 * P-256 keys, read with the JDK's key factories. Anything else is refused with a reason.
 */
public final class PemPublicKeys {

    public static final int MAX_KEYS = 10;

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN PUBLIC KEY-----([A-Za-z0-9+/=\\s]+?)-----END PUBLIC KEY-----");

    private PemPublicKeys() {
    }

    /** The keys of the PEM text, in order; {@link IllegalArgumentException} says what is wrong. */
    public static List<JWK> parse(String pem) {
        List<JWK> keys = new ArrayList<>();
        Matcher block = BLOCK.matcher(pem == null ? "" : pem);
        int end = 0;
        while (block.find()) {
            if (!pem.substring(end, block.start()).isBlank()) {
                throw new IllegalArgumentException("must hold only PEM public key blocks (-----BEGIN PUBLIC KEY-----)");
            }
            end = block.end();
            keys.add(toJwk(block.group(1).replaceAll("\\s", "")));
        }
        if (keys.isEmpty() || !pem.substring(end).isBlank()) {
            throw new IllegalArgumentException("must hold PEM public key blocks (-----BEGIN PUBLIC KEY-----)");
        }
        if (keys.size() > MAX_KEYS) {
            throw new IllegalArgumentException("at most " + MAX_KEYS + " keys");
        }
        return keys;
    }

    private static JWK toJwk(String base64) {
        byte[] der;
        try {
            der = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a PEM block is not base64");
        }
        for (String algorithm : List.of("RSA", "EC")) {
            PublicKey key;
            try {
                key = KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
            } catch (GeneralSecurityException | RuntimeException e) {
                continue;
            }
            if (key instanceof RSAPublicKey rsa) {
                if (rsa.getModulus().bitLength() < 2048) {
                    throw new IllegalArgumentException("RSA keys need at least 2048 bits");
                }
                return new RSAKey.Builder(rsa).build();
            }
            if (key instanceof ECPublicKey ec) {
                Curve curve = Curve.forECParameterSpec(ec.getParams());
                if (!Curve.P_256.equals(curve)) {
                    throw new IllegalArgumentException("EC keys must be on the P-256 curve (ES256)");
                }
                return new ECKey.Builder(Curve.P_256, ec).build();
            }
        }
        throw new IllegalArgumentException("a PEM block is neither an RSA nor an EC public key");
    }
}
