package com.keyhold.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.keyhold.it.support.Http;
import com.keyhold.it.support.KeyholdDeployment;
import com.keyhold.it.support.KeyholdIntegrationTest;
import com.keyhold.it.support.KeyholdServerExtension;
import com.keyhold.it.support.Rows;
import com.keyhold.it.support.ServerClock;
import com.keyhold.it.support.Subscriptions;
import com.keyhold.it.support.Users;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, timers under faults: a sweep whose batch fails at commit (a database trigger refuses one
 * subscription's claim, as a crash or a lost connection would end the batch) does nothing of that
 * batch, and the next run completes it without sending any warning twice (SPEC E1).
 */
@KeyholdIntegrationTest
class SweepFaultsIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return KeyholdDeployment.ear();
    }

    @Test
    void anInterruptedExpirySweepIsCompletedByTheNextRunWithoutWarningTwice_E1() throws Exception {
        ServerClock.move(Duration.ZERO);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Registered first = registered("sweep-fault-a", today.plusDays(20));
        Registered refused = registered("sweep-fault-b", today.plusDays(20));
        String trigger = "fail_claim_" + refused.subscriptionId().replace("-", "").substring(0, 12);
        try (Connection db = KeyholdServerExtension.server().connect(); Statement sql = db.createStatement()) {
            sql.execute("CREATE TRIGGER " + trigger + " BEFORE INSERT ON expiry_warnings FOR EACH ROW BEGIN"
                    + " IF NEW.subscription_id = '" + refused.subscriptionId() + "' THEN"
                    + " SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'injected fault: the batch dies at commit'; END IF; END");
        }
        try {
            Http.Answer interrupted = Http.postJson("/api/v1/operator/sweeps/expiry", "", "Authorization", Subscriptions.operator());
            assertNotEquals(200, interrupted.status(), "the sweep met the fault: " + interrupted.body());
            assertEquals(0, warnings(refused.email()), "the failed batch queued nothing");
            assertEquals(0, claims(refused.subscriptionId()), "and claimed nothing");
            assertEquals(claims(first.subscriptionId()), warnings(first.email()),
                    "whatever batch the other subscription was in, its claim and its email went together or not at all");
        } finally {
            try (Connection db = KeyholdServerExtension.server().connect(); Statement sql = db.createStatement()) {
                sql.execute("DROP TRIGGER IF EXISTS " + trigger);
            }
        }

        assertEquals(200, ServerClock.sweep("expiry").status(), "the next run completes");
        assertEquals(1, warnings(first.email()), "one 30-day warning each, never two");
        assertEquals(1, warnings(refused.email()));
        assertEquals(200, ServerClock.sweep("expiry").status());
        assertEquals(1, warnings(first.email()), "a third run sends nothing again");
        assertEquals(1, warnings(refused.email()));
        assertEquals(1, claims(refused.subscriptionId()));
    }

    private record Registered(String email, String subscriptionId) {
    }

    private static Registered registered(String who, LocalDate endsOn) {
        String email = Users.uniqueEmail(who);
        Users.signUp(email);
        String token = Users.tokenFor(email);
        Subscriptions.Issued subscription = Subscriptions.issue("DESKTOP", 3, LocalDate.now(ZoneOffset.UTC).minusDays(1), endsOn);
        Http.Answer registered = Http.postJson("/api/v1/admin/registrations", "{\"key\":\"" + subscription.primaryKey()
                + "\",\"company\":{\"name\":\"Fault Co " + email.substring(email.indexOf('-') + 1, email.indexOf('-') + 9)
                + "\",\"country\":\"DE\",\"zip\":\"10115\",\"phone\":\"+49 30 1\"}}", "Authorization", Http.bearer(token));
        assertEquals(201, registered.status(), registered.body());
        return new Registered(email, subscription.id());
    }

    /** The outbox's expiry warnings to this address: a duplicate would be here before any SMTP server saw it. */
    private static long warnings(String email) {
        return Rows.count("SELECT COUNT(*) FROM outgoing_emails WHERE recipient = ? AND kind = 'EXPIRY_WARNING'", email);
    }

    private static long claims(String subscriptionId) {
        return Rows.count("SELECT COUNT(*) FROM expiry_warnings WHERE subscription_id = ? AND days_before > 0", subscriptionId);
    }
}
