package com.keyhold.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keyhold.it.support.Http;
import com.keyhold.it.support.KeyholdDeployment;
import com.keyhold.it.support.KeyholdIntegrationTest;
import com.keyhold.it.support.KeyholdServerExtension;
import com.keyhold.it.support.Mailbox;
import com.keyhold.it.support.Users;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/**
 * Issue 9's hardening, through the real server: security headers, body limits, throttling that
 * holds under parallel guessing, token lifetimes, what a password change or reset ends, secrets at
 * rest (outbox, password hashes).
 */
@KeyholdIntegrationTest
class SecurityHardeningIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return KeyholdDeployment.ear();
    }

    @Test
    void everyAnswerCarriesTheSecurityHeadersAlsoARefusal() {
        for (Http.Answer answer : List.of(Http.get("/login.xhtml"), Http.get("/api/v1/admin/accounts"),
                Http.get("/api/v1/signing-key"), Http.get("/api;v1/operator/accounts"))) {
            String csp = answer.header("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("frame-ancestors 'none'"), answer.status() + " " + answer.headers());
            assertEquals("nosniff", answer.header("X-Content-Type-Options").orElse(null), answer.headers().toString());
            assertEquals("same-origin", answer.header("Referrer-Policy").orElse(null));
            assertTrue(answer.header("Strict-Transport-Security").isEmpty(), "plain HTTP, not configured HTTPS-only");
        }
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLax() {
        Http.Answer page = Http.get("/login.xhtml");
        String cookie = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie: " + page.headers()));
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.toLowerCase().contains("samesite=lax"), cookie);
    }

    @Test
    void anOversizedBodyIsRefusedWith413BeforeItIsRead_declaredOrChunked() {
        String big = "{\"key\":\"" + "x".repeat(70 * 1024) + "\"}";
        Http.Answer declared = Http.postJson("/api/v1/client/activations", big);
        assertEquals(413, declared.status(), declared.body());
        assertEquals("PAYLOAD_TOO_LARGE", declared.errorCode());

        byte[] bytes = big.getBytes(StandardCharsets.UTF_8);
        HttpRequest chunked = Http.request("/api/v1/client/activations").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes))).build();
        Http.Answer streamed = Http.send(chunked);
        assertEquals(413, streamed.status(), streamed.body());
        assertEquals("PAYLOAD_TOO_LARGE", streamed.errorCode());

        Http.Answer small = Http.send(Http.request("/api/v1/client/activations").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
                        "{\"key\":\"NOPE\",\"hardwareId\":\"h\"}".getBytes(StandardCharsets.UTF_8)))).build());
        assertTrue(small.status() == 400 || small.status() == 404, "a small chunked body is read as usual: " + small.body());
    }

    @Test
    void deeplyNestedOrInvalidJsonIsABadRequestNotAFailure() {
        String nested = "[".repeat(5000) + "]".repeat(5000);
        Http.Answer deep = Http.postJson("/api/v1/users", nested);
        assertEquals(400, deep.status(), deep.body());
        HttpRequest invalidUtf8 = Http.request("/api/v1/users").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'}))
                .build();
        Http.Answer invalid = Http.send(invalidUtf8);
        assertEquals(400, invalid.status(), invalid.body());
    }

    /** Issue 9: 50 parallel wrong passwords for one email; the count is claimed under a lock, so 5 are evaluated. */
    @Test
    void fiftyParallelGuessesGetAtMostFiveEvaluations_A1() throws Exception {
        String email = Users.uniqueEmail("guessed");
        Users.signUp(email);
        String address = randomAddress();
        int guesses = 50;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(guesses);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < guesses; i++) {
                int n = i;
                answers.add(pool.submit(() -> {
                    start.await();
                    return Http.postJson("/api/v1/auth/tokens", "{}", "Authorization", Http.basic(email, "wrong guess " + n),
                            "X-Forwarded-For", address).status();
                }));
            }
            start.countDown();
            int unauthorized = 0;
            int limited = 0;
            for (Future<Integer> answer : answers) {
                int status = answer.get(2, TimeUnit.MINUTES);
                if (status == 401) {
                    unauthorized++;
                } else if (status == 429) {
                    limited++;
                } else {
                    throw new AssertionError("unexpected answer " + status);
                }
            }
            assertEquals(5, unauthorized, "exactly five guesses were evaluated");
            assertEquals(45, limited);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(5, count("SELECT COUNT(*) FROM sign_in_attempts WHERE email_normalized = ?", email.toLowerCase()),
                "only evaluated guesses are recorded");
        Http.Answer rightPassword = Http.postJson("/api/v1/auth/tokens", "{}", "Authorization", Http.basic(email, Users.PASSWORD));
        assertEquals(429, rightPassword.status(), "the email stays locked for its lockout");
        assertTrue(rightPassword.header("Retry-After").isPresent());
    }

    /** Password spraying: many emails from one address lock the address, not the other addresses. */
    @Test
    void fiftyFailuresFromOneAddressLockThatAddressForEveryEmail_A1() {
        String sprayer = randomAddress();
        String victim = Users.uniqueEmail("sprayed");
        Users.signUp(victim);
        for (int i = 0; i < 50; i++) {
            Http.Answer guess = Http.postJson("/api/v1/auth/tokens", "{}", "Authorization",
                    Http.basic(Users.uniqueEmail("nobody"), "wrong guess"), "X-Forwarded-For", sprayer);
            assertEquals(401, guess.status(), "guess " + i + ": " + guess.body());
        }
        Http.Answer fromSprayer = Http.postJson("/api/v1/auth/tokens", "{}", "Authorization", Http.basic(victim, Users.PASSWORD),
                "X-Forwarded-For", sprayer);
        assertEquals(429, fromSprayer.status(), fromSprayer.body());
        Http.Answer fromElsewhere = Http.postJson("/api/v1/auth/tokens", "{}", "Authorization", Http.basic(victim, Users.PASSWORD),
                "X-Forwarded-For", randomAddress());
        assertEquals(201, fromElsewhere.status(), "the user signs in from their own address: " + fromElsewhere.body());
    }

    @Test
    void anApiTokenLivesNinetyDaysByDefaultAndAtMostAYear() {
        String email = Users.uniqueEmail("tokens");
        Users.signUp(email);
        Http.Answer defaulted = Http.postJson("/api/v1/auth/tokens", "{\"name\":\"default\"}", "Authorization",
                Http.basic(email, Users.PASSWORD));
        assertEquals(201, defaulted.status(), defaulted.body());
        Instant expiresAt = Instant.parse(defaulted.json().getString("expiresAt"));
        long days = Duration.between(Instant.now(), expiresAt).toDays();
        assertTrue(days >= 89 && days <= 90, "90 days: " + expiresAt);

        Http.Answer tooLong = Http.postJson("/api/v1/auth/tokens", "{\"name\":\"forever\",\"expiresInDays\":366}",
                "Authorization", Http.basic(email, Users.PASSWORD));
        assertEquals(400, tooLong.status(), tooLong.body());
        assertEquals("BAD_REQUEST", tooLong.errorCode());
    }

    /** A reset ends API tokens too; the reset email's link is not kept readable in the outbox once sent. */
    @Test
    void aPasswordResetRevokesApiTokensAndTheOutboxForgetsTheLink_A10() throws Exception {
        String email = Users.uniqueEmail("resetter");
        String userId = Users.signUp(email);
        String token = Users.tokenFor(email);
        assertEquals(200, Http.get("/api/v1/admin/accounts", "Authorization", Http.bearer(token)).status());

        assertEquals(202, Http.postJson("/api/v1/auth/password-resets", "{\"email\":\"" + email + "\"}").status());
        Mailbox.Email mail = Mailbox.awaitTo(email, "Reset");
        String resetToken = mail.token("/reset-password.xhtml");
        assertEquals(204, Http.postJson("/api/v1/auth/password-resets/confirmation",
                "{\"token\":\"" + resetToken + "\",\"password\":\"another fine passphrase\"}").status());

        assertEquals(401, Http.get("/api/v1/admin/accounts", "Authorization", Http.bearer(token)).status(),
                "the API token ended with the reset");
        String stored = awaitRedacted(email);
        assertFalse(stored.contains(resetToken), "the sent email's body no longer holds the link: " + stored);
        assertNotNull(userId);
    }

    /** Old hashes are upgraded to the configured PBKDF2 cost at the next sign-in. */
    @Test
    void aHashWithFewerIterationsIsReplacedAtTheNextSignIn() throws Exception {
        String email = Users.uniqueEmail("legacy");
        String userId = Users.signUp(email);
        try (Connection db = KeyholdServerExtension.server().connect();
                PreparedStatement old = db.prepareStatement("UPDATE users SET password_hash = ? WHERE id = ?")) {
            old.setString(1, pbkdf2(Users.PASSWORD, 1000));
            old.setString(2, userId);
            assertEquals(1, old.executeUpdate());
        }
        assertEquals(201, Http.postJson("/api/v1/auth/tokens", "{}", "Authorization", Http.basic(email, Users.PASSWORD)).status(),
                "the old hash still verifies");
        String upgraded = text("SELECT password_hash FROM users WHERE id = ?", userId);
        assertTrue(upgraded.startsWith("PBKDF2WithHmacSHA256:10000:"), upgraded);
        assertEquals(201, Http.postJson("/api/v1/auth/tokens", "{}", "Authorization", Http.basic(email, Users.PASSWORD)).status(),
                "and the new one too");
    }

    private static String awaitRedacted(String recipient) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String body = null;
        while (System.nanoTime() < deadline) {
            body = text("SELECT body FROM outgoing_emails WHERE recipient = ? AND kind = 'PASSWORD_RESET' AND sent_at IS NOT NULL",
                    recipient);
            if (body != null && body.startsWith("[removed")) {
                return body;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not redacted: " + body);
    }

    /** Jakarta Security's Pbkdf2PasswordHash format, computed here with the JDK. */
    private static String pbkdf2(String password, int iterations) throws Exception {
        byte[] salt = new byte[32];
        new SecureRandom().nextBytes(salt);
        byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256)).getEncoded();
        return "PBKDF2WithHmacSHA256:" + iterations + ":" + Base64.getEncoder().encodeToString(salt) + ":"
                + Base64.getEncoder().encodeToString(hash);
    }

    private static String randomAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + IntStream.range(0, 3).mapToObj(i -> Integer.toString(random.nextInt(1, 255)))
                .reduce((a, b) -> a + "." + b).orElseThrow();
    }

    private static long count(String sql, String parameter) throws Exception {
        try (Connection db = KeyholdServerExtension.server().connect(); PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static String text(String sql, String parameter) throws Exception {
        try (Connection db = KeyholdServerExtension.server().connect(); PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

}
