package com.keyhold.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keyhold.it.support.Clients;
import com.keyhold.it.support.Http;
import com.keyhold.it.support.KeyholdDeployment;
import com.keyhold.it.support.KeyholdIntegrationTest;
import com.keyhold.it.support.KeyholdServerExtension;
import com.keyhold.it.support.Mailbox;
import com.keyhold.it.support.ServerClock;
import com.keyhold.it.support.Subscriptions;
import com.keyhold.it.support.Users;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/**
 * E1, the expiry sweep, with the server's clock moved across the warning thresholds and the end
 * date: each warning reaches the administrator once, in their language; the expiry is recorded in
 * the order history once; seats and status are the clock's, not the sweep's.
 */
@KeyholdIntegrationTest
class ExpirySweepIT {

    private static final String OPERATOR = "Authorization";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return KeyholdDeployment.ear();
    }

    @Test
    void warningsAt30_7And1DaysAndTheExpiryAreRecordedOnce_E1() throws Exception {
        String email = Users.uniqueEmail("expiring");
        Http.Answer signUp = Http.postJson("/api/v1/users", "{\"email\":\"" + email + "\",\"firstName\":\"Erika\",\"lastName\":\"Ende\","
                + "\"password\":\"" + Users.PASSWORD + "\",\"language\":\"DE\"}");
        assertEquals(201, signUp.status(), signUp.body());
        String token = Users.tokenFor(email);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate end = today.plusDays(40);
        Subscriptions.Issued subscription = Subscriptions.issue("DESKTOP", 3, today.minusDays(1), end);
        assertEquals(201, Http.postJson("/api/v1/admin/registrations", "{\"key\":\"" + subscription.primaryKey()
                + "\",\"company\":{\"name\":\"Ende GmbH " + email.substring(9, 17) + "\",\"country\":\"DE\",\"zip\":\"10115\","
                + "\"phone\":\"+49 30 1\"}}", "Authorization", Http.bearer(token)).status());
        String computer = Clients.activate(subscription.primaryKey(), Clients.newHardwareId()).json().getString("activationToken");
        try {
            sweepAt(today.plusDays(5), end); // 35 days left: nothing yet
            assertEquals(0, warnings(email));

            sweepAt(end.minusDays(30), end);
            Mailbox.Email thirty = Mailbox.awaitTo(email, "endet in 30 Tagen");
            assertEquals("de", thirty.language(), "in the administrator's language");
            assertTrue(thirty.body().contains(end.toString()), thirty.body());
            sweepAt(end.minusDays(29), end);
            assertEquals(1, warnings(email), "each warning once");

            sweepAt(end.minusDays(7), end);
            Mailbox.awaitTo(email, "endet in 7 Tagen");
            sweepAt(end.minusDays(1), end);
            Mailbox.awaitTo(email, "endet in 1 Tagen");
            sweepAt(end, end);
            assertEquals(3, warnings(email), "30, 7 and 1 days, each once");

            sweepAt(end.plusDays(1), end);
            sweepAt(end.plusDays(2), end);
            assertEquals(1, count("SELECT COUNT(*) FROM subscription_orders WHERE subscription_id = ? AND kind = 'EXPIRED'",
                    subscription.id()), "the expiry recorded once");
            assertEquals(1, count("SELECT COUNT(*) FROM activations WHERE subscription_id = ? AND status = 'ACTIVE'",
                    subscription.id()), "the sweep rewrites no seat or status: the clock decides them");
            Http.Answer refused = Clients.activate(subscription.primaryKey(), Clients.newHardwareId());
            assertEquals("SUBSCRIPTION_EXPIRED", refused.errorCode(), "expired by the clock, whatever the sweep");
            assertTrue(computer.length() > 0);
        } finally {
            ServerClock.move(Duration.ZERO);
        }
    }

    /**
     * Issue 10: the persistent schedules live in Keyhold's own database (the EJB timer service's
     * table beside Keyhold's), not in a file of one server, so instances sharing the database share
     * them and a restart keeps them.
     */
    @Test
    void theSweepSchedulesArePersistentTimersInKeyholdsDatabase() throws Exception {
        List<String> schedules = com.keyhold.it.support.TimerStore.schedules();
        assertTrue(schedules.stream().anyMatch(s -> s != null && s.contains("# 23 #")), "the expiry sweep (minute 23): " + schedules);
        assertTrue(schedules.stream().anyMatch(s -> s != null && s.contains("*/5")), "the invitation sweep (every 5 minutes): " + schedules);

        Http.Answer swept = ServerClock.sweep("expiry");
        assertTrue(swept.json().getInt("batches") >= 0 && swept.json().containsKey("longestBatchMillis"), swept.body());
    }

    /**
     * Issue 10: a persistent schedule is really delivered from Keyhold's database, and survives its
     * delivery. Payara updates the timer's row in a delivery transaction of its own; with a timer pool
     * that cannot share that transaction it fails the delivery and, after two, deletes the timer.
     * Waits for the invitation sweep's next 5-minute mark after deployment (at most 5 minutes).
     */
    @Test
    void aPersistentScheduleIsDeliveredAndKeptInKeyholdsDatabase_E2() throws Exception {
        com.keyhold.it.support.TimerStore.StoredTimer timer = com.keyhold.it.support.TimerStore.byMinute("*/5",
                Duration.ofMinutes(5).toMillis());
        long firstDelivery = timer.nextDelivery();
        long wait = firstDelivery + 20_000 - System.currentTimeMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
        Long delivered = com.keyhold.it.support.TimerStore.lastDelivery(timer.id());
        assertTrue(delivered != null, "the timer is still there after its delivery");
        assertTrue(delivered >= firstDelivery - 1000, "delivered at " + java.time.Instant.ofEpochMilli(firstDelivery)
                + "; last delivery recorded: " + java.time.Instant.ofEpochMilli(delivered));
        String log = java.nio.file.Files.readString(KeyholdServerExtension.server().serverLog());
        assertFalse(log.contains("Expunging timer"), "no timer was given up");
        assertFalse(log.contains("non-XA Resource"), "no delivery failed on its transaction");
    }

    @Test
    void theClockControlIsForOperatorsOnly() {
        String email = Users.uniqueEmail("timetraveller");
        Users.signUp(email);
        assertEquals(401, Http.call("PUT", "/api/v1/operator/clock", "{\"offsetSeconds\":86400}", "Authorization",
                Http.bearer(Users.tokenFor(email))).status());
        Http.Answer tooFar = Http.call("PUT", "/api/v1/operator/clock", "{\"offsetSeconds\":999999999999}", OPERATOR,
                operator());
        assertEquals(400, tooFar.status(), tooFar.body());
    }

    /** Moves the server's clock to the start of {@code day} (UTC) plus an hour and runs the sweep. */
    private static void sweepAt(LocalDate day, LocalDate end) {
        Duration offset = Duration.between(java.time.Instant.now(), day.atStartOfDay(ZoneOffset.UTC).plusHours(1).toInstant());
        ServerClock.move(offset);
        ServerClock.sweep("expiry");
    }

    private static String operator() {
        return Http.bearer(KeyholdServerExtension.server().operatorToken());
    }

    /** The warnings written for this recipient: the outbox, where a duplicate would be before any SMTP server saw it. */
    private static long warnings(String email) throws Exception {
        try (Connection db = KeyholdServerExtension.server().connect(); PreparedStatement query = db.prepareStatement(
                "SELECT COUNT(*) FROM outgoing_emails WHERE recipient = ? AND kind = 'EXPIRY_WARNING'")) {
            query.setString(1, email);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
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
}
