package com.keyhold.bench;

import com.keyhold.it.support.KeyholdServerExtension;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Active computers for a benchmark, inserted with JDBC batches of 5,000 rows (what the client API
 * would store at activation, minutes faster): each has an activation id and a known activation
 * token, stored as its SHA-256 hash like the server stores tokens. Their certificates are not
 * stored, as for computers activated before the certificate store existed: each one's first
 * check-in signs and stores it.
 */
final class Fleet {

    final String[] ids;
    final String[] tokens;
    final double insertSeconds;

    private Fleet(String[] ids, String[] tokens, double insertSeconds) {
        this.ids = ids;
        this.tokens = tokens;
        this.insertSeconds = insertSeconds;
    }

    int size() {
        return ids.length;
    }

    /** {@code count} active computers on the subscription's primary key. */
    static Fleet insert(String subscriptionId, int count) throws Exception {
        long start = System.nanoTime();
        String[] ids = new String[count];
        String[] tokens = new String[count];
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        try (Connection db = KeyholdServerExtension.server().connect()) {
            String keyId;
            try (PreparedStatement key = db.prepareStatement(
                    "SELECT id FROM license_keys WHERE subscription_id = ? AND type = 'PRIMARY'")) {
                key.setString(1, subscriptionId);
                try (ResultSet row = key.executeQuery()) {
                    row.next();
                    keyId = row.getString(1);
                }
            }
            String accountId = accountOf(db, subscriptionId);
            db.setAutoCommit(false);
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO activations (id, subscription_id, key_id,"
                    + " hardware_id, status, token_hash, computer_name, serial_number, mac_addresses, ip_addresses, host_os,"
                    + " app_version, user_name, activated_by, activated_at, last_contact_at, account_id) VALUES (?, ?, ?, ?,"
                    + " 'ACTIVE', ?, ?, 'C02BENCH', '3C:07:54:67:51:1E', '10.0.0.5', 'macOS 14.1', '19.1.0-54729', 'appleseed',"
                    + " 'benchmark', ?, ?, ?)")) {
                Timestamp now = Timestamp.from(Instant.now());
                for (int i = 0; i < count; i++) {
                    ids[i] = UUID.randomUUID().toString();
                    tokens[i] = "kha_bench-" + UUID.randomUUID();
                    insert.setString(1, ids[i]);
                    insert.setString(2, subscriptionId);
                    insert.setString(3, keyId);
                    insert.setString(4, "BENCH-" + ids[i]);
                    insert.setString(5, HexFormat.of().formatHex(sha256.digest(tokens[i].getBytes(StandardCharsets.UTF_8))));
                    insert.setString(6, "Mac " + i);
                    insert.setTimestamp(7, now);
                    insert.setTimestamp(8, now);
                    insert.setString(9, accountId);
                    insert.addBatch();
                    if (i % 5_000 == 4_999) {
                        insert.executeBatch();
                        db.commit();
                    }
                }
                insert.executeBatch();
                db.commit();
            }
        }
        return new Fleet(ids, tokens, (System.nanoTime() - start) / 1e9);
    }

    /** The account a subscription is registered to: generated computers carry it, as activations do (V6). */
    static String accountOf(Connection db, String subscriptionId) throws java.sql.SQLException {
        try (PreparedStatement account = db.prepareStatement("SELECT account_id FROM subscriptions WHERE id = ?")) {
            account.setString(1, subscriptionId);
            try (ResultSet row = account.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }
}
