package com.keyhold.sso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

/** O2: the checks of an ID token, one by one. */
class IdTokenVerifierTest {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
    private static final String ISSUER = "https://idp.example/tenant/v2.0";
    private static final String AUDIENCE = "api://keyhold";

    private final RSAKey rsa = generate();
    private final SigningKeys keys = header -> List.of(rsa.toPublicJWK());

    @Test
    void aGoodTokenNamesItsUserWithEntrasOidBeforeSub() throws Exception {
        IdTokenClaims person = IdTokenVerifier.verify(sign(claims().claim("oid", "object-1").build()), ISSUER, AUDIENCE, keys, NOW);
        assertEquals(new IdTokenClaims("object-1", "ann@corp.example", "ann@corp.example"), person);
        assertEquals("sub-1", IdTokenVerifier.verify(sign(claims().build()), ISSUER, AUDIENCE, keys, NOW).subject());
    }

    @Test
    void theClockSkewIsBounded() throws Exception {
        String expiredJustNow = sign(claims().expirationTime(Date.from(NOW.minusSeconds(30))).build());
        assertEquals("sub-1", IdTokenVerifier.verify(expiredJustNow, ISSUER, AUDIENCE, keys, NOW).subject());
        String expiredLongAgo = sign(claims().expirationTime(Date.from(NOW.minusSeconds(61))).build());
        assertThrows(IdTokenVerifier.Refused.class, () -> IdTokenVerifier.verify(expiredLongAgo, ISSUER, AUDIENCE, keys, NOW));
        String notYet = sign(claims().notBeforeTime(Date.from(NOW.plusSeconds(61))).build());
        assertThrows(IdTokenVerifier.Refused.class, () -> IdTokenVerifier.verify(notYet, ISSUER, AUDIENCE, keys, NOW));
    }

    @Test
    void everyForgeryIsRefused() throws Exception {
        RSAKey stranger = generate();
        SignedJWT otherKey = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims().build());
        otherKey.sign(new RSASSASigner(stranger));
        SignedJWT hmac = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims().build());
        hmac.sign(new MACSigner(rsa.toPublicKey().getEncoded()));
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String none = b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims().build().toString().getBytes(StandardCharsets.UTF_8)) + ".";
        ECKey ec = new ECKeyGenerator(Curve.P_256).generate();
        SignedJWT es256ByUnknownKey = new SignedJWT(new JWSHeader(JWSAlgorithm.ES256), claims().build());
        es256ByUnknownKey.sign(new ECDSASigner(ec));
        for (String forged : List.of(otherKey.serialize(), hmac.serialize(), none, es256ByUnknownKey.serialize(),
                sign(claims().issuer("https://evil.example").build()), sign(claims().audience("other").build()),
                sign(claims().expirationTime(null).build()), sign(claims().subject(null).build()), "x.y.z", "")) {
            assertThrows(IdTokenVerifier.Refused.class, () -> IdTokenVerifier.verify(forged, ISSUER, AUDIENCE, keys, NOW), forged);
        }
    }

    @Test
    void es256TokensVerifyWithP256KeysFromPem() throws Exception {
        ECKey ec = new ECKeyGenerator(Curve.P_256).generate();
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(ec.toPublicKey().getEncoded())
                + "\n-----END PUBLIC KEY-----";
        SigningKeys fromPem = header -> PemPublicKeys.parse(pem);
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.ES256), claims().build());
        jwt.sign(new ECDSASigner(ec));
        assertEquals("sub-1", IdTokenVerifier.verify(jwt.serialize(), ISSUER, AUDIENCE, fromPem, NOW).subject());
        assertThrows(IllegalArgumentException.class, () -> PemPublicKeys.parse("hello"));
        assertThrows(IllegalArgumentException.class, () -> PemPublicKeys.parse(pem + "\ntrailing words"));
    }

    private JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).subject("sub-1").claim("email", "Ann@Corp.example")
                .claim("preferred_username", "ann@corp.example").expirationTime(Date.from(NOW.plusSeconds(600)));
    }

    private String sign(JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(rsa.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(rsa));
        return jwt.serialize();
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID(java.util.UUID.randomUUID().toString()).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
