package com.keyhold.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keyhold.it.support.Accounts;
import com.keyhold.it.support.Clients;
import com.keyhold.it.support.Http;
import com.keyhold.it.support.IdentityProviders;
import com.keyhold.it.support.KeyholdDeployment;
import com.keyhold.it.support.KeyholdIntegrationTest;
import com.keyhold.it.support.Rows;
import com.keyhold.it.support.Subscriptions;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/**
 * Corporate (SSO) activation (SPEC O2, CONTRACT sections 2, 6, 7): the SSO license type, the
 * identity provider of an account, activation by ID token, the per-user limit, and every forged
 * token refused with 401 and nothing changed.
 */
@KeyholdIntegrationTest
class CorporateActivationIT {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return KeyholdDeployment.ear();
    }

    @Test
    void anSsoSubscriptionNeedsFiftySeatsABusinessAccountAndIsTheOnlyOneOfItsProduct_O2() {
        Accounts.Business account = Accounts.withDesktopSubscription(1);
        Http.Answer tooSmall = issue(account.accountId(), 49);
        assertEquals(400, tooSmall.status(), tooSmall.body());
        assertTrue(tooSmall.body().contains("seats"), tooSmall.body());
        Http.Answer noAccount = issue(null, 60);
        assertEquals(400, noAccount.status(), noAccount.body());
        Http.Answer unknownAccount = issue("kh-no-such-account", 60);
        assertEquals(400, unknownAccount.status(), unknownAccount.body());

        Http.Answer issued = issue(account.accountId(), 50);
        assertEquals(201, issued.status(), issued.body());
        assertFalse(issued.json().containsKey("primaryKey"), "an SSO subscription has no key to hand out: " + issued.body());
        Http.Answer second = issue(account.accountId(), 80);
        assertEquals(400, second.status(), "one active SSO subscription per account and product: " + second.body());

        // no sublicenses, and its internal key is never revealed
        String subscriptionId = issued.json().getString("id");
        Http.Answer sublicense = Http.postJson("/api/v1/admin/subscriptions/" + subscriptionId + "/keys",
                "{\"name\":\"Sales\",\"type\":\"RESERVED\",\"quota\":5}", "Authorization", account.bearer());
        assertEquals(400, sublicense.status(), sublicense.body());
        Http.Answer keys = Http.get("/api/v1/admin/subscriptions/" + subscriptionId + "/keys", "Authorization", account.bearer());
        assertEquals(200, keys.status(), keys.body());
        String keyId = keys.json().getJsonArray("items").getJsonObject(0).getString("id");
        Http.Answer reveal = Http.postJson("/api/v1/admin/keys/" + keyId + "/reveal", "{}", "Authorization", account.bearer());
        assertEquals(404, reveal.status(), reveal.body());
        // and the key value itself activates nothing
        String value = Rows.text("SELECT key_value FROM license_keys WHERE id = ?", keyId);
        Http.Answer byKey = Clients.activate(value, Clients.newHardwareId());
        assertEquals(404, byKey.status(), byKey.body());
        assertEquals("INVALID_KEY", byKey.errorCode());
    }

    @Test
    void aUserActivatesByIdTokenAndIsShownInTheComputerList_O2() {
        IdentityProviders.Corporate corporate = IdentityProviders.corporate(50, 3);
        try (IdentityProviders.Provider provider = corporate.provider()) {
            String email = "ann." + UUID.randomUUID().toString().substring(0, 8) + "@corp.example";
            String hardwareId = Clients.newHardwareId();
            Http.Answer activated = corporate.activate(provider.token("sub-ann-" + email, email), hardwareId);
            assertEquals(201, activated.status(), activated.body());
            JsonObject license = activated.json();
            assertEquals("ACTIVE", license.getString("status"));
            assertEquals("Corporate 50", license.getString("keyName"), "CONTRACT 2: the subscription's name");
            JsonObject certificate = payloadOf(license.getString("certificate"));
            assertEquals("SSO", certificate.getString("licenseKey"));

            JsonObject computer = corporate.account().computer(license.getString("activationId"));
            assertEquals(email, computer.getString("activatedBy"));

            Http.Answer checkIn = Clients.checkIn(license.getString("activationId"), license.getString("activationToken"));
            assertEquals(200, checkIn.status(), checkIn.body());
            assertEquals("ACTIVE", checkIn.json().getString("status"));

            Http.Answer again = corporate.activate(provider.token("sub-ann-" + email, email), hardwareId);
            assertEquals(200, again.status(), "the same computer again: " + again.body());
            assertEquals(license.getString("activationId"), again.json().getString("activationId"));
        }
    }

    @Test
    void aUserActivatesAtMostThePerUserLimit_O2() {
        IdentityProviders.Corporate corporate = IdentityProviders.corporate(50, 2);
        try (IdentityProviders.Provider provider = corporate.provider()) {
            String email = "bob@corp.example";
            String first = Clients.newHardwareId();
            assertEquals(201, corporate.activate(provider.token("sub-bob", email), first).status());
            assertEquals(201, corporate.activate(provider.token("sub-bob", email), Clients.newHardwareId()).status());
            Http.Answer third = corporate.activate(provider.token("sub-bob", email), Clients.newHardwareId());
            assertEquals(409, third.status(), third.body());
            assertEquals("USER_LIMIT_REACHED", third.errorCode());
            assertEquals(200, corporate.activate(provider.token("sub-bob", email), first).status(),
                    "a computer already counted activates again");
            assertEquals(201, corporate.activate(provider.token("sub-carol", "carol@corp.example"), Clients.newHardwareId())
                    .status(), "the limit is per user");
        }
    }

    @Test
    void concurrentActivationsOfOneUserStopExactlyAtThePerUserLimit_O2() {
        IdentityProviders.Corporate corporate = IdentityProviders.corporate(50, 3);
        try (IdentityProviders.Provider provider = corporate.provider()) {
            String token = provider.token("sub-race", "race@corp.example");
            java.util.List<java.util.concurrent.Callable<Http.Answer>> attempts = new java.util.ArrayList<>();
            for (int i = 0; i < 12; i++) {
                attempts.add(() -> corporate.activate(token, Clients.newHardwareId()));
            }
            java.util.Map<String, Long> outcomes = com.keyhold.it.support.Concurrently.run(attempts).stream()
                    .collect(java.util.stream.Collectors.groupingBy(a -> a.status() + (a.status() >= 400 ? " " + a.errorCode() : ""),
                            java.util.stream.Collectors.counting()));
            assertEquals(Map.of("201", 3L, "409 USER_LIMIT_REACHED", 9L), outcomes);
            assertEquals(3, Rows.count("SELECT COUNT(*) FROM activations WHERE sso_subject = 'sub-race' AND status = 'ACTIVE'"
                    + " AND subscription_id = ?", corporate.subscriptionId()));
        }
    }

    @Test
    void aRotatedSigningKeyIsFetchedWhenATokenNamesIt_O2() {
        IdentityProviders.Corporate corporate = IdentityProviders.corporate(50, 3);
        try (IdentityProviders.Provider provider = corporate.provider()) {
            assertEquals(201, corporate.activate(provider.token("sub-1", "one@corp.example"), Clients.newHardwareId()).status());
            int fetched = provider.fetches();
            assertEquals(201, corporate.activate(provider.token("sub-2", "two@corp.example"), Clients.newHardwareId()).status());
            assertEquals(fetched, provider.fetches(), "the JWK set is cached");
            provider.rotate();
            Http.Answer rotated = corporate.activate(provider.token("sub-3", "three@corp.example"), Clients.newHardwareId());
            assertEquals(201, rotated.status(), rotated.body());
            assertEquals(fetched + 1, provider.fetches(), "an unknown key id fetches the set once more");
        }
    }

    /** CONTRACT 1: a required service away is 503 with Retry-After, never a hang or 500. */
    @Test
    void aJwksUrlThatHangsAnswers503WithRetryAfterInsteadOfHolding_O2() {
        IdentityProviders.Corporate corporate = IdentityProviders.corporate(50, 3);
        try (IdentityProviders.Provider provider = corporate.provider()) {
            provider.delayMillis = 20_000;
            long start = System.nanoTime();
            Http.Answer answer = corporate.activate(provider.token("sub-slow", "slow@corp.example"), Clients.newHardwareId());
            long seconds = (System.nanoTime() - start) / 1_000_000_000L;
            assertEquals(503, answer.status(), answer.body());
            assertEquals("SERVICE_UNAVAILABLE", answer.errorCode());
            assertTrue(answer.header("Retry-After").isPresent());
            assertTrue(seconds < 15, "the fetch gives up after its time-outs, not the provider's 20 s: " + seconds + " s");
            assertEquals(0, Rows.count("SELECT COUNT(*) FROM activations WHERE subscription_id = ?", corporate.subscriptionId()));
            provider.delayMillis = 0;
        }
    }

    @Test
    void uploadedPemKeysVerifyEs256Tokens_O2() {
        Accounts.Business account = Accounts.withDesktopSubscription(1);
        assertEquals(201, issue(account.accountId(), 50).status());
        ECKey key = IdentityProviders.ecKey();
        String issuer = "https://idp.example/" + UUID.randomUUID();
        Http.Answer configured = Http.call("PUT", "/api/v1/admin/identity-provider", Json.createObjectBuilder()
                .add("issuer", issuer).add("audience", "keyhold").add("publicKeys", Json.createArrayBuilder()
                        .add(IdentityProviders.pem(key))).build().toString(), "Authorization", account.bearer());
        assertEquals(200, configured.status(), configured.body());
        String token = IdentityProviders.sign(key, new JWTClaimsSet.Builder().issuer(issuer).audience("keyhold")
                .subject("dora").claim("email", "Dora@Corp.example").expirationTime(Date.from(Instant.now().plusSeconds(300)))
                .build());
        Http.Answer activated = Http.postJson("/api/v1/client/activations",
                "{\"idToken\":\"" + token + "\",\"hardwareId\":\"" + Clients.newHardwareId() + "\"}");
        assertEquals(201, activated.status(), activated.body());
        assertEquals("dora@corp.example", Rows.text("SELECT sso_email FROM activations WHERE id = ?",
                activated.json().getString("activationId")));
    }

    @Test
    void forgedTokensAnswer401AndChangeNothing_O2() throws Exception {
        IdentityProviders.Corporate corporate = IdentityProviders.corporate(50, 3);
        IdentityProviders.Corporate other = IdentityProviders.corporate(50, 3);
        try (IdentityProviders.Provider provider = corporate.provider(); IdentityProviders.Provider otherProvider = other.provider()) {
            RSAKey stranger = IdentityProviders.rsaKey();
            RSAKey own = (RSAKey) provider.signingKey;
            Map<String, String> forged = new LinkedHashMap<>();
            forged.put("signed with another key", IdentityProviders.sign(stranger, claims(provider).build()));
            forged.put("alg none", unsigned(claims(provider).build()));
            forged.put("HS256 with the public key as secret", hmacWithPublicKey(own, claims(provider).build()));
            forged.put("expired", provider.token("eve", "eve@corp.example",
                    c -> c.expirationTime(Date.from(Instant.now().minusSeconds(600)))));
            forged.put("not yet valid", provider.token("eve", "eve@corp.example",
                    c -> c.notBeforeTime(Date.from(Instant.now().plusSeconds(600)))));
            forged.put("wrong issuer", provider.token("eve", "eve@corp.example", c -> c.issuer("https://evil.example")));
            forged.put("wrong audience", provider.token("eve", "eve@corp.example", c -> c.audience("api://other")));
            forged.put("no expiry", provider.token("eve", "eve@corp.example", c -> c.expirationTime(null)));
            forged.put("another account's provider's address, this provider's key", IdentityProviders.sign(own,
                    claims(provider).issuer(otherProvider.issuer).audience(otherProvider.audience).build()));
            forged.put("a tampered payload", tamper(provider.token("eve", "eve@corp.example")));
            forged.put("not a JWT", "abc.def");
            forged.put("oversized", "a".repeat(20_000));
            long before = Rows.count("SELECT COUNT(*) FROM activations WHERE account_id IN (?, ?)",
                    corporate.account().accountId(), other.account().accountId());
            for (Map.Entry<String, String> attempt : forged.entrySet()) {
                Http.Answer answer = corporate.activate(attempt.getValue(), Clients.newHardwareId());
                assertEquals(401, answer.status(), attempt.getKey() + ": " + answer.body());
                assertEquals("UNAUTHORIZED", answer.errorCode(), attempt.getKey());
            }
            assertEquals(before, Rows.count("SELECT COUNT(*) FROM activations WHERE account_id IN (?, ?)",
                    corporate.account().accountId(), other.account().accountId()), "nothing changed");

            // the other account's genuine token activates on the other account's subscription only
            Http.Answer genuine = other.activate(otherProvider.token("frank", "frank@other.example"), Clients.newHardwareId());
            assertEquals(201, genuine.status(), genuine.body());
            assertEquals(other.subscriptionId(), Rows.text("SELECT subscription_id FROM activations WHERE id = ?",
                    genuine.json().getString("activationId")));
        }
    }

    @Test
    void theIdentityProviderIsValidatedAndAnIssuerAudiencePairBelongsToOneAccount_O2() {
        IdentityProviders.Corporate corporate = IdentityProviders.corporate(50, 3);
        try (IdentityProviders.Provider provider = corporate.provider()) {
            Accounts.Business other = Accounts.withDesktopSubscription(1);
            Http.Answer taken = Http.call("PUT", "/api/v1/admin/identity-provider", "{\"issuer\":\"" + provider.issuer
                    + "\",\"audience\":\"" + provider.audience + "\",\"jwksUrl\":\"" + provider.jwksUrl() + "\"}",
                    "Authorization", other.bearer());
            assertEquals(400, taken.status(), taken.body());
            assertTrue(taken.body().contains("another account"), taken.body());

            Map<String, String> invalid = new LinkedHashMap<>();
            invalid.put("neither keys nor URL", "{\"issuer\":\"https://i.example\",\"audience\":\"a\"}");
            invalid.put("plain http elsewhere", "{\"issuer\":\"https://i.example\",\"audience\":\"a\",\"jwksUrl\":\"http://idp.example/keys\"}");
            invalid.put("file URL", "{\"issuer\":\"https://i.example\",\"audience\":\"a\",\"jwksUrl\":\"file:///etc/passwd\"}");
            invalid.put("not PEM", "{\"issuer\":\"https://i.example\",\"audience\":\"a\",\"publicKeys\":[\"hello\"]}");
            invalid.put("limit 0", "{\"issuer\":\"https://i.example\",\"audience\":\"a\",\"jwksUrl\":\"https://i.example/k\",\"perUserLimit\":0}");
            invalid.put("unknown group", "{\"issuer\":\"https://i.example\",\"audience\":\"a\",\"jwksUrl\":\"https://i.example/k\",\"requiredGroup\":\"nope\"}");
            invalid.put("inactivity 0", "{\"issuer\":\"https://i.example\",\"audience\":\"a\",\"jwksUrl\":\"https://i.example/k\",\"inactivityRevokeDays\":0}");
            for (Map.Entry<String, String> body : invalid.entrySet()) {
                Http.Answer answer = corporate.configure(body.getValue());
                assertEquals(400, answer.status(), body.getKey() + ": " + answer.body());
                assertEquals("BAD_REQUEST", answer.errorCode(), body.getKey());
            }
            Http.Answer unchanged = Http.get("/api/v1/admin/identity-provider", "Authorization", corporate.account().bearer());
            assertEquals(provider.issuer, unchanged.json().getString("issuer"), "a refused change changes nothing");
            assertEquals(404, Http.get("/api/v1/admin/identity-provider", "Authorization", other.bearer()).status(),
                    "another account sees none");
            assertEquals(1, Rows.count("SELECT COUNT(*) FROM activity_log WHERE account_id = ? AND action = 'IDENTITY_PROVIDER.CONFIGURED'",
                    corporate.account().accountId()));

            Http.Answer removed = Http.call("DELETE", "/api/v1/admin/identity-provider", null, "Authorization",
                    corporate.account().bearer());
            assertEquals(204, removed.status(), removed.body());
            Http.Answer afterRemoval = corporate.activate(provider.token("gina", "gina@corp.example"), Clients.newHardwareId());
            assertEquals(401, afterRemoval.status(), "no provider, no activation by ID token: " + afterRemoval.body());
        }
    }

    @Test
    void computersSilentForTheConfiguredDaysAreRevokedByTheSweepAndListedInTheLog_E3() {
        IdentityProviders.Corporate corporate = IdentityProviders.corporate(50, 3);
        try (IdentityProviders.Provider provider = corporate.provider()) {
            Http.Answer configured = corporate.configure("{\"issuer\":\"" + provider.issuer + "\",\"audience\":\"" + provider.audience
                    + "\",\"jwksUrl\":\"" + provider.jwksUrl() + "\",\"inactivityRevokeDays\":30}");
            assertEquals(200, configured.status(), configured.body());
            JsonObject silent = corporate.activate(provider.token("s-silent", "silent@corp.example"), Clients.newHardwareId()).json();
            JsonObject busy = corporate.activate(provider.token("s-busy", "busy@corp.example"), Clients.newHardwareId()).json();
            try {
                com.keyhold.it.support.ServerClock.move(java.time.Duration.ofDays(29));
                assertEquals(0, com.keyhold.it.support.ServerClock.sweep("inactivity").json().getInt("processed"),
                        "29 days of silence are within the 30");
                com.keyhold.it.support.ServerClock.move(java.time.Duration.ofDays(31));
                // checked in a moment ago: its contact is still pending in memory, and the sweep writes it first
                assertEquals("ACTIVE", Clients.checkIn(busy.getString("activationId"), busy.getString("activationToken"))
                        .json().getString("status"));
                assertEquals(1, com.keyhold.it.support.ServerClock.sweep("inactivity").json().getInt("processed"));
                assertEquals(0, com.keyhold.it.support.ServerClock.sweep("inactivity").json().getInt("processed"),
                        "safe to run twice");
            } finally {
                com.keyhold.it.support.ServerClock.move(java.time.Duration.ZERO);
            }
            assertEquals("DEACTIVATED", Clients.checkIn(silent.getString("activationId"), silent.getString("activationToken"))
                    .json().getString("status"));
            assertEquals("ACTIVE", Clients.checkIn(busy.getString("activationId"), busy.getString("activationToken"))
                    .json().getString("status"));
            assertEquals(1, Rows.count("SELECT COUNT(*) FROM activity_log WHERE account_id = ? AND action = 'COMPUTER.REVOKED_INACTIVE'"
                    + " AND object_id = ? AND summary LIKE '%silent@corp.example%no check-in for 30 days%'",
                    corporate.account().accountId(), silent.getString("activationId")));
        }
    }

    private static Http.Answer issue(String accountId, int seats) {
        return Http.postJson("/api/v1/operator/subscriptions", "{\"product\":\"DESKTOP\",\"seats\":" + seats
                + ",\"startsAt\":\"" + TODAY.minusDays(1) + "\",\"endsAt\":\"" + TODAY.plusYears(1)
                + "\",\"licenseType\":\"SSO\"" + (accountId == null ? "" : ",\"accountId\":\"" + accountId + "\"") + "}",
                "Authorization", Subscriptions.operator());
    }

    private static JWTClaimsSet.Builder claims(IdentityProviders.Provider provider) {
        return new JWTClaimsSet.Builder().issuer(provider.issuer).audience(provider.audience).subject("eve")
                .claim("email", "eve@corp.example").expirationTime(Date.from(Instant.now().plusSeconds(300)));
    }

    private static String unsigned(JWTClaimsSet claims) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8)) + ".";
    }

    /** The classic confusion attack: HS256 with the provider's public key (as published) as the HMAC secret. */
    private static String hmacWithPublicKey(RSAKey key, JWTClaimsSet claims) throws Exception {
        byte[] secret = IdentityProviders.pem(key).getBytes(StandardCharsets.US_ASCII);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new MACSigner(secret));
        return jwt.serialize();
    }

    private static String tamper(String token) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("eve", "mallory");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
    }

    private static JsonObject payloadOf(String certificate) {
        String payload = new String(Base64.getUrlDecoder().decode(certificate.split("\\.")[0]), StandardCharsets.UTF_8);
        return Json.createReader(new StringReader(payload)).readObject();
    }
}
