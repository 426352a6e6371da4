package com.keyhold.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keyhold.devserver.PayaraMicroEdge;
import com.keyhold.it.support.Accounts;
import com.keyhold.it.support.CheckInLoops;
import com.keyhold.it.support.Clients;
import com.keyhold.it.support.Concurrently;
import com.keyhold.it.support.Http;
import com.keyhold.it.support.KeyholdDeployment;
import com.keyhold.it.support.KeyholdIntegrationTest;
import com.keyhold.it.support.KeyholdServerExtension;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: the check-in edge, {@code keyhold-edge.war} on a Payara Micro instance beside the full
 * server, on the same database. It answers the client API (CONTRACT section 2) exactly as the server
 * does, with the same rules (the ejb module in its WEB-INF/lib), the same signing key, the same
 * errors and limits; it serves nothing else, and runs no migration, no bootstrap and no timer.
 */
@KeyholdIntegrationTest
class CheckInEdgeIT {

    private static final int EDGE_PORT = 20190;
    private static PayaraMicroEdge edge;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return KeyholdDeployment.ear();
    }

    @BeforeAll
    static void startEdge() {
        edge = KeyholdServerExtension.server().startEdge(EDGE_PORT, "512m");
    }

    @AfterAll
    static void stopEdge() {
        if (edge != null) {
            edge.close();
        }
    }

    @Test
    void theEdgeRunsNoMigrationNoBootstrapAndNoTimer() {
        String log = edge.log();
        assertFalse(log.contains("Flyway") || log.contains("Database schema at version"), "no schema migration on an edge");
        assertFalse(log.contains("first operator"), "no operator bootstrap on an edge");
        assertFalse(log.contains("Generated this installation's Ed25519 signing key pair"), "the edge loads the server's key");
        assertFalse(log.contains("ScheduledWork") || log.contains("EJB Timer Service"), "no timer on an edge");
        assertTrue(log.contains("keyhold-edge"), "the edge WAR was deployed: " + log.length() + " characters of log");
    }

    @Test
    void theEdgeServesTheClientApiAndTheSigningKeyOnly() {
        assertEquals(Http.get("/api/v1/signing-key").body(), Http.get(edge.baseUrl() + "/api/v1/signing-key").body(),
                "one signing key for the server and its edges");
        String operator = Http.bearer(KeyholdServerExtension.server().operatorToken());
        assertEquals(404, Http.get(edge.baseUrl() + "/api/v1/operator/accounts", "Authorization", operator).status());
        assertEquals(404, Http.get(edge.baseUrl() + "/api/v1/admin/computers").status());
        assertEquals(404, Http.get(edge.baseUrl() + "/api;x/v1/operator/accounts", "Authorization", operator).status());
        assertEquals(404, Http.get(edge.baseUrl() + "/app/dashboard.xhtml").status());
    }

    /** A load balancer asks each edge whether it can serve: MicroProfile Health with Keyhold's database check. */
    @Test
    void theEdgeReportsItsReadinessWithTheDatabaseCheck() {
        Http.Answer ready = Http.get(edge.baseUrl() + "/health/ready");
        assertEquals(200, ready.status(), ready.body());
        assertTrue(ready.body().contains("keyhold-database"), ready.body());
    }

    @Test
    void aComputerActivatedOnTheServerChecksInOnTheEdgeAndIsToldOfADeactivationAtOnce_C3_C4() throws Exception {
        Accounts.Business acme = Accounts.withDesktopSubscription(2);
        JsonObject computer = CheckInCoalescingIT.activate(acme);
        String id = computer.getString("activationId");
        String token = computer.getString("activationToken");

        Instant before = Instant.now().minusSeconds(1);
        Http.Answer onEdge = checkInOnEdge(id, token);
        assertEquals(200, onEdge.status(), onEdge.body());
        assertEquals("ACTIVE", onEdge.json().getString("status"));
        assertEquals("ACTIVE", CheckInCoalescingIT.certificate(onEdge.json()).getString("status"));
        awaitLastContactAfter(id, before);

        assertEquals(200, acme.action("deactivate", "{\"ids\":[\"" + id + "\"]}").status());
        JsonObject told = checkInOnEdge(id, token).json();
        assertEquals("DEACTIVATED", told.getString("status"));
        assertEquals("DEACTIVATED", CheckInCoalescingIT.certificate(told).getString("status"));
    }

    @Test
    void theEdgeRefusesAsTheServerDoes_CONTRACT1() {
        Accounts.Business acme = Accounts.withDesktopSubscription(1);
        JsonObject computer = CheckInCoalescingIT.activate(acme);
        String id = computer.getString("activationId");

        Http.Answer wrongToken = checkInOnEdge(id, "not-the-token");
        Http.Answer onServer = Clients.checkIn(id, "not-the-token");
        assertEquals(onServer.status(), wrongToken.status());
        assertEquals(onServer.json().getString("code"), wrongToken.json().getString("code"));

        Http.Answer otherId = checkInOnEdge("00000000-0000-0000-0000-000000000000", computer.getString("activationToken"));
        assertEquals(Clients.checkIn("00000000-0000-0000-0000-000000000000", computer.getString("activationToken")).status(),
                otherId.status());

        String oversized = "{\"appVersion\":\"" + "9".repeat(200_000) + "\"}";
        Http.Answer tooLarge = Http.postJson(edge.baseUrl() + "/api/v1/client/activations/" + id + "/check-in", oversized,
                "Authorization", Http.bearer(computer.getString("activationToken")));
        assertEquals(413, tooLarge.status());
        assertEquals("PAYLOAD_TOO_LARGE", tooLarge.json().getString("code"));
    }

    /** Activations racing on the server and on the edge at once take exactly the free seats (SPEC L5). */
    @Test
    void activationsSpreadOverTheServerAndTheEdgeStayExactlyK_L5() throws Exception {
        int seats = 5;
        Accounts.Business acme = Accounts.withDesktopSubscription(seats);
        String key = acme.subscription().primaryKey();
        List<Callable<String>> calls = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            String base = i % 2 == 0 ? "" : edge.baseUrl();
            calls.add(() -> {
                Http.Answer answer = Http.postJson(base + "/api/v1/client/activations", "{\"key\":\"" + key
                        + "\",\"hardwareId\":\"" + Clients.newHardwareId() + "\",\"computerName\":\"Lab Mac\"}");
                return answer.status() == 201 ? "201" : answer.status() + " " + answer.json().getString("code");
            });
        }
        Map<String, Long> outcomes = Concurrently.run(calls).stream()
                .collect(Collectors.groupingBy(outcome -> outcome, TreeMap::new, Collectors.counting()));

        assertEquals(Map.of("201", (long) seats, "409 NO_SEATS_AVAILABLE", 24L - seats), outcomes);
        assertEquals(seats, acme.computers("?status=ACTIVE").json().getInt("total"));
    }

    /**
     * The edge coalesces its check-ins' writes as the server does; while it checks in busily, the
     * server deactivates half the computers: no coalesced write of the edge undoes a status change.
     */
    @Test
    void theEdgesCoalescedWritesNeverUndoTheServersStatusChanges_C3() throws Exception {
        int computers = 8;
        Accounts.Business acme = Accounts.withDesktopSubscription(computers);
        List<JsonObject> fleet = new ArrayList<>();
        for (int i = 0; i < computers; i++) {
            fleet.add(CheckInCoalescingIT.activate(acme));
        }
        CheckInLoops loops = CheckInLoops.start(List.of(edge.baseUrl()), fleet, 6);
        Thread.sleep(1_500);
        for (int i = 0; i < computers / 2; i++) {
            assertEquals(200, acme.action("deactivate", "{\"ids\":[\"" + fleet.get(i).getString("activationId") + "\"]}").status());
            Thread.sleep(150);
        }
        Thread.sleep(2_500); // more check-ins on the edge and at least two of its flushes after the last change
        int answered = loops.stop();
        Thread.sleep(5_000);

        assertTrue(answered > computers * 5, "the edge kept answering check-ins: " + answered);
        for (int i = 0; i < computers; i++) {
            String id = fleet.get(i).getString("activationId");
            CheckInCoalescingIT.Stored stored = CheckInCoalescingIT.stored(id);
            assertEquals(i < computers / 2 ? "DEACTIVATED" : "ACTIVE", stored.status(), "stored status of computer " + i);
            assertTrue(stored.lastContact().isAfter(Instant.now().minusSeconds(60)), "the edge recorded computer " + i);
        }
    }

    private static Http.Answer checkInOnEdge(String activationId, String token) {
        return Http.postJson(edge.baseUrl() + "/api/v1/client/activations/" + activationId + "/check-in",
                "{\"appVersion\":\"19.2.0\"}", "Authorization", Http.bearer(token));
    }

    private static void awaitLastContactAfter(String id, Instant before) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!CheckInCoalescingIT.stored(id).lastContact().isAfter(before)) {
            assertTrue(System.nanoTime() < deadline, "the edge's check-in was not recorded within 5 s");
            Thread.sleep(50);
        }
    }
}
