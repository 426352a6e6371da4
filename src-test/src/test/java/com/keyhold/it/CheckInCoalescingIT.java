package com.keyhold.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keyhold.it.support.Accounts;
import com.keyhold.it.support.Clients;
import com.keyhold.it.support.Http;
import com.keyhold.it.support.KeyholdDeployment;
import com.keyhold.it.support.KeyholdIntegrationTest;
import com.keyhold.it.support.KeyholdServerExtension;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/**
 * SPEC C3 with coalesced check-in writes: the recorded last contact may lag by the flush interval
 * (1 s by default), but the status, expiry and certificate a check-in answers are never stale, and
 * no coalesced write undoes a status change.
 */
@KeyholdIntegrationTest
class CheckInCoalescingIT {

    /** The default flush interval plus a generous margin for a loaded build machine. */
    private static final Duration LAG = Duration.ofSeconds(5);

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return KeyholdDeployment.ear();
    }

    @Test
    void aCheckInAfterDeactivationAnswersDeactivatedAtOnce_C3_C4() {
        Accounts.Business acme = Accounts.withDesktopSubscription(2);
        JsonObject computer = activate(acme);
        String id = computer.getString("activationId");
        String token = computer.getString("activationToken");
        assertEquals("ACTIVE", Clients.checkIn(id, token).json().getString("status"));

        assertEquals(200, acme.action("deactivate", "{\"ids\":[\"" + id + "\"]}").status());
        JsonObject answer = Clients.checkIn(id, token).json();

        assertEquals("DEACTIVATED", answer.getString("status"));
        assertEquals("DEACTIVATED", certificate(answer).getString("status"), "the certificate states the new status too");
    }

    @Test
    void aBlacklistedComputerIsToldAtItsVeryNextCheckIn_C3_C5() {
        Accounts.Business acme = Accounts.withDesktopSubscription(2);
        JsonObject computer = activate(acme);
        String id = computer.getString("activationId");
        Clients.checkIn(id, computer.getString("activationToken"));

        assertEquals(200, acme.action("blacklist", "{\"ids\":[\"" + id + "\"]}").status());
        JsonObject answer = Clients.checkIn(id, computer.getString("activationToken")).json();

        assertEquals("BLACKLISTED", answer.getString("status"));
        assertEquals("BLACKLISTED", certificate(answer).getString("status"));
    }

    @Test
    void lastContactAndAppVersionAreRecordedWithinTheFlushInterval_C3() throws Exception {
        Accounts.Business acme = Accounts.withDesktopSubscription(1);
        JsonObject computer = activate(acme);
        String id = computer.getString("activationId");
        Instant longAgo = Instant.parse("2026-01-01T00:00:00Z");
        execute("UPDATE activations SET last_contact_at = ? WHERE id = ?", Timestamp.from(longAgo), id);

        Instant before = Instant.now().minusSeconds(1);
        Http.Answer answer = Http.postJson("/api/v1/client/activations/" + id + "/check-in",
                "{\"appVersion\":\"20.0.1\",\"hostOs\":\"macOS 15.1\"}", "Authorization", Http.bearer(computer.getString("activationToken")));
        assertEquals(200, answer.status(), answer.body());
        long sent = System.nanoTime();

        Stored stored = awaitStored(id, s -> s.lastContact().isAfter(before));
        long lagMillis = (System.nanoTime() - sent) / 1_000_000;
        assertTrue(lagMillis < LAG.toMillis(), "recorded after " + lagMillis + " ms");
        assertEquals("20.0.1", stored.appVersion());
        assertEquals("macOS 15.1", stored.hostOs());
        assertEquals("ACTIVE", stored.status());
    }

    @Test
    void theStoredCertificateIsReturnedUntilTheStateChangesThenANewOneStatesTheChange_C3() throws Exception {
        Accounts.Business acme = Accounts.withDesktopSubscription(3);
        JsonObject lab = acme.createKey("Lab", "RESERVED", 2);
        JsonObject computer = Clients.activate(lab.getString("key"), Clients.newHardwareId()).json();
        String id = computer.getString("activationId");
        String token = computer.getString("activationToken");
        awaitCertificateStored(id);

        String first = Clients.checkIn(id, token).json().getString("certificate");
        assertEquals(computer.getString("certificate"), first, "the certificate signed at activation is still true");
        assertEquals(first, Clients.checkIn(id, token).json().getString("certificate"));

        Http.Answer renamed = Http.send(Http.request("/api/v1/admin/keys/" + lab.getString("id"))
                .header("Authorization", acme.bearer()).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"name\":\"Design lab\"}")).build());
        assertEquals(200, renamed.status(), renamed.body());
        JsonObject afterRename = Clients.checkIn(id, token).json();

        assertEquals("Design lab", afterRename.getString("keyName"));
        assertNotEquals(first, afterRename.getString("certificate"));
        assertEquals("Design lab", certificate(afterRename).getString("keyName"));
    }

    @Test
    void concurrentCheckInsLoseNoDeactivationOrBlacklisting_C3_C4_C5() throws Exception {
        int computers = 12;
        Accounts.Business acme = Accounts.withDesktopSubscription(computers);
        List<JsonObject> fleet = new ArrayList<>();
        for (int i = 0; i < computers; i++) {
            fleet.add(activate(acme));
        }
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger checkIns = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<?>> loops = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            loops.add(clients.submit(() -> {
                for (int i = thread; running.get(); i++) {
                    JsonObject computer = fleet.get(i % computers);
                    Http.Answer answer = Clients.checkIn(computer.getString("activationId"), computer.getString("activationToken"));
                    assertEquals(200, answer.status(), answer.body());
                    checkIns.incrementAndGet();
                }
                return null;
            }));
        }
        Thread.sleep(1_500);
        List<String> deactivated = new ArrayList<>();
        for (int i = 0; i < computers / 2; i++) {
            String id = fleet.get(i).getString("activationId");
            String action = i % 3 == 0 ? "blacklist" : "deactivate";
            assertEquals(200, acme.action(action, "{\"ids\":[\"" + id + "\"]}").status());
            deactivated.add(id);
            Thread.sleep(150);
        }
        Thread.sleep(2_500); // more check-ins and at least two flushes after the last change
        running.set(false);
        for (Future<?> loop : loops) {
            loop.get(30, TimeUnit.SECONDS);
        }
        clients.shutdown();
        Thread.sleep(LAG.toMillis());

        assertTrue(checkIns.get() > computers * 5, "the clients kept checking in: " + checkIns.get());
        for (int i = 0; i < computers; i++) {
            JsonObject computer = fleet.get(i);
            String id = computer.getString("activationId");
            Stored stored = stored(id);
            String expected = i < computers / 2 ? "DEACTIVATED" : "ACTIVE";
            assertEquals(expected, stored.status(), "stored status of computer " + i);
            assertTrue(stored.lastContact().isAfter(Instant.now().minusSeconds(60)), "last contact of computer " + i);
            String told = Clients.checkIn(id, computer.getString("activationToken")).json().getString("status");
            assertEquals(i >= computers / 2 ? "ACTIVE" : i % 3 == 0 ? "BLACKLISTED" : "DEACTIVATED", told, "computer " + i);
        }
        assertEquals(computers / 2, acme.computers("?status=ACTIVE").json().getInt("total"));
    }

    static JsonObject activate(Accounts.Business acme) {
        Http.Answer answer = Clients.activate(acme.subscription().primaryKey(), Clients.newHardwareId());
        assertEquals(201, answer.status(), answer.body());
        return answer.json();
    }

    static JsonObject certificate(JsonObject answer) {
        String payload = answer.getString("certificate").split("\\.")[0];
        return Json.createReader(new StringReader(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8)))
                .readObject();
    }

    record Stored(String status, Instant lastContact, String appVersion, String hostOs) {
    }

    static Stored stored(String id) throws Exception {
        try (Connection db = KeyholdServerExtension.server().connect();
                PreparedStatement read = db.prepareStatement(
                        "SELECT status, last_contact_at, app_version, host_os FROM activations WHERE id = ?")) {
            read.setString(1, id);
            try (ResultSet row = read.executeQuery()) {
                assertTrue(row.next(), id);
                return new Stored(row.getString(1), row.getTimestamp(2).toInstant(), row.getString(3), row.getString(4));
            }
        }
    }

    private static Stored awaitStored(String id, java.util.function.Predicate<Stored> condition) throws Exception {
        long deadline = System.nanoTime() + LAG.toNanos();
        Stored stored = stored(id);
        while (!condition.test(stored) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            stored = stored(id);
        }
        assertTrue(condition.test(stored), "not recorded within " + LAG + ": " + stored);
        return stored;
    }

    private static void awaitCertificateStored(String id) throws Exception {
        long deadline = System.nanoTime() + LAG.toNanos();
        try (Connection db = KeyholdServerExtension.server().connect();
                PreparedStatement read = db.prepareStatement("SELECT 1 FROM activation_certificates WHERE activation_id = ?")) {
            read.setString(1, id);
            while (System.nanoTime() < deadline) {
                try (ResultSet row = read.executeQuery()) {
                    if (row.next()) {
                        return;
                    }
                }
                Thread.sleep(50);
            }
        }
        throw new AssertionError("the activation's certificate was not stored within " + LAG);
    }

    private static void execute(String sql, Object... parameters) throws Exception {
        try (Connection db = KeyholdServerExtension.server().connect(); PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }
}
