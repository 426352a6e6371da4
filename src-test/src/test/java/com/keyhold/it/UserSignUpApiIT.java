package com.keyhold.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keyhold.it.support.Http;
import com.keyhold.it.support.KeyholdDeployment;
import com.keyhold.it.support.KeyholdIntegrationTest;
import com.keyhold.it.support.KeyholdServerExtension;
import com.keyhold.it.support.Users;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/** SPEC A1 through {@code POST /api/v1/users} (CONTRACT section 6), checked in the real database. */
@KeyholdIntegrationTest
class UserSignUpApiIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return KeyholdDeployment.ear();
    }

    @Test
    void signUpStoresASlowSaltedHashAndCreatesThePersonalAccount_A1() throws Exception {
        String email = Users.uniqueEmail("ann");
        String id = Users.signUp(email);

        try (Connection db = KeyholdServerExtension.server().connect();
                PreparedStatement user = db.prepareStatement("SELECT email, password_hash, language, terms_accepted_at FROM users WHERE id = ?");
                PreparedStatement account = db.prepareStatement(
                        "SELECT a.type, m.role FROM memberships m JOIN accounts a ON a.id = m.account_id WHERE m.user_id = ?")) {
            user.setString(1, id);
            try (ResultSet row = user.executeQuery()) {
                assertTrue(row.next());
                assertEquals(email, row.getString("email"));
                String hash = row.getString("password_hash");
                assertFalse(hash.contains(Users.PASSWORD), "the password is never stored");
                assertTrue(hash.startsWith("PBKDF2WithHmacSHA256:"), "Pbkdf2PasswordHash format: " + hash);
                // the iterations the test domain configures (keyhold.password.pbkdf2-iterations); production's
                // default is OWASP's 600,000 (PasswordHasherTest)
                assertEquals(10_000, Integer.parseInt(hash.split(":")[1]), "the configured cost: " + hash);
                assertEquals("EN", row.getString("language"));
                assertTrue(row.getTimestamp("terms_accepted_at") != null);
            }
            account.setString(1, id);
            try (ResultSet row = account.executeQuery()) {
                assertTrue(row.next(), "a personal account exists for every user");
                assertEquals("PERSONAL", row.getString("type"));
                assertEquals("ACCOUNT_ADMINISTRATOR", row.getString("role"));
                assertFalse(row.next(), "exactly one account after sign-up");
            }
        }
    }

    @Test
    void anEmailDifferingOnlyInCaseIsTaken_A1() {
        String email = Users.uniqueEmail("bob");
        Users.signUp(email);
        Http.Answer again = Http.postJson("/api/v1/users", "{\"email\":\"" + email.toUpperCase()
                + "\",\"firstName\":\"B\",\"lastName\":\"C\",\"password\":\"another password\"}");
        assertEquals(409, again.status());
        assertEquals("EMAIL_TAKEN", again.errorCode());
        assertEquals(1, countUsers(email), "nothing changed");
    }

    @Test
    void invalidFieldsAreListedAndNothingIsStored_A1() {
        String email = Users.uniqueEmail("carl");
        Http.Answer answer = Http.postJson("/api/v1/users", "{\"email\":\"" + email
                + "\",\"firstName\":\"\",\"lastName\":\"C\",\"password\":\"short\"}");
        assertEquals(400, answer.status());
        JsonObject error = answer.json();
        assertEquals("BAD_REQUEST", error.getString("code"));
        String fields = error.getJsonArray("violations").stream()
                .map(v -> v.asJsonObject().getString("field")).sorted().collect(Collectors.joining(","));
        assertEquals("firstName,password", fields);
        assertEquals(0, countUsers(email));
    }

    @Test
    void malformedEmailIsRefused() {
        Http.Answer answer = Http.postJson("/api/v1/users",
                "{\"email\":\"not-an-email\",\"firstName\":\"A\",\"lastName\":\"B\",\"password\":\"long enough pw\"}");
        assertEquals(400, answer.status());
        assertEquals("email", answer.json().getJsonArray("violations").getJsonObject(0).getString("field"));
    }

    @Test
    void unreadableBodiesAnswerInTheErrorFormat_contract1() {
        Http.Answer notJson = Http.postJson("/api/v1/users", "{\"email\": ");
        assertEquals(400, notJson.status());
        assertEquals("BAD_REQUEST", notJson.errorCode());
        assertTrue(notJson.header("Content-Type").orElse("").startsWith("application/json"));

        Http.Answer empty = Http.postJson("/api/v1/users", "");
        assertEquals(400, empty.status());
        assertEquals("BAD_REQUEST", empty.errorCode());
    }

    @Test
    void unknownPathsAndWrongMethodsAnswerInTheErrorFormat_contract1() {
        // issue 9: every /api/** path off the allow-list needs a token, so an unknown one answers 401
        // without and 404 with a token (nothing about the API's shape is told to strangers)
        Http.Answer stranger = Http.get("/api/v1/no-such-thing");
        assertEquals(401, stranger.status());
        assertEquals("UNAUTHORIZED", stranger.errorCode());
        String email = Users.uniqueEmail("lost");
        Users.signUp(email);
        String token = Users.tokenFor(email);
        Http.Answer unknown = Http.get("/api/v1/no-such-thing", "Authorization", Http.bearer(token));
        assertEquals(404, unknown.status());
        assertEquals("NOT_FOUND", unknown.errorCode());

        Http.Answer wrongMethod = Http.get("/api/v1/users", "Authorization", Http.bearer(token));
        assertEquals(405, wrongMethod.status());
        assertEquals("METHOD_NOT_ALLOWED", wrongMethod.errorCode());
    }

    private static int countUsers(String email) {
        try (Connection db = KeyholdServerExtension.server().connect();
                PreparedStatement count = db.prepareStatement("SELECT COUNT(*) FROM users WHERE email_normalized = ?")) {
            count.setString(1, email.toLowerCase());
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
