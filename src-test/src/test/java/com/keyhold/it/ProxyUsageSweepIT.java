package com.keyhold.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keyhold.it.support.Http;
import com.keyhold.it.support.KeyholdDeployment;
import com.keyhold.it.support.KeyholdIntegrationTest;
import com.keyhold.it.support.Mailbox;
import com.keyhold.it.support.Proxies;
import com.keyhold.it.support.ServerClock;
import com.keyhold.it.support.Subscriptions;
import com.keyhold.it.support.Users;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/**
 * The usage sweep (SPEC S6, E3) with the server's clock moved: a proxy over its limit brings its
 * account's administrators one email a day, in their language, however often the sweep runs; a proxy
 * without a report for 8 days is flagged silent, and its next report clears the flag.
 */
@KeyholdIntegrationTest
class ProxyUsageSweepIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return KeyholdDeployment.ear();
    }

    @Test
    void overTheLimitOneEmailADayAndSilenceAfterEightDays_S6_E3() throws Exception {
        String email = Users.uniqueEmail("fleetadmin");
        Http.Answer signUp = Http.postJson("/api/v1/users", "{\"email\":\"" + email + "\",\"firstName\":\"Franz\",\"lastName\":\"Flotte\","
                + "\"password\":\"" + Users.PASSWORD + "\",\"language\":\"DE\"}");
        assertEquals(201, signUp.status(), signUp.body());
        String token = Users.tokenFor(email);
        Subscriptions.Issued fleet = Proxies.fleetSubscription(10);
        Http.Answer registered = Http.postJson("/api/v1/admin/registrations", "{\"key\":\"" + fleet.primaryKey()
                + "\",\"company\":{\"name\":\"Flotte " + email.substring(10, 18) + "\",\"country\":\"DE\",\"zip\":\"10115\","
                + "\"phone\":\"+49 30 1\"}}", "Authorization", Http.bearer(token));
        assertEquals(201, registered.status(), registered.body());
        String[] admin = {"Authorization", Http.bearer(token)};
        String activationKey = Proxies.activate(fleet.primaryKey(), "U01");
        Proxies.Soap over = Proxies.call("ReportUsage", Map.of("activationKey", activationKey,
                "reportDate", LocalDate.now(ZoneOffset.UTC).toString(), "managedComputers", "14"));
        assertEquals("true", over.text("//UsageAck/overLimit"), over.body());
        try {
            sweep();
            Mailbox.Email first = Mailbox.awaitTo(email, "verwaltet mehr Macs");
            assertEquals("de", first.language(), "in the administrator's language");
            assertTrue(first.body().contains("14") && first.body().contains("10"), first.body());
            sweep();
            assertEquals(1, overLimitEmails(email), "one email a day, however often the sweep runs");

            ServerClock.move(Duration.ofDays(1).plusHours(1));
            sweep();
            sweep();
            assertEquals(2, overLimitEmails(email), "the next day, the next email");

            JsonObject beforeSilence = proxy(admin);
            assertFalse(beforeSilence.getBoolean("silent"), beforeSilence.toString());
            ServerClock.move(Duration.ofDays(9));
            sweep();
            assertTrue(proxy(admin).getBoolean("silent"), "no report for 8 days: flagged silent");
            Proxies.Soap report = Proxies.call("ReportUsage", Map.of("activationKey", activationKey,
                    "reportDate", LocalDate.now(ZoneOffset.UTC).plusDays(9).toString(), "managedComputers", "8"));
            assertEquals("true", report.text("//UsageAck/accepted"), report.body());
            JsonObject reported = proxy(admin);
            assertFalse(reported.getBoolean("silent"), "a report clears the flag");
            assertFalse(reported.getBoolean("overLimit"), "8 of 10");
            long emails = overLimitEmails(email);
            sweep();
            assertEquals(emails, overLimitEmails(email), "within the limit: no more emails");
        } finally {
            ServerClock.move(Duration.ZERO);
        }
    }

    private static JsonObject proxy(String[] admin) {
        return Http.get("/api/v1/admin/proxies", admin).json().getJsonArray("items").getJsonObject(0);
    }

    private static void sweep() {
        ServerClock.sweep("usage");
    }

    private static long overLimitEmails(String email) throws InterruptedException {
        Thread.sleep(1500); // emails leave after their transaction commits; give a duplicate time to arrive
        return Mailbox.to(email).stream().filter(m -> m.subject().contains("verwaltet mehr Macs")).count();
    }
}
