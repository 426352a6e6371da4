package com.keyhold.it;

import static com.keyhold.it.support.Http.basic;
import static com.keyhold.it.support.Http.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keyhold.it.support.Http;
import com.keyhold.it.support.KeyholdDeployment;
import com.keyhold.it.support.KeyholdIntegrationTest;
import com.keyhold.it.support.KeyholdServerExtension;
import com.keyhold.it.support.Users;
import jakarta.json.JsonObject;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HexFormat;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/**
 * The API side of authentication: HTTP Basic only where a token is created, personal tokens on the
 * admin API, operator tokens on the operator API (CONTRACT sections 1, 6, 7; SPEC A1, O1).
 */
@KeyholdIntegrationTest
class ApiAuthenticationIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return KeyholdDeployment.ear();
    }

    @Test
    void basicCredentialsCreateAPersonalTokenShownOnceAndStoredHashed() throws Exception {
        String email = Users.uniqueEmail("tina");
        String userId = Users.signUp(email);

        Http.Answer created = Http.postJson("/api/v1/auth/tokens", "{\"name\":\"ci script\",\"expiresInDays\":30}",
                "Authorization", basic(email, Users.PASSWORD));

        assertEquals(201, created.status(), created.body());
        JsonObject body = created.json();
        String token = body.getString("token");
        assertTrue(token.length() >= 43, "at least 256 bits");
        assertTrue(body.getString("expiresAt").endsWith("Z"), "ISO-8601 UTC");
        try (Connection db = KeyholdServerExtension.server().connect();
                PreparedStatement stored = db.prepareStatement("SELECT token_hash, name, scope, expires_at FROM api_tokens WHERE user_id = ?")) {
            stored.setString(1, userId);
            try (ResultSet row = stored.executeQuery()) {
                assertTrue(row.next());
                assertEquals(sha256(token), row.getString("token_hash"), "only the hash is kept");
                assertEquals("ci script", row.getString("name"));
                assertEquals("ADMIN", row.getString("scope"));
                assertTrue(row.getTimestamp("expires_at") != null);
                assertFalse(row.next());
            }
        }
    }

    @Test
    void aPersonalTokenActsForItsUserOnTheAdminApi() {
        String email = Users.uniqueEmail("uma");
        Users.signUp(email);
        String token = Users.tokenFor(email);

        Http.Answer accounts = Http.get("/api/v1/admin/accounts", "Authorization", bearer(token));

        assertEquals(200, accounts.status(), accounts.body());
        JsonObject only = accounts.json().getJsonArray("items").getJsonObject(0);
        assertEquals(1, accounts.json().getJsonArray("items").size());
        assertEquals("PERSONAL", only.getString("type"));
        assertEquals("ACCOUNT_ADMINISTRATOR", only.getString("role"));
        assertEquals("Test User", only.getString("name"));
    }

    @Test
    void wrongPasswordAndUnknownEmailGetTheSameAnswer_A1() {
        String email = Users.uniqueEmail("vera");
        Users.signUp(email);

        Http.Answer wrongPassword = Http.postJson("/api/v1/auth/tokens", "{}", "Authorization", basic(email, "wrong password!"));
        Http.Answer unknownEmail = Http.postJson("/api/v1/auth/tokens", "{}", "Authorization",
                basic(Users.uniqueEmail("nobody"), Users.PASSWORD));

        for (Http.Answer answer : new Http.Answer[] {wrongPassword, unknownEmail}) {
            assertEquals(401, answer.status());
            assertEquals("UNAUTHORIZED", answer.errorCode());
            assertTrue(answer.header("WWW-Authenticate").orElse("").startsWith("Basic realm=\"keyhold\""));
        }
        assertEquals(wrongPassword.body(), unknownEmail.body(), "nothing tells which one was wrong");
    }

    @Test
    void fiveFailedSignInsWithinAMinuteLockTheEmailForAWhile_A1() {
        String email = Users.uniqueEmail("guessed");
        Users.signUp(email);
        String bystander = Users.uniqueEmail("bystander");
        Users.signUp(bystander);
        for (int i = 0; i < 5; i++) {
            assertEquals(401, Http.postJson("/api/v1/auth/tokens", "{}", "Authorization", basic(email, "guess number " + i)).status());
        }
        Http.Answer locked = Http.postJson("/api/v1/auth/tokens", "{}", "Authorization", basic(email, Users.PASSWORD));
        assertEquals(429, locked.status(), "even the right password waits: " + locked.body());
        assertEquals("RATE_LIMITED", locked.errorCode());
        long retryAfter = Long.parseLong(locked.header("Retry-After").orElseThrow());
        assertTrue(retryAfter > 240 && retryAfter <= 300, "about five minutes: " + retryAfter);
        assertEquals(201, Http.postJson("/api/v1/auth/tokens", "{}", "Authorization", basic(bystander, Users.PASSWORD)).status(),
                "other emails are not affected");
    }

    @Test
    void theAdminApiAnswers401WithAChallengeNeverARedirect() {
        Http.Answer noToken = Http.get("/api/v1/admin/accounts");
        assertEquals(401, noToken.status());
        assertEquals("UNAUTHORIZED", noToken.errorCode());
        assertEquals("Bearer realm=\"keyhold\"", noToken.header("WWW-Authenticate").orElseThrow());
        assertTrue(noToken.header("Location").isEmpty());

        Http.Answer badToken = Http.get("/api/v1/admin/accounts", "Authorization", bearer("khp_forged"));
        assertEquals(401, badToken.status());
        assertTrue(badToken.header("WWW-Authenticate").orElseThrow().contains("invalid_token"));

        Http.Answer basicOnAdmin = Http.get("/api/v1/admin/accounts", "Authorization", basic("a@b.c", "whatever123"));
        assertEquals(401, basicOnAdmin.status(), "HTTP Basic works only where a token is created");
    }

    @Test
    void aPersonalTokenDoesNotOpenTheOperatorApi_O1() {
        String email = Users.uniqueEmail("walt");
        Users.signUp(email);
        Http.Answer answer = Http.get("/api/v1/operator/accounts", "Authorization", bearer(Users.tokenFor(email)));
        assertEquals(401, answer.status());
        assertEquals("UNAUTHORIZED", answer.errorCode());
    }

    @Test
    void theConfiguredOperatorTokenOpensTheOperatorApiOnly_O1() {
        String operatorToken = KeyholdServerExtension.server().operatorToken();
        String customer = Users.uniqueEmail("xena");
        String customerId = Users.signUp(customer);

        Http.Answer accounts = Http.get("/api/v1/operator/accounts?size=500", "Authorization", bearer(operatorToken));
        assertEquals(200, accounts.status(), accounts.body());
        JsonObject page = accounts.json();
        assertTrue(page.getInt("total") >= 2, "operators see every account");
        assertTrue(page.getJsonArray("items").stream().map(JsonObject.class::cast)
                .anyMatch(a -> a.getString("name").equals("Test User") && a.getInt("members") == 1));

        Http.Answer onAdminApi = Http.get("/api/v1/admin/accounts", "Authorization", bearer(operatorToken));
        assertEquals(401, onAdminApi.status(), "an operator's token works on /api/v1/operator/** only");
        assertFalse(customerId.isEmpty());
    }

    @Test
    void operatorAccountListPagesNewestFirst() {
        String operatorToken = KeyholdServerExtension.server().operatorToken();
        Users.signUp(Users.uniqueEmail("yuri"));
        Http.Answer first = Http.get("/api/v1/operator/accounts?page=0&size=1", "Authorization", bearer(operatorToken));
        Http.Answer second = Http.get("/api/v1/operator/accounts?page=1&size=1", "Authorization", bearer(operatorToken));
        assertEquals(1, first.json().getJsonArray("items").size());
        assertEquals(1, second.json().getInt("page"));
        assertTrue(first.json().getJsonArray("items").getJsonObject(0).getString("createdAt")
                .compareTo(second.json().getJsonArray("items").getJsonObject(0).getString("createdAt")) >= 0);
    }

    @Test
    void tokenRequestsWithInvalidExpiryAreRefusedAndCreateNothing() throws Exception {
        String email = Users.uniqueEmail("zoe");
        String userId = Users.signUp(email);
        Http.Answer answer = Http.postJson("/api/v1/auth/tokens", "{\"expiresInDays\":0}", "Authorization",
                basic(email, Users.PASSWORD));
        assertEquals(400, answer.status());
        assertEquals("expiresInDays", answer.json().getJsonArray("violations").getJsonObject(0).getString("field"));
        try (Connection db = KeyholdServerExtension.server().connect();
                PreparedStatement count = db.prepareStatement("SELECT COUNT(*) FROM api_tokens WHERE user_id = ?")) {
            count.setString(1, userId);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                assertEquals(0, row.getInt(1));
            }
        }
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes("UTF-8")));
    }
}
