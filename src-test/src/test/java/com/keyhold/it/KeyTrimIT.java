package com.keyhold.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keyhold.it.support.Accounts;
import com.keyhold.it.support.Http;
import com.keyhold.it.support.KeyholdDeployment;
import com.keyhold.it.support.KeyholdIntegrationTest;
import com.keyhold.it.support.KeyholdServerExtension;
import com.keyhold.it.support.Subscriptions;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/**
 * SPEC L7 in bounded transactions (issue 13): a quota decrease beyond one batch commits the quota and
 * queues the key; the trimmer deactivates the excess, least recently contacted first, a thousand per
 * transaction, never below the quota; a trim interrupted by a crash is finished by the next run, and
 * a second run does nothing.
 */
@KeyholdIntegrationTest
class KeyTrimIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return KeyholdDeployment.ear();
    }

    @Test
    void aLargeQuotaDecreaseIsQueuedAndTrimmedInBatchesToExactlyTheQuota_L7() throws Exception {
        Accounts.Business acme = Accounts.withDesktopSubscription(3000);
        String keyId = acme.createKey("Big lab", "RESERVED", 2600).getString("id");
        insertActive(acme, keyId, 2500);

        Http.Answer unconfirmed = patchQuota(acme, keyId, 100, false);
        assertEquals(409, unconfirmed.status(), unconfirmed.body());
        assertEquals(2400, unconfirmed.json().getInt("wouldDeactivate"));
        assertEquals(2500, active(keyId), "nothing changed before the confirmation");

        Http.Answer confirmed = patchQuota(acme, keyId, 100, true);
        assertEquals(200, confirmed.status(), confirmed.body());
        JsonObject key = confirmed.json();
        assertEquals(100, key.getInt("quota"), "the new quota is committed at once");
        assertEquals(2400, key.getInt("queuedDeactivations"), "the answer says how many are queued");

        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (active(keyId) > 100 && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
        }
        assertEquals(100, active(keyId), "trimmed to exactly the quota, never below");
        assertEquals(0, count("SELECT COUNT(*) FROM key_trims WHERE key_id = ?", keyId), "the queue row is gone");
        assertEquals(100, count("SELECT COUNT(*) FROM activations WHERE key_id = ? AND status = 'ACTIVE'"
                + " AND hardware_id >= 'TRIM-02400'", keyId), "the 100 most recently contacted stay active");
    }

    @Test
    void aTrimInterruptedByACrashIsFinishedByTheNextRunAndNothingTwice_L7() throws Exception {
        Accounts.Business acme = Accounts.withDesktopSubscription(2000);
        String keyId = acme.createKey("Crashed", "RESERVED", 1500).getString("id");
        insertActive(acme, keyId, 1500);
        // what a committed decrease to 200 leaves when the server dies before its first batch
        try (Connection db = KeyholdServerExtension.server().connect()) {
            try (PreparedStatement quota = db.prepareStatement("UPDATE license_keys SET quota = 200 WHERE id = ?");
                    PreparedStatement queued = db.prepareStatement("INSERT INTO key_trims (key_id, requested_at) VALUES (?, ?)")) {
                quota.setString(1, keyId);
                quota.executeUpdate();
                queued.setString(1, keyId);
                queued.setTimestamp(2, Timestamp.from(Instant.now()));
                queued.executeUpdate();
            }
        }

        JsonObject run = Http.postJson("/api/v1/operator/sweeps/key-trims", "{}", "Authorization", Subscriptions.operator()).json();
        assertEquals(1300, run.getInt("processed"), run.toString());
        assertTrue(run.getInt("batches") >= 2, "1,300 in batches of at most 1,000: " + run);
        assertEquals(200, active(keyId));
        assertEquals(0, count("SELECT COUNT(*) FROM key_trims WHERE key_id = ?", keyId));

        JsonObject again = Http.postJson("/api/v1/operator/sweeps/key-trims", "{}", "Authorization", Subscriptions.operator()).json();
        assertEquals(0, again.getInt("processed"), "nothing twice: " + again);
        assertEquals(200, active(keyId));
    }

    private static Http.Answer patchQuota(Accounts.Business acme, String keyId, int quota, boolean confirm) {
        return Http.send(Http.request("/api/v1/admin/keys/" + keyId + (confirm ? "?confirm=true" : ""))
                .header("Authorization", acme.bearer()).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"quota\":" + quota + "}")).build());
    }

    /** Active computers on the key, last contacts one second apart in hardware-id order (TRIM-00000 the oldest). */
    private static void insertActive(Accounts.Business acme, String keyId, int count) throws SQLException {
        try (Connection db = KeyholdServerExtension.server().connect()) {
            db.setAutoCommit(false);
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO activations (id, subscription_id, key_id, hardware_id,"
                    + " status, token_hash, computer_name, activated_by, activated_at, last_contact_at, account_id)"
                    + " VALUES (?, ?, ?, ?, 'ACTIVE', ?, ?, 'trim test', ?, ?, ?)")) {
                Instant start = Instant.now().minus(Duration.ofDays(1));
                for (int i = 0; i < count; i++) {
                    insert.setString(1, UUID.randomUUID().toString());
                    insert.setString(2, acme.subscription().id());
                    insert.setString(3, keyId);
                    insert.setString(4, String.format("TRIM-%05d", i));
                    insert.setString(5, String.format("%064d", i));
                    insert.setString(6, "Mac " + i);
                    insert.setTimestamp(7, Timestamp.from(start));
                    insert.setTimestamp(8, Timestamp.from(start.plusSeconds(i)));
                    insert.setString(9, acme.accountId());
                    insert.addBatch();
                }
                insert.executeBatch();
                db.commit();
            }
        }
    }

    private static int active(String keyId) throws SQLException {
        return count("SELECT COUNT(*) FROM activations WHERE key_id = ? AND status = 'ACTIVE'", keyId);
    }

    private static int count(String sql, String parameter) throws SQLException {
        try (Connection db = KeyholdServerExtension.server().connect(); PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }
}
