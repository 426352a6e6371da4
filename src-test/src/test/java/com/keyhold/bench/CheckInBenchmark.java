package com.keyhold.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keyhold.it.support.Accounts;
import com.keyhold.it.support.KeyholdDeployment;
import com.keyhold.it.support.KeyholdIntegrationTest;
import com.keyhold.it.support.KeyholdServerExtension;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/**
 * Issue 5, benchmark 1 (SPEC C3): check-in throughput and latency of N concurrent clients (default
 * 200) against 100,000 active computers, next to two yardsticks measured in the same run:
 * <ul>
 * <li>raw JDBC doing the database work of one check-in (read the activation by id, compare the
 * token's hash, update last contact, autocommit) from as many connections as the application's
 * pool held during its run;</li>
 * <li>the same server's {@code /api/v1/client/load-baseline} endpoint (no database, no
 * authentication) with the same clients, request headers and body, and answer size.</li>
 * </ul>
 * The figures that matter are the ratios app/raw-JDBC and app/trivial. Every client is a persistent
 * HTTP/1.1 connection ({@link KeepAliveConnection}) checking in a random computer back to back.
 */
@KeyholdIntegrationTest
class CheckInBenchmark {

    private static final int COMPUTERS = Integer.getInteger("keyhold.bench.checkin.computers", 100_000);
    private static final int CLIENTS = Integer.getInteger("keyhold.bench.clients", 200);
    private static final Duration DURATION = Duration.ofSeconds(Integer.getInteger("keyhold.bench.seconds", 30));
    static final String BODY = "{\"appVersion\":\"19.2.0-54800\",\"hostOs\":\"macOS 14.2\"}";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return KeyholdDeployment.ear();
    }

    @Test
    void checkInThroughputAgainstRawJdbcAndATrivialEndpoint() throws Exception {
        Accounts.Business acme = Accounts.withDesktopSubscription(COMPUTERS);
        Fleet fleet = Fleet.insert(acme.subscription().id(), COMPUTERS);
        URI base = URI.create(KeyholdServerExtension.server().baseUrl());

        // every computer's first check-in signs its certificate (Ed25519) and stores it
        AtomicInteger next = new AtomicInteger();
        ProcessCpu firstCpu = ProcessCpu.now();
        LoadRun.Result first = LoadRun.run("first check-ins (signing)", CLIENTS, Duration.ofMinutes(10),
                t -> checkIn(base, fleet, () -> {
                    int i = next.getAndIncrement();
                    return i < fleet.size() ? i : -1;
                }));
        String firstCost = ProcessCpu.now().perCall(firstCpu, first.calls());
        assertEquals(0, first.failures());
        assertEquals(fleet.size(), first.calls(), "every computer checked in once");
        Thread.sleep(3_000); // the last coalesced writes

        int answerSize;
        try (KeepAliveConnection probe = new KeepAliveConnection(base.getHost(), base.getPort())) {
            answerSize = probe.post(checkInPath(fleet, 0), "Bearer " + fleet.tokens[0], BODY).body()
                    .getBytes(StandardCharsets.UTF_8).length;
        }

        Instant appStart = Instant.now().minusSeconds(1);
        ConnectionSampler connections = ConnectionSampler.start();
        ProcessCpu appCpu = ProcessCpu.now();
        LoadRun.Result app = LoadRun.run("check-in", CLIENTS, DURATION,
                t -> checkIn(base, fleet, () -> ThreadLocalRandom.current().nextInt(fleet.size())));
        String appCost = ProcessCpu.now().perCall(appCpu, app.calls());
        long liveHeap = ServerHeap.liveBytes(); // right after the run: what the server keeps under this load
        int appConnections = connections.stop();
        ProcessCpu trivialCpu = ProcessCpu.now();
        LoadRun.Result trivial = LoadRun.run("trivial endpoint, same size", CLIENTS, DURATION,
                t -> trivial(base, answerSize));
        String trivialCost = ProcessCpu.now().perCall(trivialCpu, trivial.calls());
        ProcessCpu jdbcCpu = ProcessCpu.now();
        LoadRun.Result jdbc = LoadRun.run("raw JDBC, same DB work", Math.max(1, appConnections), DURATION,
                t -> rawJdbc(fleet));
        String jdbcCost = ProcessCpu.now().perCall(jdbcCpu, jdbc.calls());
        Thread.sleep(3_000);
        long recorded = countContactsSince(acme.subscription().id(), appStart);

        assertEquals(0, app.failures(), "every check-in answered 200 ACTIVE");
        assertEquals(0, trivial.failures());
        assertEquals(0, jdbc.failures());
        assertTrue(recorded > 0.5 * Math.min(app.calls(), fleet.size()) * 0.6,
                "the coalesced writes recorded the contacts: " + recorded);

        String explain = explainCheckInRead(fleet.ids[0]);
        String report = String.format("Check-in benchmark (SPEC C3; issue 5, benchmark 1)%n"
                + "computers:          %,d active (inserted in %.1f s), %d clients, %d s per run, check-in answer %,d bytes%n"
                + "%s%n  %s%n%s%n  %s%n%s%n  %s%n%s%n  %s%n"
                + "app connections:    %d open in the application's pool during the check-in run%n"
                + "contacts recorded:  %,d computers' last contact written by the coalesced batches%n"
                + "ratio app/raw-JDBC: %.2f   (target >= 1.0)%n"
                + "ratio app/trivial:  %.2f   (target >= 0.8)%n"
                + "check-in p99:       %.1f ms (target < 50 ms)%n"
                + "EXPLAIN of the check-in's read (ActivationService):%n%s",
                COMPUTERS, fleet.insertSeconds, CLIENTS, DURATION.toSeconds(), answerSize,
                first.line(), firstCost, app.line(), appCost, trivial.line(), trivialCost, jdbc.line(), jdbcCost, appConnections, recorded,
                app.rate() / jdbc.rate(), app.rate() / trivial.rate(), app.p99(), explain);
        System.out.print(report);
        double toTrivial = app.rate() / trivial.rate();
        double toJdbc = app.rate() / jdbc.rate();
        BenchSummary.add(String.format("Check-in, %d clients, %,d active computers (SPEC C3)", CLIENTS, COMPUTERS),
                String.format("%,.0f /s, p50 %.0f ms, p99 %.0f ms; trivial %,.0f /s; raw JDBC %,.0f /s", app.rate(), app.p50(),
                        app.p99(), trivial.rate(), jdbc.rate()), "", "");
        BenchSummary.add("Memory and start-up (issue 13, target 6)", String.format("live heap after the check-in run %.0f MB"
                + " (512 MB maximum); the EAR deployed in %s", liveHeap / 1e6, deploymentTime()), "reported", "");
        BenchSummary.add("… where a call's CPU goes", "check-in: " + appCost.substring("CPU per call: ".length())
                + "; trivial: " + trivialCost.substring("CPU per call: ".length()), "", "");
        BenchSummary.add("… ratio app/trivial", String.format("%.2f", toTrivial), ">= 0.8", BenchSummary.verdict(toTrivial >= 0.8));
        BenchSummary.add("… ratio app/raw-JDBC", String.format("%.2f", toJdbc), ">= 1.0", BenchSummary.verdict(toJdbc >= 1.0));
        Path out = Path.of("target", "bench", "check-in.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    /** The EAR's last deployment time as the server logged it. */
    private static String deploymentTime() throws java.io.IOException {
        java.util.regex.Matcher deployed = java.util.regex.Pattern.compile("keyhold was successfully deployed in ([0-9,]+) milliseconds")
                .matcher(Files.readString(KeyholdServerExtension.server().serverLog()));
        String millis = null;
        while (deployed.find()) {
            millis = deployed.group(1);
        }
        return millis == null ? "(not in this log)" : String.format("%.1f s", Long.parseLong(millis.replace(",", "")) / 1e3);
    }

    /** Which computer a call checks in; negative when there is none left. */
    interface Picker {
        int next();
    }

    private static String checkInPath(Fleet fleet, int i) {
        return "/api/v1/client/activations/" + fleet.ids[i] + "/check-in";
    }

    static LoadRun.Operation checkIn(URI base, Fleet fleet, Picker picker) {
        KeepAliveConnection connection = new KeepAliveConnection(base.getHost(), base.getPort());
        return new LoadRun.Operation() {
            @Override
            public boolean call() throws Exception {
                int i = picker.next();
                if (i < 0) {
                    return false;
                }
                KeepAliveConnection.Answer answer = connection.post(checkInPath(fleet, i), "Bearer " + fleet.tokens[i], BODY);
                if (answer.status() != 200 || !answer.body().contains("\"status\":\"ACTIVE\"")) {
                    throw new IllegalStateException(answer.status() + " " + answer.body());
                }
                return true;
            }

            @Override
            public void close() {
                connection.close();
            }
        };
    }

    private static LoadRun.Operation trivial(URI base, int size) {
        KeepAliveConnection connection = new KeepAliveConnection(base.getHost(), base.getPort());
        String path = "/api/v1/client/load-baseline?size=" + size;
        String authorization = "Bearer kha_bench-" + java.util.UUID.randomUUID(); // the same request size; not checked
        return new LoadRun.Operation() {
            @Override
            public boolean call() throws Exception {
                KeepAliveConnection.Answer answer = connection.post(path, authorization, BODY);
                if (answer.status() != 200 || answer.body().length() != size) {
                    throw new IllegalStateException(answer.status() + " " + answer.body().length());
                }
                return true;
            }

            @Override
            public void close() {
                connection.close();
            }
        };
    }

    /** One check-in's database work without the application: read by id, compare the token hash, update. */
    private static LoadRun.Operation rawJdbc(Fleet fleet) {
        try {
            Connection db = KeyholdServerExtension.server().connect();
            PreparedStatement read = db.prepareStatement("SELECT token_hash, status FROM activations WHERE id = ?");
            PreparedStatement update = db.prepareStatement(
                    "UPDATE activations SET last_contact_at = ?, app_version = ?, host_os = ? WHERE id = ?");
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return new LoadRun.Operation() {
                @Override
                public boolean call() throws Exception {
                    int i = ThreadLocalRandom.current().nextInt(fleet.size());
                    read.setString(1, fleet.ids[i]);
                    try (ResultSet row = read.executeQuery()) {
                        String hash = HexFormat.of().formatHex(sha256.digest(fleet.tokens[i].getBytes(StandardCharsets.UTF_8)));
                        if (!row.next() || !MessageDigest.isEqual(hash.getBytes(StandardCharsets.US_ASCII),
                                row.getString(1).getBytes(StandardCharsets.US_ASCII))) {
                            throw new IllegalStateException("token mismatch");
                        }
                    }
                    update.setTimestamp(1, Timestamp.from(Instant.now()));
                    update.setString(2, "19.2.0-54800");
                    update.setString(3, "macOS 14.2");
                    update.setString(4, fleet.ids[i]);
                    update.executeUpdate();
                    return true;
                }

                @Override
                public void close() throws Exception {
                    db.close();
                }
            };
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The check-in's one read, as ActivationService issues it, explained by the database. */
    private static String explainCheckInRead(String id) throws Exception {
        String sql = "EXPLAIN SELECT a.token_hash, a.status, a.key_id, k.name, k.key_value,"
                + " COALESCE(k.custom_expires_on, s.ends_on), s.ends_on, s.product_code,"
                + " EXISTS (SELECT 1 FROM blacklist b WHERE b.key_id = a.key_id AND b.hardware_id = a.hardware_id),"
                + " c.state_hash, c.certificate"
                + " FROM activations a JOIN license_keys k ON k.id = a.key_id JOIN subscriptions s ON s.id = a.subscription_id"
                + " LEFT JOIN activation_certificates c ON c.activation_id = a.id"
                + " WHERE a.id = ?";
        return Explain.of(sql, id);
    }

    static long countContactsSince(String subscriptionId, Instant since) throws Exception {
        try (Connection db = KeyholdServerExtension.server().connect(); PreparedStatement count = db.prepareStatement(
                "SELECT COUNT(*) FROM activations WHERE subscription_id = ? AND last_contact_at >= ? AND app_version = ?")) {
            count.setString(1, subscriptionId);
            count.setTimestamp(2, Timestamp.from(since));
            count.setString(3, "19.2.0-54800");
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** The most connections the application held open to the test database while sampled. */
    private static final class ConnectionSampler {
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        private final Connection db;
        private final AtomicInteger peak = new AtomicInteger();

        private ConnectionSampler(Connection db) {
            this.db = db;
        }

        static ConnectionSampler start() throws Exception {
            ConnectionSampler sampler = new ConnectionSampler(KeyholdServerExtension.server().connect());
            sampler.timer.scheduleAtFixedRate(sampler::sample, 0, 250, TimeUnit.MILLISECONDS);
            return sampler;
        }

        private void sample() {
            try (PreparedStatement count = db.prepareStatement("SELECT COUNT(*) FROM information_schema.PROCESSLIST"
                    + " WHERE DB = DATABASE() AND ID <> CONNECTION_ID()"); ResultSet row = count.executeQuery()) {
                row.next();
                peak.accumulateAndGet(row.getInt(1), Math::max);
            } catch (Exception ignored) {
                // a missed sample
            }
        }

        int stop() throws Exception {
            timer.shutdownNow();
            timer.awaitTermination(5, TimeUnit.SECONDS);
            db.close();
            return peak.get();
        }
    }
}
