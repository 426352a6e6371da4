package com.keyhold.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keyhold.it.support.BusinessAdmins;
import com.keyhold.it.support.Clients;
import com.keyhold.it.support.Http;
import com.keyhold.it.support.KeyholdDeployment;
import com.keyhold.it.support.KeyholdIntegrationTest;
import com.keyhold.it.support.Subscriptions;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, the drain before a planned restart ({@code POST /api/v1/operator/maintenance/drain}):
 * from then on requests answer 503 with Retry-After and readiness is down, only the drain control
 * answers (to resume), the drain is in the activity log, and a resume serves again.
 */
@KeyholdIntegrationTest
class MaintenanceDrainIT {

    private static final String DRAIN = "/api/v1/operator/maintenance/drain";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return KeyholdDeployment.ear();
    }

    @Test
    void aDrainedServerAsksEveryoneToRetryAndIsNotReadyUntilResumed() {
        BusinessAdmins.Admin admin = BusinessAdmins.withDesktopSubscription("drain", "EN", 3);
        JsonObject computer = Clients.activate(admin.subscription().primaryKey(), Clients.newHardwareId()).json();
        String id = computer.getString("activationId");
        String token = computer.getString("activationToken");

        assertEquals(401, Http.postJson(DRAIN, "", "Authorization", admin.bearer()).status(), "operators only");
        assertEquals(200, Clients.checkIn(id, token).status(), "a customer's token drained nothing");

        Http.Answer drained = Http.postJson(DRAIN, "", "Authorization", Subscriptions.operator());
        try {
            assertEquals(200, drained.status(), drained.body());
            assertTrue(drained.json().getBoolean("draining"));
            assertEquals(0, drained.json().getInt("requestsStillInFlight"));
            for (Http.Answer refused : java.util.List.of(Clients.checkIn(id, token),
                    Clients.activate(admin.subscription().primaryKey(), Clients.newHardwareId()),
                    Http.get("/api/v1/admin/computers", "Authorization", admin.bearer()))) {
                assertEquals(503, refused.status(), refused.body());
                assertEquals("SERVICE_UNAVAILABLE", refused.errorCode());
                assertEquals("30", refused.header("Retry-After").orElse(null));
            }
            Http.Answer ready = Http.get("/health/ready");
            assertEquals(503, ready.status(), "a load balancer stops sending traffic: " + ready.body());
            assertTrue(ready.body().matches("(?s).*\"draining\":\"?true.*"), ready.body());
        } finally {
            Http.Answer resumed = Http.call("DELETE", DRAIN, null, "Authorization", Subscriptions.operator());
            assertEquals(204, resumed.status(), "the drain control answers while drained: " + resumed.body());
        }
        assertEquals(200, Clients.checkIn(id, token).status(), "serving again after the resume");
        assertEquals(200, Http.get("/health/ready").status());

        Http.Answer log = Http.get("/api/v1/operator/activity?action=SERVER.*", "Authorization", Subscriptions.operator());
        assertEquals(200, log.status(), log.body());
        String actions = log.json().getJsonArray("items").stream().map(i -> i.asJsonObject().getString("action")).toList().toString();
        assertTrue(actions.contains("SERVER.DRAINED") && actions.contains("SERVER.RESUMED"), actions);
    }
}
