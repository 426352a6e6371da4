package com.keyhold.sso;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies an ID token for SSO activation (SPEC O2): a JWS signed with RS256 or ES256 by one of the
 * provider's keys (never {@code none}, never an HMAC, which would let a public key serve as the
 * secret), issued by the provider's issuer for its audience, not expired and already valid, with a
 * bounded clock skew. Every failure is the same {@link Refused}: a client learns nothing about
 * which check failed; the server log does.
 */
public final class IdTokenVerifier {

    /** How far the provider's clock and Keyhold's may disagree. */
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    /** An ID token is a few kilobytes; anything far larger is not one. */
    public static final int MAX_TOKEN_LENGTH = 16 * 1024;

    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);

    private IdTokenVerifier() {
    }

    /** The unverified issuer and audiences of a token, to find the provider whose keys must verify it. */
    public record Addressee(String issuer, List<String> audiences) {
    }

    /** Why a token was refused, for the server log only. */
    public static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Refused(String reason) {
            super(reason);
        }
    }

    /** Reads issuer and audiences without trusting them: they only choose which provider's keys to try. */
    public static Addressee addresseeOf(String token) {
        SignedJWT jwt = parse(token);
        try {
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            if (claims.getIssuer() == null || claims.getAudience() == null || claims.getAudience().isEmpty()) {
                throw new Refused("no issuer or audience");
            }
            return new Addressee(claims.getIssuer(), claims.getAudience());
        } catch (ParseException e) {
            throw new Refused("claims are not JSON: " + e.getMessage());
        }
    }

    /**
     * The person the token names, if it verifies.
     *
     * @throws Refused on any failed check
     * @throws SigningKeys.IdentityProviderUnreachable when the provider's keys cannot be fetched
     */
    public static IdTokenClaims verify(String token, String issuer, String audience, SigningKeys keys, Instant now) {
        SignedJWT jwt = parse(token);
        JWSHeader header = jwt.getHeader();
        if (!ALGORITHMS.contains(header.getAlgorithm())) {
            throw new Refused("algorithm " + header.getAlgorithm() + " is not accepted");
        }
        boolean verified = false;
        for (JWK key : keys.candidatesFor(header)) {
            if (fits(key, header.getAlgorithm()) && verifies(jwt, key)) {
                verified = true;
                break;
            }
        }
        if (!verified) {
            throw new Refused("no key of the provider verifies the signature");
        }
        JWTClaimsSet claims;
        try {
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new Refused("claims are not JSON");
        }
        if (!issuer.equals(claims.getIssuer())) {
            throw new Refused("issuer " + claims.getIssuer());
        }
        if (claims.getAudience() == null || !claims.getAudience().contains(audience)) {
            throw new Refused("audience " + claims.getAudience());
        }
        Date expires = claims.getExpirationTime();
        if (expires == null || !now.isBefore(expires.toInstant().plus(CLOCK_SKEW))) {
            throw new Refused("expired or without expiry");
        }
        Date notBefore = claims.getNotBeforeTime();
        if (notBefore != null && now.plus(CLOCK_SKEW).isBefore(notBefore.toInstant())) {
            throw new Refused("not yet valid");
        }
        Date issuedAt = claims.getIssueTime();
        if (issuedAt != null && now.plus(CLOCK_SKEW).isBefore(issuedAt.toInstant())) {
            throw new Refused("issued in the future");
        }
        String subject = stringClaim(claims, "oid").orElse(claims.getSubject());
        if (subject == null || subject.isBlank() || subject.length() > 255) {
            throw new Refused("no subject");
        }
        return new IdTokenClaims(subject, lowerCase(stringClaim(claims, "email")),
                lowerCase(stringClaim(claims, "preferred_username")));
    }

    private static SignedJWT parse(String token) {
        if (token == null || token.isBlank() || token.length() > MAX_TOKEN_LENGTH) {
            throw new Refused("missing or oversized token");
        }
        try {
            // SignedJWT refuses "alg": "none" (an unsecured JWT is not a JWS) and anything but three parts
            return SignedJWT.parse(token.strip());
        } catch (ParseException | RuntimeException e) {
            throw new Refused("not a signed JWT: " + e.getMessage());
        }
    }

    /** RS256 needs an RSA key of at least 2048 bits, ES256 a P-256 key; a key for encryption only never fits. */
    private static boolean fits(JWK key, JWSAlgorithm algorithm) {
        if (key.getKeyUse() != null && !KeyUse.SIGNATURE.equals(key.getKeyUse())) {
            return false;
        }
        if (key.getAlgorithm() != null && !key.getAlgorithm().equals(algorithm)) {
            return false;
        }
        if (algorithm.equals(JWSAlgorithm.RS256)) {
            return key instanceof RSAKey rsa && rsa.size() >= 2048;
        }
        return key instanceof ECKey ec && Curve.P_256.equals(ec.getCurve());
    }

    private static boolean verifies(SignedJWT jwt, JWK key) {
        try {
            JWSVerifier verifier = key instanceof RSAKey rsa ? new RSASSAVerifier(rsa) : new ECDSAVerifier((ECKey) key);
            return jwt.verify(verifier);
        } catch (JOSEException | RuntimeException e) {
            return false;
        }
    }

    private static Optional<String> stringClaim(JWTClaimsSet claims, String name) {
        try {
            return Optional.ofNullable(claims.getStringClaim(name)).filter(v -> !v.isBlank());
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    private static String lowerCase(Optional<String> value) {
        return value.map(v -> v.strip().toLowerCase(Locale.ROOT)).filter(v -> v.length() <= 254).orElse(null);
    }
}
