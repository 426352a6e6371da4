package com.keyhold.bench;

import com.keyhold.it.support.KeyholdServerExtension;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples {@code information_schema.innodb_trx} every {@value #SAMPLE_MILLIS} ms: how long each
 * transaction stayed open from its first to its last sighting (a transaction is one id, connection
 * and start second seen in consecutive samples), so the longest is known to within two intervals.
 * Transactions that locked {@value #BATCH_ROWS} rows or more are the sweep's batches (an email's
 * sending locks one). Used by the expiry sweep and SCIM deprovisioning benchmarks.
 */
final class TransactionSampler {

    static final int SAMPLE_MILLIS = 100;

    static final int BATCH_ROWS = 20;

    /** The longest transaction seen, with its rows locked and modified at its last sighting; the batches' times. */
    record Longest(long millis, long rowsLocked, long rowsModified, int transactions, int lockWaits, int batches,
            long batchMedianMillis, long batchLongestMillis, List<Long> batchesInOrder) {
    }

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final Connection db;
    /** open transaction → first sighting (ns), last sighting (ns), rows locked, rows modified */
    private final Map<String, long[]> open = new HashMap<>();
    /** the batches' first sighting (ns) and time open (ms) */
    private final List<long[]> batchMillis = new ArrayList<>();
    private long[] longest = {0, 0, 0, 0};
    private int transactions;
    private int lockWaits;

    private TransactionSampler(Connection db) {
        this.db = db;
    }

    static TransactionSampler start() throws Exception {
        TransactionSampler sampler = new TransactionSampler(KeyholdServerExtension.server().connect());
        sampler.timer.scheduleAtFixedRate(sampler::sample, 0, SAMPLE_MILLIS, TimeUnit.MILLISECONDS);
        return sampler;
    }

    private synchronized void sample() {
        long now = System.nanoTime();
        Set<String> seen = new HashSet<>();
        try (PreparedStatement query = db.prepareStatement("SELECT trx_id, trx_mysql_thread_id, trx_started, trx_state,"
                + " trx_rows_locked, trx_rows_modified FROM information_schema.innodb_trx"
                + " WHERE trx_mysql_thread_id <> CONNECTION_ID()"); ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                String trx = rows.getString(1) + "/" + rows.getLong(2) + "/" + rows.getString(3);
                seen.add(trx);
                long[] state = open.computeIfAbsent(trx, t -> {
                    transactions++;
                    return new long[] {now, now, 0, 0};
                });
                state[1] = now;
                state[2] = rows.getLong(5);
                state[3] = rows.getLong(6);
                if ("LOCK WAIT".equals(rows.getString(4))) {
                    lockWaits++;
                }
            }
        } catch (Exception ignored) {
            return; // a missed sample
        }
        open.entrySet().removeIf(entry -> {
            boolean ended = !seen.contains(entry.getKey());
            if (ended) {
                close(entry.getValue());
            }
            return ended;
        });
    }

    private void close(long[] state) {
        if (state[1] - state[0] > longest[1] - longest[0]) {
            longest = state;
        }
        if (state[2] >= BATCH_ROWS) {
            batchMillis.add(new long[] {state[0], (state[1] - state[0]) / 1_000_000});
        }
    }

    Longest stop() throws Exception {
        timer.shutdownNow();
        timer.awaitTermination(5, TimeUnit.SECONDS);
        synchronized (this) {
            open.values().forEach(this::close);
            db.close();
            batchMillis.sort(Comparator.comparingLong(batch -> batch[0]));
            List<Long> inOrder = batchMillis.stream().map(batch -> batch[1]).toList();
            List<Long> batches = new ArrayList<>(inOrder);
            Collections.sort(batches);
            return new Longest((longest[1] - longest[0]) / 1_000_000, longest[2], longest[3], transactions, lockWaits,
                    batches.size(), batches.isEmpty() ? 0 : batches.get(batches.size() / 2),
                    batches.isEmpty() ? 0 : batches.get(batches.size() - 1), inOrder);
        }
    }
}
