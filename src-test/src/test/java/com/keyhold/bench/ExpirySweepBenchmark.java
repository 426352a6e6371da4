package com.keyhold.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.keyhold.it.support.Accounts;
import com.keyhold.it.support.Http;
import com.keyhold.it.support.KeyholdDeployment;
import com.keyhold.it.support.KeyholdIntegrationTest;
import com.keyhold.it.support.KeyholdServerExtension;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/**
 * Issue 10: the expiry sweep (SPEC E1) over 10,000 subscriptions of one account that are expiring or
 * near their warning days, with 1,000,000 computers beneath them, generated with multi-row SQL
 * INSERTs ({@link Fleet#subscriptions}). The server's clock is moved to the sweep day and the sweep
 * is run through the operator API ({@code POST /api/v1/operator/sweeps/expiry}), which answers what
 * it processed, in how many batches, the longest batch (each batch is one transaction) and the whole
 * run's time; {@code information_schema.innodb_trx} is sampled meanwhile as a cross-check. A second
 * run, with nothing left to do, is timed too (what every later hourly run costs). Yardstick: one
 * batch's database work by raw JDBC, rolled back, with one set of statements per subscription as the
 * sweep issues them and set-based ({@link OneBatch}). Asserted: the run processes exactly the
 * expiries, warnings and key expiries the generated dates call for, with the matching rows in
 * {@code subscription_orders}, {@code expiry_warnings} and the outbox, and the second run processes
 * nothing.
 */
@KeyholdIntegrationTest
class ExpirySweepBenchmark {

    private static final int SUBSCRIPTIONS = Integer.getInteger("keyhold.bench.sweep.subscriptions", 10_000);
    private static final int ACTIVATIONS = Integer.getInteger("keyhold.bench.sweep.activations", 1_000_000);
    /**
     * The sweep day, this many days ahead: the hourly schedule, on the real clock, cannot reach the
     * generated end dates before the benchmark moves the clock (they start 50 days ahead, beyond its
     * 30-day horizon), and the other tests' subscriptions (a year long) stay out of the moved sweep's reach.
     */
    private static final int SWEEP_DAY = 60;
    /** End dates are spread over these days around the sweep day: expired, warned at 30/7/1 days, not yet due. */
    private static final int FIRST_END = -10;
    private static final int LAST_END = 35;
    /** Every tenth subscription's reserved key ended on its own two days before the sweep day. */
    private static final int KEY_EXPIRY_EVERY = 10;
    private static final int KEY_EXPIRED_DAYS_BEFORE = 2;
    private static final int HORIZON = 30;
    private static final List<Integer> THRESHOLDS = List.of(30, 7, 1);
    /** The hourly expiry timer fires at minute 23; the two measured runs must not share the moved clock with it. */
    private static final int TIMER_MINUTE = 23;
    private static final Duration CLEAR_OF_TIMER = Duration.ofMinutes(5);
    private static final int SAMPLE_MILLIS = TransactionSampler.SAMPLE_MILLIS;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return KeyholdDeployment.ear();
    }

    @Test
    void theExpirySweepOver10000SubscriptionsWithAMillionComputers() throws Exception {
        Accounts.Business acme = Accounts.withDesktopSubscription(1); // its administrator receives the warnings
        LocalDate sweepDay = LocalDate.now(ZoneOffset.UTC).plusDays(SWEEP_DAY);
        List<Fleet.Term> terms = terms(sweepDay);
        Expected expected = Expected.of(terms, sweepDay);
        long start = System.nanoTime();
        String[] ids = Fleet.subscriptions(acme.accountId(), terms, ACTIVATIONS);
        double generateSeconds = (System.nanoTime() - start) / 1e9;
        assertEquals(expected.inReach(), inReach(sweepDay), "only the generated subscriptions are in the sweep's reach");
        OneBatch.Figures yardstick = OneBatch.measure(firstPage(sweepDay), sweepDay, acme.accountId());

        JsonObject first;
        JsonObject second;
        TransactionSampler.Longest sampled;
        double drainSeconds;
        long unsent;
        clearOfTheHourlySweep();
        try {
            moveClock(Duration.between(Instant.now(), sweepDay.atStartOfDay(ZoneOffset.UTC).plusHours(1).toInstant()));
            TransactionSampler sampler = TransactionSampler.start();
            first = sweep();
            sampled = sampler.stop();
            second = sweep();
            // while the clock is still moved: the warnings' emails are due from their (moved) creation time
            long drainStart = System.nanoTime();
            unsent = awaitOutbox(Duration.ofMinutes(10));
            drainSeconds = (System.nanoTime() - drainStart) / 1e9;
        } finally {
            moveClock(Duration.ZERO);
        }

        assertEquals(expected.processed(), first.getInt("processed"), "every expiry, warning and key expiry, once: " + first);
        assertEquals(0, second.getInt("processed"), "a second run finds nothing left to do: " + second);
        assertEquals(expected.expired(), count("SELECT COUNT(*) FROM subscription_orders WHERE kind = 'EXPIRED'"
                + " AND subscription_id LIKE '00000000-0000-4000-a000-%'"), "one EXPIRED entry per expired subscription");
        assertEquals(expected.keyExpired(), count("SELECT COUNT(*) FROM subscription_orders WHERE kind = 'KEY_EXPIRED'"
                + " AND subscription_id LIKE '00000000-0000-4000-a000-%'"), "one KEY_EXPIRED entry per key that ended first");
        assertEquals(expected.claims(), count("SELECT COUNT(*) FROM expiry_warnings WHERE subscription_id LIKE"
                + " '00000000-0000-4000-a000-%' AND days_before > 0"), "every reached threshold claimed once");
        assertEquals(expected.expired(), count("SELECT COUNT(*) FROM expiry_warnings WHERE subscription_id LIKE"
                + " '00000000-0000-4000-a000-%' AND days_before = 0"), "every recorded expiry claimed once");
        assertEquals(expected.warned(), count("SELECT COUNT(*) FROM expiry_warnings WHERE subscription_id LIKE"
                + " '00000000-0000-4000-a000-%' AND days_before = 30"), "every warned subscription claimed its 30 days");
        assertEquals(expected.warned(), count("SELECT COUNT(*) FROM outgoing_emails WHERE kind = 'EXPIRY_WARNING'"),
                "one email to the one administrator per warned subscription");

        double selectMillis = selectionAlone(sweepDay);
        String selectSql = "SELECT s.id FROM subscriptions s WHERE s.account_id IS NOT NULL AND s.id > ? AND (s.ends_on <= ?"
                + " OR EXISTS (SELECT 1 FROM license_keys k WHERE k.subscription_id = s.id AND k.custom_expires_on IS NOT NULL"
                + " AND k.custom_expires_on < ?)) ORDER BY s.id LIMIT 200";
        String report = String.format(Locale.ROOT, "Expiry sweep (SPEC E1, issue 10)%n"
                + "generated:        %,d subscriptions of one account (%,d keys, %,d computers) in %.0f s (multi-row SQL INSERTs)%n"
                + "sweep day:        %s (server clock moved %d days ahead); end dates from %d to %+d days of it,"
                + " every %dth subscription with a reserved key ended %d days before it%n"
                + "expected:         %,d expiries + %,d warnings (%,d threshold claims) + %,d key expiries = %,d;"
                + " %,d subscriptions in reach, %,d not yet%n"
                + "first run:        processed %,d in %d batches, %.1f s (target < 60 s); longest batch %d ms (target: none over 1 s)%n"
                + "  innodb_trx every %d ms: longest transaction seen open %d ms (first to last sighting, + up to %d ms),"
                + " %d rows locked, %d modified; %,d transactions seen, %d lock waits seen;"
                + " the %d locking %d rows or more (the batches): median %d ms, longest %d ms%n"
                + "  those batches in order (ms): %s%n"
                + "second run:       processed %,d in %d batches, %.1f s; longest batch %d ms (nothing left to do: what each later hourly run costs)%n"
                + "selection alone:  its %d pages of ids by JDBC in %.0f ms%n"
                + "one batch's database work by raw JDBC (the first %d subscriptions in reach, rolled back, median of %d):%n"
                + "  one set of statements per subscription, as ExpirySweep issues them (2026-12-01): %,d statements, %.0f ms%n"
                + "  set-based, a few statements for the whole batch:                                 %,d statements, %.0f ms%n"
                + "warning emails:   %,d in the outbox; %s%n"
                + "EXPLAIN selection (first page):%n%s"
                + "EXPLAIN subscription locked (em.find, PESSIMISTIC_WRITE):%n%s"
                + "EXPLAIN its order history (recordExpiry):%n%s"
                + "EXPLAIN its expired keys:%n%s"
                + "EXPLAIN the account's administrators:%n%s",
                SUBSCRIPTIONS, 2 * SUBSCRIPTIONS, ACTIVATIONS, generateSeconds,
                sweepDay, SWEEP_DAY, FIRST_END, LAST_END, KEY_EXPIRY_EVERY, KEY_EXPIRED_DAYS_BEFORE,
                expected.expired(), expected.warned(), expected.claims(), expected.keyExpired(), expected.processed(),
                expected.inReach(), SUBSCRIPTIONS - expected.inReach(),
                first.getInt("processed"), first.getInt("batches"), first.getJsonNumber("elapsedMillis").longValue() / 1e3,
                first.getJsonNumber("longestBatchMillis").longValue(),
                SAMPLE_MILLIS, sampled.millis(), 2 * SAMPLE_MILLIS, sampled.rowsLocked(), sampled.rowsModified(),
                sampled.transactions(), sampled.lockWaits(), sampled.batches(), TransactionSampler.BATCH_ROWS,
                sampled.batchMedianMillis(), sampled.batchLongestMillis(), sampled.batchesInOrder(),
                second.getInt("processed"), second.getInt("batches"), second.getJsonNumber("elapsedMillis").longValue() / 1e3,
                second.getJsonNumber("longestBatchMillis").longValue(),
                (expected.inReach() + 199) / 200 + 1, selectMillis,
                OneBatch.SIZE, OneBatch.TIMES, yardstick.perSubscriptionStatements(), yardstick.perSubscriptionMillis(),
                yardstick.perBatchStatements(), yardstick.perBatchMillis(),
                expected.warned(), unsent == 0 ? String.format(Locale.ROOT, "all sent %.0f s after the second run ended", drainSeconds)
                        : String.format(Locale.ROOT, "%,d still unsent after %.0f s", unsent, drainSeconds),
                Explain.of("EXPLAIN " + selectSql, "", Date.valueOf(sweepDay.plusDays(HORIZON)), Date.valueOf(sweepDay)),
                Explain.of("EXPLAIN SELECT * FROM subscriptions WHERE id = ? FOR UPDATE", ids[0]),
                Explain.of("EXPLAIN SELECT * FROM subscription_orders WHERE subscription_id = ? ORDER BY happened_at", ids[0]),
                Explain.of("EXPLAIN SELECT * FROM license_keys WHERE subscription_id = ? AND custom_expires_on IS NOT NULL"
                        + " AND custom_expires_on < ?", ids[0], Date.valueOf(sweepDay)),
                Explain.of("EXPLAIN SELECT m.*, u.* FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.account_id = ?"
                        + " AND m.role = 'ACCOUNT_ADMINISTRATOR'", acme.accountId()));
        System.out.print(report);
        double sweepSeconds = first.getJsonNumber("elapsedMillis").longValue() / 1e3;
        long longest = first.getJsonNumber("longestBatchMillis").longValue();
        BenchSummary.add(String.format("Expiry sweep (E1), %,d subscriptions, %,d computers beneath", SUBSCRIPTIONS, ACTIVATIONS),
                String.format("%,d processed in %.1f s, %d batches, longest batch %d ms; second run %.1f s",
                        first.getInt("processed"), sweepSeconds, first.getInt("batches"), longest,
                        second.getJsonNumber("elapsedMillis").longValue() / 1e3),
                "< 60 s, no transaction over 1 s", BenchSummary.verdict(sweepSeconds < 60 && longest < 1000));
        Path out = Path.of("target", "bench", "expiry-sweep.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    /**
     * End dates drawn evenly from {@value #FIRST_END} to {@value #LAST_END} days of the sweep day (seeded,
     * so the ids of one batch mix every case); every {@value #KEY_EXPIRY_EVERY}th reserved key with its own expiry.
     */
    private static List<Fleet.Term> terms(LocalDate sweepDay) {
        Random random = new Random(42);
        List<Fleet.Term> terms = new ArrayList<>(SUBSCRIPTIONS);
        for (int i = 0; i < SUBSCRIPTIONS; i++) {
            LocalDate endsOn = sweepDay.plusDays(FIRST_END + random.nextInt(LAST_END - FIRST_END + 1));
            terms.add(new Fleet.Term(endsOn, i % KEY_EXPIRY_EVERY == 0 ? sweepDay.minusDays(KEY_EXPIRED_DAYS_BEFORE) : null));
        }
        return terms;
    }

    /**
     * What the sweep must do on {@code today} for these terms, from SPEC E1 rather than from the sweep's
     * code: a subscription past its end date (L1: valid through it) gets one expiry entry; one ending
     * within 30 days gets one warning (the most urgent due) and claims every threshold it reached; a key
     * whose own expiry passed before its subscription's end gets one key-expiry entry.
     */
    record Expected(int expired, int warned, int claims, int keyExpired, int inReach) {

        int processed() {
            return expired + warned + keyExpired;
        }

        static Expected of(List<Fleet.Term> terms, LocalDate today) {
            int expired = 0;
            int warned = 0;
            int claims = 0;
            int keyExpired = 0;
            int inReach = 0;
            for (Fleet.Term term : terms) {
                long daysLeft = ChronoUnit.DAYS.between(today, term.endsOn());
                boolean keyEnded = term.keyExpiresOn() != null && term.keyExpiresOn().isBefore(today);
                if (daysLeft < 0) {
                    expired++;
                } else if (daysLeft <= HORIZON) {
                    warned++;
                    claims += (int) THRESHOLDS.stream().filter(threshold -> daysLeft <= threshold).count();
                }
                if (keyEnded && term.keyExpiresOn().isBefore(term.endsOn())) {
                    keyExpired++;
                }
                if (daysLeft <= HORIZON || keyEnded) {
                    inReach++;
                }
            }
            return new Expected(expired, warned, claims, keyExpired, inReach);
        }
    }

    /** Registered subscriptions the sweep would take on that day (its selection, written out in SQL). */
    private static int inReach(LocalDate today) throws Exception {
        try (Connection db = KeyholdServerExtension.server().connect(); PreparedStatement count = db.prepareStatement(
                "SELECT COUNT(*) FROM subscriptions s WHERE s.account_id IS NOT NULL AND (s.ends_on <= ? OR EXISTS (SELECT 1"
                + " FROM license_keys k WHERE k.subscription_id = s.id AND k.custom_expires_on < ?))")) {
            count.setDate(1, Date.valueOf(today.plusDays(HORIZON)));
            count.setDate(2, Date.valueOf(today));
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    /** The ids of the sweep's first batch. */
    private static List<String> firstPage(LocalDate today) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection db = KeyholdServerExtension.server().connect(); PreparedStatement page = db.prepareStatement(
                "SELECT s.id FROM subscriptions s WHERE s.account_id IS NOT NULL AND (s.ends_on <= ? OR EXISTS"
                + " (SELECT 1 FROM license_keys k WHERE k.subscription_id = s.id AND k.custom_expires_on < ?))"
                + " ORDER BY s.id LIMIT " + OneBatch.SIZE)) {
            page.setDate(1, Date.valueOf(today.plusDays(HORIZON)));
            page.setDate(2, Date.valueOf(today));
            try (ResultSet rows = page.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        return ids;
    }

    /** The sweep's pages of ids (200 each, keyset by id) read by JDBC alone, as the run reads them between batches. */
    private static double selectionAlone(LocalDate today) throws Exception {
        try (Connection db = KeyholdServerExtension.server().connect(); PreparedStatement page = db.prepareStatement(
                "SELECT s.id FROM subscriptions s WHERE s.account_id IS NOT NULL AND s.id > ? AND (s.ends_on <= ? OR EXISTS"
                + " (SELECT 1 FROM license_keys k WHERE k.subscription_id = s.id AND k.custom_expires_on IS NOT NULL"
                + " AND k.custom_expires_on < ?)) ORDER BY s.id LIMIT 200")) {
            long start = System.nanoTime();
            String after = "";
            while (true) {
                page.setString(1, after);
                page.setDate(2, Date.valueOf(today.plusDays(HORIZON)));
                page.setDate(3, Date.valueOf(today));
                String last = null;
                try (ResultSet rows = page.executeQuery()) {
                    while (rows.next()) {
                        last = rows.getString(1);
                    }
                }
                if (last == null) {
                    return (System.nanoTime() - start) / 1e6;
                }
                after = last;
            }
        }
    }

    private static JsonObject sweep() {
        Http.Answer swept = Http.send(Http.request("/api/v1/operator/sweeps/expiry").header("Authorization", operator())
                .header("Content-Type", "application/json").timeout(Duration.ofMinutes(30))
                .POST(HttpRequest.BodyPublishers.ofString("")).build());
        assertEquals(200, swept.status(), swept.body());
        return swept.json();
    }

    private static void moveClock(Duration offset) {
        Http.Answer moved = Http.call("PUT", "/api/v1/operator/clock", "{\"offsetSeconds\":" + offset.toSeconds() + "}",
                "Authorization", operator());
        assertEquals(200, moved.status(), moved.body());
    }

    private static String operator() {
        return Http.bearer(KeyholdServerExtension.server().operatorToken());
    }

    /**
     * Waits until the hourly schedule (minute {@value #TIMER_MINUTE} of the server's time zone, this
     * machine's) is at least {@link #CLEAR_OF_TIMER} away: fired while the clock is moved, it would
     * take a share of the measured run's work.
     */
    private static void clearOfTheHourlySweep() throws InterruptedException {
        ZonedDateTime now = ZonedDateTime.now();
        ZonedDateTime next = now.withMinute(TIMER_MINUTE).withSecond(0).withNano(0);
        if (!next.isAfter(now)) {
            next = next.plusHours(1);
        }
        if (Duration.between(now, next).compareTo(CLEAR_OF_TIMER) < 0) {
            Thread.sleep(Duration.between(now, next.plusMinutes(1)).toMillis());
        }
    }

    /** Waits until the outbox holds no unsent warning; returns how many are still unsent at the deadline. */
    private static long awaitOutbox(Duration atMost) throws Exception {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (true) {
            long unsent = count("SELECT COUNT(*) FROM outgoing_emails WHERE kind = 'EXPIRY_WARNING' AND sent_at IS NULL");
            if (unsent == 0 || System.nanoTime() > deadline) {
                return unsent;
            }
            Thread.sleep(500);
        }
    }

    private static long count(String sql) throws Exception {
        try (Connection db = KeyholdServerExtension.server().connect(); ResultSet row = db.createStatement().executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    /**
     * Yardstick: the database work of one batch by raw JDBC, in a transaction that is rolled back (nothing
     * changes), once with the statements the sweep issues now, one set per subscription (as MariaDB's general log
     * shows them: the locking read, the add-ons and the order history that {@code em.find} with a lock loads by
     * its cascaded refresh, the claims, the administrators, the email, the history entries, the expired keys,
     * each insert on its own because each query flushes the ones before it), and once set-based: one locking read
     * for the batch, one read each of its history entries, expired keys and claims, the administrators once,
     * and one multi-row insert per table. The median of {@value #TIMES} after a warm-up.
     */
    private static final class OneBatch {

        static final int SIZE = 200;
        static final int TIMES = 3;
        private static final String EMAIL_BODY = "Hello Test,\n\nthe subscription \"Bench subscription\" of Acme ends on"
                + " 2027-01-30, in 7 days. Renew it in time so that its computers keep working.\n\n".repeat(4);

        record Figures(int perSubscriptionStatements, double perSubscriptionMillis, int perBatchStatements, double perBatchMillis) {
        }

        private final List<String> ids;
        private final LocalDate today;
        private final String accountId;
        private final Timestamp now = Timestamp.from(Instant.now());
        private int statements;

        private OneBatch(List<String> ids, LocalDate today, String accountId) {
            this.ids = ids;
            this.today = today;
            this.accountId = accountId;
        }

        static Figures measure(List<String> ids, LocalDate today, String accountId) throws Exception {
            OneBatch batch = new OneBatch(ids, today, accountId);
            List<Double> perSubscription = new ArrayList<>();
            List<Double> perBatch = new ArrayList<>();
            int[] counted = new int[2];
            try (Connection db = KeyholdServerExtension.server().connect()) {
                db.setAutoCommit(false);
                db.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED); // as the application's pool
                for (int i = 0; i <= TIMES; i++) {
                    perSubscription.add(batch.timed(db, batch::perSubscription));
                    counted[0] = batch.statements;
                    perBatch.add(batch.timed(db, batch::perBatch));
                    counted[1] = batch.statements;
                }
            }
            perSubscription.remove(0);
            perBatch.remove(0);
            return new Figures(counted[0], median(perSubscription), counted[1], median(perBatch));
        }

        @FunctionalInterface
        private interface Work {
            void run(Connection db) throws Exception;
        }

        private double timed(Connection db, Work work) throws Exception {
            statements = 0;
            long start = System.nanoTime();
            try {
                work.run(db);
                return (System.nanoTime() - start) / 1e6;
            } finally {
                db.rollback();
            }
        }

        private void perSubscription(Connection db) throws Exception {
            try (PreparedStatement lock = db.prepareStatement("SELECT id, auto_renewal, contract_details, created_at, ends_on,"
                    + " name, seats, starts_on, trial, version, account_id, product_code FROM subscriptions WHERE id = ? FOR UPDATE");
                    PreparedStatement addOns = db.prepareStatement("SELECT id, product_code, quantity, subscription_id"
                            + " FROM subscription_add_ons WHERE subscription_id = ?");
                    PreparedStatement orders = db.prepareStatement("SELECT id, description, happened_at, kind, subscription_id"
                            + " FROM subscription_orders WHERE subscription_id = ? ORDER BY happened_at");
                    PreparedStatement claim = db.prepareStatement("INSERT IGNORE INTO expiry_warnings (subscription_id, ends_on,"
                            + " days_before, claimed_at) VALUES (?, ?, ?, ?)");
                    PreparedStatement admins = db.prepareStatement(ADMINISTRATORS);
                    PreparedStatement email = db.prepareStatement(EMAIL + EMAIL_ROW);
                    PreparedStatement order = db.prepareStatement(ORDER + ORDER_ROW);
                    PreparedStatement keys = db.prepareStatement("SELECT id, created_at, custom_expires_on, key_value, name, quota,"
                            + " type, version, subscription_id, profile_id FROM license_keys WHERE subscription_id = ?"
                            + " AND custom_expires_on IS NOT NULL AND custom_expires_on < ?")) {
                for (String id : ids) {
                    lock.setString(1, id);
                    LocalDate endsOn = ((Date) read(lock, 5).get(0)).toLocalDate();
                    addOns.setString(1, id);
                    read(addOns, 1);
                    orders.setString(1, id);
                    read(orders, 1);
                    if (today.isAfter(endsOn)) {
                        bindOrder(order, 1, id, "EXPIRED", "Expired at the end of " + endsOn);
                        update(order);
                    } else {
                        long daysLeft = ChronoUnit.DAYS.between(today, endsOn);
                        for (int threshold : THRESHOLDS) {
                            if (daysLeft <= threshold) {
                                claim.setString(1, id);
                                claim.setDate(2, Date.valueOf(endsOn));
                                claim.setInt(3, threshold);
                                claim.setTimestamp(4, now);
                                update(claim);
                            }
                        }
                        admins.setString(1, accountId);
                        for (Object recipient : read(admins, 1)) {
                            bindEmail(email, 1, (String) recipient);
                            update(email);
                        }
                    }
                    keys.setString(1, id);
                    keys.setDate(2, Date.valueOf(today));
                    for (Object expired : read(keys, 3)) {
                        if (((Date) expired).toLocalDate().isBefore(endsOn)) {
                            bindOrder(order, 1, id, "KEY_EXPIRED", "Key 'Lab' expired at the end of " + expired);
                            update(order);
                        }
                    }
                }
            }
        }

        private void perBatch(Connection db) throws Exception {
            String in = String.join(", ", Collections.nCopies(ids.size(), "?"));
            Map<String, LocalDate> endsOn = new HashMap<>();
            try (PreparedStatement lock = db.prepareStatement("SELECT id, ends_on, account_id FROM subscriptions WHERE id IN ("
                    + in + ") FOR UPDATE")) {
                bindIds(lock, 1);
                statements++;
                try (ResultSet rows = lock.executeQuery()) {
                    while (rows.next()) {
                        endsOn.put(rows.getString(1), rows.getDate(2).toLocalDate());
                    }
                }
            }
            try (PreparedStatement orders = db.prepareStatement("SELECT subscription_id, kind, description FROM subscription_orders"
                    + " WHERE subscription_id IN (" + in + ") AND kind IN ('EXPIRED', 'KEY_EXPIRED')")) {
                bindIds(orders, 1);
                read(orders, 1);
            }
            List<String[]> expiredKeys = new ArrayList<>();
            try (PreparedStatement keys = db.prepareStatement("SELECT subscription_id, name, custom_expires_on FROM license_keys"
                    + " WHERE subscription_id IN (" + in + ") AND custom_expires_on < ?")) {
                bindIds(keys, 1);
                keys.setDate(ids.size() + 1, Date.valueOf(today));
                statements++;
                try (ResultSet rows = keys.executeQuery()) {
                    while (rows.next()) {
                        if (rows.getDate(3).toLocalDate().isBefore(endsOn.get(rows.getString(1)))) {
                            expiredKeys.add(new String[] {rows.getString(1), rows.getString(2), rows.getDate(3).toString()});
                        }
                    }
                }
            }
            try (PreparedStatement claimed = db.prepareStatement("SELECT subscription_id, ends_on, days_before FROM expiry_warnings"
                    + " WHERE subscription_id IN (" + in + ")")) {
                bindIds(claimed, 1);
                read(claimed, 1);
            }
            List<Object> recipients;
            try (PreparedStatement admins = db.prepareStatement(ADMINISTRATORS)) {
                admins.setString(1, accountId);
                recipients = read(admins, 1);
            }
            List<Object[]> claims = new ArrayList<>();
            List<String[]> history = new ArrayList<>();
            int emails = 0;
            for (String id : ids) {
                LocalDate end = endsOn.get(id);
                if (today.isAfter(end)) {
                    history.add(new String[] {id, "EXPIRED", "Expired at the end of " + end});
                } else {
                    long daysLeft = ChronoUnit.DAYS.between(today, end);
                    THRESHOLDS.stream().filter(threshold -> daysLeft <= threshold).forEach(t -> claims.add(new Object[] {id, end, t}));
                    emails += recipients.size();
                }
            }
            expiredKeys.forEach(key -> history.add(new String[] {key[0], "KEY_EXPIRED", "Key '" + key[1] + "' expired at the end of " + key[2]}));
            if (!claims.isEmpty()) {
                try (PreparedStatement insert = db.prepareStatement("INSERT IGNORE INTO expiry_warnings (subscription_id, ends_on,"
                        + " days_before, claimed_at) VALUES " + String.join(", ", Collections.nCopies(claims.size(), "(?, ?, ?, ?)")))) {
                    for (int i = 0; i < claims.size(); i++) {
                        insert.setString(4 * i + 1, (String) claims.get(i)[0]);
                        insert.setDate(4 * i + 2, Date.valueOf((LocalDate) claims.get(i)[1]));
                        insert.setInt(4 * i + 3, (Integer) claims.get(i)[2]);
                        insert.setTimestamp(4 * i + 4, now);
                    }
                    update(insert);
                }
            }
            if (!history.isEmpty()) {
                try (PreparedStatement insert = db.prepareStatement(ORDER + String.join(", ", Collections.nCopies(history.size(), ORDER_ROW)))) {
                    for (int i = 0; i < history.size(); i++) {
                        bindOrder(insert, 4 * i + 1, history.get(i)[0], history.get(i)[1], history.get(i)[2]);
                    }
                    update(insert);
                }
            }
            if (emails > 0) {
                try (PreparedStatement insert = db.prepareStatement(EMAIL + String.join(", ", Collections.nCopies(emails, EMAIL_ROW)))) {
                    for (int i = 0; i < emails; i++) {
                        bindEmail(insert, 6 * i + 1, (String) recipients.get(i % recipients.size()));
                    }
                    update(insert);
                }
            }
        }

        private static final String ADMINISTRATORS = "SELECT u.email, m.id, m.member_since, m.notes, m.role, m.status, u.id,"
                + " u.first_name, u.language FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.account_id = ?"
                + " AND m.role = 'ACCOUNT_ADMINISTRATOR'";
        private static final String EMAIL = "INSERT INTO outgoing_emails (id, kind, recipient, language, subject, body, created_at,"
                + " next_attempt_at, attempts) VALUES ";
        private static final String EMAIL_ROW = "(?, 'EXPIRY_WARNING', ?, 'EN', ?, ?, ?, ?, 0)";
        private static final String ORDER = "INSERT INTO subscription_orders (subscription_id, kind, description, happened_at) VALUES ";
        private static final String ORDER_ROW = "(?, ?, ?, ?)";

        private void bindEmail(PreparedStatement insert, int p, String recipient) throws SQLException {
            insert.setString(p, UUID.randomUUID().toString());
            insert.setString(p + 1, recipient);
            insert.setString(p + 2, "Your subscription \"Bench subscription\" ends in 7 days");
            insert.setString(p + 3, EMAIL_BODY);
            insert.setTimestamp(p + 4, now);
            insert.setTimestamp(p + 5, now);
        }

        private void bindOrder(PreparedStatement insert, int p, String id, String kind, String description) throws SQLException {
            insert.setString(p, id);
            insert.setString(p + 1, kind);
            insert.setString(p + 2, description);
            insert.setTimestamp(p + 3, now);
        }

        private void bindIds(PreparedStatement query, int first) throws SQLException {
            for (int i = 0; i < ids.size(); i++) {
                query.setString(first + i, ids.get(i));
            }
        }

        /** Runs a query; returns one column of its rows. */
        private List<Object> read(PreparedStatement query, int column) throws SQLException {
            statements++;
            List<Object> values = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getObject(column));
                }
            }
            return values;
        }

        private void update(PreparedStatement statement) throws SQLException {
            statements++;
            statement.executeUpdate();
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
