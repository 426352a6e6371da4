package com.keyhold.bench;

import com.keyhold.it.support.KeyholdServerExtension;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Active computers for a benchmark, inserted with JDBC batches of 5,000 rows (what the client API
 * would store at activation, minutes faster): each has an activation id and a known activation
 * token, stored as its SHA-256 hash like the server stores tokens. Their certificates are not
 * stored, as for computers activated before the certificate store existed: each one's first
 * check-in signs and stores it.
 *
 * <p>{@link #subscriptions} generates the other shape: many subscriptions of one account, each with
 * its keys and computers, in multi-row INSERTs (for the expiry sweep's benchmark).
 */
final class Fleet {

    private static final int ROWS_PER_INSERT = 1_000;
    private static final int ROWS_PER_COMMIT = 10_000;

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
    static String accountOf(Connection db, String subscriptionId) throws SQLException {
        try (PreparedStatement account = db.prepareStatement("SELECT account_id FROM subscriptions WHERE id = ?")) {
            account.setString(1, subscriptionId);
            try (ResultSet row = account.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    /** One generated subscription: its end date, and the own expiry of its reserved key ({@code null}: none). */
    record Term(LocalDate endsOn, LocalDate keyExpiresOn) {
    }

    /**
     * One DESKTOP subscription per term, registered to {@code accountId}, each as the operator API and
     * a registration store it: its "ISSUED" order-history entry, a primary key and a reserved key
     * ("Lab", with the term's own expiry if any); and {@code computers} active computers spread evenly
     * over the subscriptions, half on each key. Multi-row INSERTs of {@value #ROWS_PER_INSERT} rows,
     * committed every {@value #ROWS_PER_COMMIT}. Ids ascend ({@code 00000000-0000-4000-a000-…}
     * subscriptions, {@code -b000-} keys, {@code -c000-} computers) and every computer has the same
     * activation and last-contact time, so each index of {@code activations} grows at its end. The
     * computers' tokens are not known (their hashes are placeholders): these computers are not meant
     * to check in.
     *
     * @return the subscriptions' ids, in the order of the terms
     */
    static String[] subscriptions(String accountId, List<Term> terms, int computers) throws Exception {
        int count = terms.size();
        String[] ids = new String[count];
        for (int i = 0; i < count; i++) {
            ids[i] = String.format("00000000-0000-4000-a000-%012d", i);
        }
        Timestamp now = Timestamp.from(Instant.now());
        Date startsOn = Date.valueOf(LocalDate.now(ZoneOffset.UTC).minusDays(400));
        int seats = Math.max(2, (computers + count - 1) / count);
        try (Connection db = KeyholdServerExtension.server().connect()) {
            db.setAutoCommit(false);
            insertRows(db, "INSERT INTO subscriptions (id, product_code, account_id, name, seats, starts_on, ends_on, auto_renewal,"
                    + " trial, created_at, version) VALUES ", "(?, 'DESKTOP', ?, ?, ?, ?, ?, FALSE, FALSE, ?, 0)", count, (row, p, i) -> {
                        row.setString(p, ids[i]);
                        row.setString(p + 1, accountId);
                        row.setString(p + 2, "Bench subscription " + i);
                        row.setInt(p + 3, seats);
                        row.setDate(p + 4, startsOn);
                        row.setDate(p + 5, Date.valueOf(terms.get(i).endsOn()));
                        row.setTimestamp(p + 6, now);
                    });
            insertRows(db, "INSERT INTO subscription_orders (subscription_id, kind, description, happened_at) VALUES ",
                    "(?, 'ISSUED', ?, ?)", count, (row, p, i) -> {
                        row.setString(p, ids[i]);
                        row.setString(p + 1, "Issued for " + seats + " seats, " + startsOn + " to " + terms.get(i).endsOn());
                        row.setTimestamp(p + 2, now);
                    });
            // keys 2i (primary) and 2i + 1 (reserved) of subscription i
            insertRows(db, "INSERT INTO license_keys (id, subscription_id, type, name, key_value, quota, custom_expires_on,"
                    + " created_at, version) VALUES ", "(?, ?, ?, ?, ?, ?, ?, ?, 0)", 2 * count, (row, p, k) -> {
                        int i = k / 2;
                        boolean primary = k % 2 == 0;
                        LocalDate expires = primary ? null : terms.get(i).keyExpiresOn();
                        row.setString(p, keyId(k));
                        row.setString(p + 1, ids[i]);
                        row.setString(p + 2, primary ? "PRIMARY" : "RESERVED");
                        row.setString(p + 3, primary ? "Primary" : "Lab");
                        row.setString(p + 4, String.format("SWEEP0-%06d-%06d-AAAAAA-AAAAAA", k / 1_000_000, k % 1_000_000));
                        if (primary) {
                            row.setNull(p + 5, Types.INTEGER);
                        } else {
                            row.setInt(p + 5, seats / 2);
                        }
                        row.setDate(p + 6, expires == null ? null : Date.valueOf(expires));
                        row.setTimestamp(p + 7, now);
                    });
            // computer c belongs to subscription c * count / computers, alternately on its two keys
            insertRows(db, "INSERT INTO activations (id, subscription_id, account_id, key_id, hardware_id, status, token_hash,"
                    + " computer_name, serial_number, mac_addresses, ip_addresses, host_os, app_version, user_name, activated_by,"
                    + " activated_at, last_contact_at) VALUES ", "(?, ?, ?, ?, ?, 'ACTIVE', ?, ?, 'C02BENCH', '3C:07:54:67:51:1E',"
                    + " '10.0.0.5', 'macOS 14.1', '19.1.0-54729', 'appleseed', 'benchmark', ?, ?)", computers, (row, p, c) -> {
                        int i = (int) ((long) c * count / computers);
                        row.setString(p, String.format("00000000-0000-4000-c000-%012d", c));
                        row.setString(p + 1, ids[i]);
                        row.setString(p + 2, accountId);
                        row.setString(p + 3, keyId(2 * i + c % 2));
                        row.setString(p + 4, "SWEEP-" + c);
                        row.setString(p + 5, String.format("%064d", c));
                        row.setString(p + 6, "Mac " + c);
                        row.setTimestamp(p + 7, now);
                        row.setTimestamp(p + 8, now);
                    });
            db.setAutoCommit(true);
            try (Statement analyze = db.createStatement()) {
                analyze.execute("ANALYZE TABLE subscriptions, subscription_orders, license_keys, activations");
            }
        }
        return ids;
    }

    private static String keyId(int k) {
        return String.format("00000000-0000-4000-b000-%012d", k);
    }

    /** Binds the parameters of generated row {@code index}, starting at parameter {@code first}. */
    @FunctionalInterface
    private interface RowBinder {
        void bind(PreparedStatement insert, int first, int index) throws SQLException;
    }

    /** {@code count} rows in multi-row INSERTs ({@code head} + {@code row}, {@code row}, …) in the connection's transaction. */
    private static void insertRows(Connection db, String head, String row, int count, RowBinder binder) throws SQLException {
        int parameters = (int) row.chars().filter(ch -> ch == '?').count();
        PreparedStatement full = null;
        try {
            for (int from = 0; from < count; from += ROWS_PER_INSERT) {
                int rows = Math.min(ROWS_PER_INSERT, count - from);
                PreparedStatement insert = rows == ROWS_PER_INSERT && full != null ? full
                        : db.prepareStatement(head + String.join(", ", Collections.nCopies(rows, row)));
                for (int r = 0; r < rows; r++) {
                    binder.bind(insert, r * parameters + 1, from + r);
                }
                insert.executeUpdate();
                if (rows == ROWS_PER_INSERT) {
                    full = insert;
                } else {
                    insert.close();
                }
                if ((from + rows) % ROWS_PER_COMMIT == 0 || from + rows == count) {
                    db.commit();
                }
            }
        } finally {
            if (full != null) {
                full.close();
            }
        }
    }
}
