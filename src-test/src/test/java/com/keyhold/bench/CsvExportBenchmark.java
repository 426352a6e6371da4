package com.keyhold.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.keyhold.it.support.Accounts;
import com.keyhold.it.support.Http;
import com.keyhold.it.support.KeyholdDeployment;
import com.keyhold.it.support.KeyholdIntegrationTest;
import com.keyhold.it.support.KeyholdServerExtension;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/**
 * SPEC C7 at scale: the CSV export of 100,000 computers streams in bounded memory. The computers are
 * inserted with JDBC batches (the client API would take minutes for no extra insight); the export goes
 * through the admin API like a script's. The server's used heap is sampled from {@code /metrics}
 * while the export runs.
 */
@KeyholdIntegrationTest
class CsvExportBenchmark {

    private static final int COMPUTERS = Integer.getInteger("keyhold.bench.computers", 100_000);
    private static final Pattern USED_HEAP = Pattern.compile("(?m)^(?:base_)?memory_usedHeap_bytes(?:\\{[^}]*\\})? ([0-9.E+]+)");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return KeyholdDeployment.ear();
    }

    @Test
    void exportOf100000ComputersStreamsInBoundedMemory() throws Exception {
        Accounts.Business acme = Accounts.withDesktopSubscription(COMPUTERS);
        long insertStart = System.nanoTime();
        insertComputers(acme.subscription().id(), COMPUTERS);
        double insertSeconds = (System.nanoTime() - insertStart) / 1e9;

        // Used heap counts garbage not yet collected, so its peak mostly says how big the young generation
        // grew. What the export keeps is measured after full collections: once before, then every 5 s while
        // it runs (jcmd GC.run on the server's JVM, then its used heap at once).
        long liveBefore = ServerHeap.liveBytes();
        long heapBefore = usedHeap();
        AtomicLong peak = new AtomicLong(heapBefore);
        AtomicLong livePeak = new AtomicLong(liveBefore);
        ScheduledExecutorService sampler = Executors.newScheduledThreadPool(2);
        sampler.scheduleAtFixedRate(() -> peak.accumulateAndGet(usedHeap(), Math::max), 0, 100, TimeUnit.MILLISECONDS);
        sampler.scheduleAtFixedRate(() -> livePeak.accumulateAndGet(ServerHeap.liveBytes(), Math::max), 5, 5, TimeUnit.SECONDS);
        java.util.concurrent.atomic.AtomicReference<String> midway = new java.util.concurrent.atomic.AtomicReference<>("");
        sampler.schedule(() -> midway.set(ServerHeap.histogram(12)), 12, TimeUnit.SECONDS);
        long start = System.nanoTime();
        long firstByteNanos;
        long lines = 0;
        long bytes = 0;
        HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(KeyholdServerExtension.server().baseUrl() + "/api/v1/admin/computers/export.csv"))
                .header("Authorization", acme.bearer()).build(), HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line = reader.readLine();
            firstByteNanos = System.nanoTime() - start;
            while (line != null) {
                lines++;
                bytes += line.length() + 2;
                line = reader.readLine();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        sampler.shutdownNow();
        assertEquals(COMPUTERS + 1, lines, "a header and every computer");

        String report = String.format("CSV export benchmark (SPEC C7)%n"
                + "computers:                 %,d (inserted in %.1f s)%n"
                + "export:                    %,d lines, %.1f MB in %.2f s (%.0f rows/s), first line after %d ms%n"
                + "server used heap:          %.0f MB before, %.0f MB peak during the export (+%.0f MB)%n"
                + "server heap after full GC: %.0f MB before, at most %.0f MB during the export (+%.0f MB kept by the export)%n"
                + "largest classes on the server's heap 12 s into the export (after a full GC):%n%s",
                COMPUTERS, insertSeconds, lines, bytes / 1e6, seconds, COMPUTERS / seconds, firstByteNanos / 1_000_000,
                heapBefore / 1e6, peak.get() / 1e6, (peak.get() - heapBefore) / 1e6,
                liveBefore / 1e6, livePeak.get() / 1e6, (livePeak.get() - liveBefore) / 1e6, midway.get());
        System.out.print(report);
        double heapGrowthMb = (livePeak.get() - liveBefore) / 1e6;
        BenchSummary.add(String.format("CSV export of %,d computers (SPEC C7)", COMPUTERS),
                String.format("%.1f s (%,.0f rows/s), first line after %d ms; server heap after full GC +%.0f MB"
                        + " (used heap, garbage included: +%.0f MB at its peak)", seconds, COMPUTERS / seconds,
                        firstByteNanos / 1_000_000, heapGrowthMb, (peak.get() - heapBefore) / 1e6),
                "1,000,000 rows < 60 s, heap growth < 64 MB",
                COMPUTERS < 1_000_000 ? "(fewer rows than the target's)" : BenchSummary.verdict(seconds < 60 && heapGrowthMb < 64));
        Path out = Path.of("target", "bench", "csv-export.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    private static void insertComputers(String subscriptionId, int count) throws Exception {
        try (Connection db = KeyholdServerExtension.server().connect()) {
            String keyId;
            try (PreparedStatement key = db.prepareStatement("SELECT id FROM license_keys WHERE subscription_id = ? AND type = 'PRIMARY'")) {
                key.setString(1, subscriptionId);
                var row = key.executeQuery();
                row.next();
                keyId = row.getString(1);
            }
            String accountId = Fleet.accountOf(db, subscriptionId);
            db.setAutoCommit(false);
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO activations (id, subscription_id, key_id, hardware_id,"
                    + " status, token_hash, computer_name, serial_number, mac_addresses, ip_addresses, host_os, app_version,"
                    + " user_name, activated_by, activated_at, last_contact_at, account_id) VALUES (?, ?, ?, ?, 'ACTIVE', ?, ?,"
                    + " 'C02BENCH', '3C:07:54:67:51:1E', '10.0.0.5', 'macOS 14.1', '19.1.0-54729', 'appleseed', 'benchmark', ?, ?, ?)")) {
                Timestamp now = Timestamp.from(Instant.now());
                for (int i = 0; i < count; i++) {
                    // ascending ids: the rows append to the primary key (random ones took 12 minutes at a million)
                    insert.setString(1, String.format("00000000-0000-4000-d000-%012d", i));
                    insert.setString(2, subscriptionId);
                    insert.setString(3, keyId);
                    insert.setString(4, "BENCH-" + i);
                    insert.setString(5, String.format("%064d", i));
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
    }

    private static long usedHeap() {
        Matcher m = USED_HEAP.matcher(Http.get("/metrics").body());
        return m.find() ? (long) Double.parseDouble(m.group(1)) : 0;
    }
}
