package com.keyhold.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Identity providers as the tests stand them up (SPEC O2): key pairs generated here, ID tokens signed
 * with them, a JWKS URL served from the test JVM on loopback (the server's configuration allows plain
 * HTTP there only), and a business account with a corporate subscription and the provider registered.
 */
public final class IdentityProviders {

    private IdentityProviders() {
    }

    /** A provider's signing keys, served at {@link #jwksUrl()}; keys can be rotated while it runs. */
    public static final class Provider implements AutoCloseable {
        public final String issuer = "https://login.example-idp.test/" + UUID.randomUUID() + "/v2.0";
        public final String audience = "api://keyhold-" + UUID.randomUUID();
        private final List<JWK> published = new CopyOnWriteArrayList<>();
        private final AtomicInteger fetches = new AtomicInteger();
        private final HttpServer server;
        public volatile JWK signingKey;
        /** While set, the JWKS URL answers only after this many milliseconds (a provider that hangs). */
        public volatile int delayMillis;

        public Provider() {
            signingKey = rsaKey();
            published.add(signingKey.toPublicJWK());
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/keys", exchange -> {
                fetches.incrementAndGet();
                if (delayMillis > 0) {
                    try {
                        Thread.sleep(delayMillis);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                byte[] body = new JWKSet(List.copyOf(published)).toString(true).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
        }

        public String jwksUrl() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/keys";
        }

        public int fetches() {
            return fetches.get();
        }

        /** A new signing key with a new key id, published beside the old one (a provider's key rotation). */
        public void rotate() {
            signingKey = rsaKey();
            published.add(signingKey.toPublicJWK());
        }

        /** A valid ID token of this provider for the user, changed by {@code claims} before signing. */
        public String token(String subject, String email, Consumer<JWTClaimsSet.Builder> claims) {
            JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().issuer(issuer).audience(audience).subject(subject)
                    .claim("email", email).claim("preferred_username", email)
                    .issueTime(new Date()).notBeforeTime(Date.from(Instant.now().minusSeconds(5)))
                    .expirationTime(Date.from(Instant.now().plus(Duration.ofMinutes(10))));
            claims.accept(builder);
            return sign(signingKey, builder.build());
        }

        public String token(String subject, String email) {
            return token(subject, email, c -> { });
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    /** A business account with a corporate subscription of {@code seats} and this provider registered. */
    public record Corporate(Accounts.Business account, String subscriptionId, Provider provider) {

        public Http.Answer activate(String idToken, String hardwareId) {
            return Http.postJson("/api/v1/client/activations", "{\"idToken\":\"" + idToken + "\",\"hardwareId\":\""
                    + hardwareId + "\",\"computerName\":\"MacBook " + hardwareId.substring(0, 6) + "\"}");
        }

        public Http.Answer configure(String json) {
            return Http.call("PUT", "/api/v1/admin/identity-provider", json, "Authorization", account.bearer(),
                    "X-Account-Id", account.accountId());
        }

        public String scimToken() {
            Http.Answer created = Http.postJson("/api/v1/admin/scim-tokens", "{\"name\":\"Entra ID\"}",
                    "Authorization", account.bearer(), "X-Account-Id", account.accountId());
            assertEquals(201, created.status(), created.body());
            return created.json().getString("token");
        }
    }

    /** A business account (with a small key subscription) given a corporate subscription and a JWKS provider. */
    public static Corporate corporate(int seats, int perUserLimit) {
        Accounts.Business account = Accounts.withDesktopSubscription(1);
        String subscriptionId = issueSso(account.accountId(), seats);
        Provider provider = new Provider();
        Corporate corporate = new Corporate(account, subscriptionId, provider);
        Http.Answer configured = corporate.configure("{\"issuer\":\"" + provider.issuer + "\",\"audience\":\"" + provider.audience
                + "\",\"jwksUrl\":\"" + provider.jwksUrl() + "\",\"perUserLimit\":" + perUserLimit + "}");
        assertEquals(200, configured.status(), configured.body());
        return corporate;
    }

    public static String issueSso(String accountId, int seats) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Http.Answer issued = Http.postJson("/api/v1/operator/subscriptions", "{\"product\":\"DESKTOP\",\"seats\":" + seats
                + ",\"startsAt\":\"" + today.minusDays(1) + "\",\"endsAt\":\"" + today.plusYears(1)
                + "\",\"licenseType\":\"SSO\",\"accountId\":\"" + accountId + "\",\"name\":\"Corporate " + seats + "\"}",
                "Authorization", Subscriptions.operator());
        assertEquals(201, issued.status(), issued.body());
        return issued.json().getString("id");
    }

    public static RSAKey rsaKey() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ECKey ecKey() {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signs the claims with the key: RS256 for RSA, ES256 for P-256. */
    public static String sign(JWK key, JWTClaimsSet claims) {
        try {
            boolean rsa = key instanceof RSAKey;
            JWSSigner signer = rsa ? new RSASSASigner((RSAKey) key) : new ECDSASigner((ECKey) key);
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(rsa ? JWSAlgorithm.RS256 : JWSAlgorithm.ES256)
                    .keyID(key.getKeyID()).build(), claims);
            jwt.sign(signer);
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The PEM (X.509 SubjectPublicKeyInfo) of a key's public half, as an administrator uploads it. */
    public static String pem(JWK key) {
        try {
            byte[] der = key instanceof RSAKey rsa ? rsa.toPublicKey().getEncoded() : ((ECKey) key).toPublicKey().getEncoded();
            return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(der) + "\n-----END PUBLIC KEY-----";
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
