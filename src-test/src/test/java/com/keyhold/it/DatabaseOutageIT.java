package com.keyhold.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keyhold.it.support.Browser;
import com.keyhold.it.support.BusinessAdmins;
import com.keyhold.it.support.Clients;
import com.keyhold.it.support.DatabaseGate;
import com.keyhold.it.support.Http;
import com.keyhold.it.support.KeyholdDeployment;
import com.keyhold.it.support.KeyholdIntegrationTest;
import com.keyhold.it.support.KeyholdServerExtension;
import com.keyhold.it.support.Mailbox;
import com.keyhold.it.support.Users;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Issue 14, the database outage as Keyhold sees it: every connection to the database reset and new
 * ones refused ({@link DatabaseGate}). Meanwhile the API answers {@code 503 SERVICE_UNAVAILABLE}
 * with {@code Retry-After} quickly (CONTRACT section 1: never 500, never a hang), {@code /health}
 * reports not ready, pages show a friendly message; within 10 s of the database's return Keyhold
 * serves again with no operator step, the outbox's timer sends what it could not see, and the
 * persistent schedules are still there.
 */
@KeyholdIntegrationTest
class DatabaseOutageIT {

    /** A refusal during the outage must come well before a client's time-out (the pool waits up to 30 s for a connection otherwise). */
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(10);
    private static final Duration RECOVER_WITHIN = Duration.ofSeconds(10);

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return KeyholdDeployment.ear();
    }

    @Test
    void duringAnOutageTheApiAnswers503WithRetryAfterAndKeyholdRecoversWithin10Seconds() throws Exception {
        BusinessAdmins.Admin admin = BusinessAdmins.withDesktopSubscription("outage", "EN", 3);
        JsonObject computer = Clients.activate(admin.subscription().primaryKey(), Clients.newHardwareId()).json();
        String id = computer.getString("activationId");
        String token = computer.getString("activationToken");
        assertEquals(200, Clients.checkIn(id, token).status());
        List<String> schedules = persistentSchedules();
        String recipient = Users.uniqueEmail("outbox-during-outage");

        DatabaseGate gate = KeyholdServerExtension.server().databaseGate();
        gate.cut();
        try {
            assertUnavailable("a check-in", () -> Clients.checkIn(id, token));
            assertUnavailable("an activation", () -> Clients.activate(admin.subscription().primaryKey(), Clients.newHardwareId()));
            assertUnavailable("an admin API call", () -> Http.get("/api/v1/admin/computers", "Authorization", admin.bearer()));
            assertUnavailable("a client deactivation", () -> Http.call("DELETE", "/api/v1/client/activations/" + id, null,
                    "Authorization", Http.bearer(token)));
            Http.Answer health = Http.get("/health/ready");
            assertEquals(503, health.status(), "not ready while the database is away: " + health.body());
            assertTrue(health.body().contains("\"DOWN\""), health.body());
            // an email Keyhold cannot see yet: the test's own connection reaches the database directly
            queueEmail(recipient, "Queued during the outage");
        } finally {
            gate.restore();
        }

        Instant restored = Instant.now();
        Instant deadline = restored.plus(RECOVER_WITHIN);
        Http.Answer checkIn;
        do {
            checkIn = Clients.checkIn(id, token);
        } while (checkIn.status() != 200 && Instant.now().isBefore(deadline) && pause());
        Duration recovery = Duration.between(restored, Instant.now());
        assertEquals(200, checkIn.status(), "check-ins served again within " + RECOVER_WITHIN + ": " + checkIn.body());
        assertEquals("ACTIVE", checkIn.json().getString("status"), "the computer kept its seat through the outage");
        Http.Answer health;
        do {
            health = Http.get("/health/ready");
        } while (health.status() != 200 && Instant.now().isBefore(deadline) && pause());
        assertEquals(200, health.status(), "ready again within " + RECOVER_WITHIN + ": " + health.body());
        assertTrue(recovery.compareTo(RECOVER_WITHIN) <= 0, "recovered in " + recovery);
        assertEquals(200, Http.get("/api/v1/admin/computers", "Authorization", admin.bearer()).status());

        // the outbox's timer (every 15 s) resumed by itself and sends what was queued while Keyhold was cut off
        Mailbox.awaitTo(recipient, "Queued during the outage");
        assertEquals(schedules, persistentSchedules(), "the persistent schedules survive an outage (none deleted after failed deliveries)");
    }

    @Test
    void aPageDuringAnOutageSaysSoInsteadOfAStackTrace() {
        BusinessAdmins.Admin admin = BusinessAdmins.withDesktopSubscription("outage-page", "DE", 3);
        try (Browser browser = new Browser()) {
            browser.signIn(admin.email(), Users.PASSWORD);
            DatabaseGate gate = KeyholdServerExtension.server().databaseGate();
            gate.cut();
            try {
                browser.open("/app/computers.xhtml");
                String title = browser.waitFor().until(d -> d.findElement(By.id("errorTitle"))).getText();
                // in the browser's language (the test browser's is English): the user's own (German) cannot be read
                assertEquals("Keyhold is briefly unavailable", title);
                assertTrue(browser.text(By.id("errorText")).contains("cannot reach its database"), browser.text(By.id("errorText")));
                browser.screenshot("database-outage-page");
            } finally {
                gate.restore();
            }
            Instant deadline = Instant.now().plus(RECOVER_WITHIN);
            Http.Answer page;
            do {
                page = Http.get("/health/ready");
            } while (page.status() != 200 && Instant.now().isBefore(deadline) && pause());
            browser.open("/app/computers.xhtml");
            browser.waitFor().until(d -> !d.findElements(By.id("computers")).isEmpty() || !d.findElements(By.id("errorTitle")).isEmpty());
            assertTrue(browser.driver().findElements(By.id("errorTitle")).isEmpty(), "the page works again after the outage");
        }
    }

    @Test
    void aFullPageRequestDuringAnOutageAnswers503WithRetryAfter() {
        String sessionCookie = signedInCookie();
        DatabaseGate gate = KeyholdServerExtension.server().databaseGate();
        gate.cut();
        try {
            Http.Answer page = Http.get("/app/computers.xhtml", "Cookie", sessionCookie, "Accept-Language", "en");
            assertEquals(503, page.status(), page.body());
            assertEquals("30", page.header("Retry-After").orElse(null));
            assertTrue(page.body().contains("Keyhold is briefly unavailable"), page.body());
            Http.Answer german = Http.get("/app/computers.xhtml", "Cookie", sessionCookie, "Accept-Language", "de-DE,de;q=0.9");
            assertEquals(503, german.status());
            assertTrue(german.body().contains("Keyhold ist kurz nicht erreichbar"), "in the browser's language: " + german.body());
            for (String leak : List.of("SQLException", "Communications link", "at com.", "at org.")) {
                assertTrue(!page.body().contains(leak), "no stack trace or driver message (" + leak + "): " + page.body());
            }
        } finally {
            gate.restore();
        }
    }

    private static void assertUnavailable(String what, Supplier<Http.Answer> call) {
        Instant start = Instant.now();
        Http.Answer answer = call.get();
        Duration took = Duration.between(start, Instant.now());
        assertEquals(503, answer.status(), what + " while the database is away: " + answer.body());
        assertEquals("SERVICE_UNAVAILABLE", answer.errorCode(), what);
        assertEquals("30", answer.header("Retry-After").orElse(null), what + " tells when to retry");
        assertTrue(took.compareTo(ANSWER_WITHIN) < 0, what + " answered in " + took + ", not after a client's time-out");
    }

    /** A session of a signed-in administrator, by the sign-in page's form as a browser posts it. */
    private static String signedInCookie() {
        BusinessAdmins.Admin admin = BusinessAdmins.withDesktopSubscription("outage-cookie", "EN", 3);
        try (Browser browser = new Browser()) {
            browser.signIn(admin.email(), Users.PASSWORD);
            org.openqa.selenium.Cookie session = browser.driver().manage().getCookieNamed("JSESSIONID");
            return "JSESSIONID=" + session.getValue();
        }
    }

    private static void queueEmail(String recipient, String subject) throws Exception {
        try (Connection db = KeyholdServerExtension.server().connect(); PreparedStatement insert = db.prepareStatement(
                "INSERT INTO outgoing_emails (id, kind, recipient, language, subject, body, created_at, next_attempt_at, attempts)"
                        + " VALUES (?, 'EXPIRY_WARNING', ?, 'EN', ?, 'Sent after the database came back.', ?, ?, 0)")) {
            Timestamp now = Timestamp.from(Instant.now());
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, recipient);
            insert.setString(3, subject);
            insert.setTimestamp(4, now);
            insert.setTimestamp(5, now);
            insert.executeUpdate();
        }
    }

    private static List<String> persistentSchedules() throws Exception {
        List<String> schedules = new ArrayList<>();
        try (Connection db = KeyholdServerExtension.server().connect();
                ResultSet rows = db.createStatement().executeQuery("SELECT `SCHEDULE` FROM EJB__TIMER__TBL ORDER BY TIMERID")) {
            while (rows.next()) {
                schedules.add(rows.getString(1));
            }
        }
        return schedules;
    }

    private static boolean pause() {
        try {
            Thread.sleep(200);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
