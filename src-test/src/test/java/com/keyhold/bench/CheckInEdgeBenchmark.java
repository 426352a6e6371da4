package com.keyhold.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keyhold.devserver.PayaraMicroEdge;
import com.keyhold.it.support.Accounts;
import com.keyhold.it.support.KeyholdDeployment;
import com.keyhold.it.support.KeyholdServerExtension;
import com.keyhold.it.support.KeyholdIntegrationTest;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: check-ins per second of the full server alone, of one and of two check-in edges
 * (Payara Micro, {@code keyhold-edge.war}) and of the server with both edges, the same clients
 * ({@code keyhold.bench.clients}, default 200 persistent connections, spread evenly over the targets
 * of a run) checking in random computers of one fleet (default 100,000) back to back, as
 * {@link CheckInBenchmark} does. Every answer must be 200 ACTIVE and the contacts must be recorded;
 * the figures are printed, written to {@code target/bench/check-in-edges.txt} and to the day's
 * summary, never asserted. On one machine the server, the edges, the database and this load
 * generator share the same cores: the runs say what an edge costs and where the CPU goes, and are
 * indicative of what more machines would give, not a measurement of it.
 */
@KeyholdIntegrationTest
class CheckInEdgeBenchmark {

    private static final int COMPUTERS = Integer.getInteger("keyhold.bench.checkin.computers", 100_000);
    private static final int CLIENTS = Integer.getInteger("keyhold.bench.clients", 200);
    private static final Duration DURATION = Duration.ofSeconds(Integer.getInteger("keyhold.bench.seconds", 30));
    private static final Duration WARM_UP = Duration.ofSeconds(15);
    private static final String EDGE_HEAP = System.getProperty("keyhold.bench.edge.heap", "512m");
    private static final int FIRST_EDGE_PORT = 20190;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return KeyholdDeployment.ear();
    }

    @Test
    void checkInsPerSecondOfTheServerAloneAndWithOneAndTwoEdges() throws Exception {
        Accounts.Business acme = Accounts.withDesktopSubscription(COMPUTERS);
        Fleet fleet = Fleet.insert(acme.subscription().id(), COMPUTERS);
        URI server = URI.create(KeyholdServerExtension.server().baseUrl());

        // every computer's first check-in signs and stores its certificate; it also warms the server up
        AtomicInteger next = new AtomicInteger();
        LoadRun.Result first = LoadRun.run("first check-ins (signing)", CLIENTS, Duration.ofMinutes(10),
                t -> CheckInBenchmark.checkIn(server, fleet, () -> {
                    int i = next.getAndIncrement();
                    return i < fleet.size() ? i : -1;
                }));
        assertEquals(0, first.failures());
        assertEquals(fleet.size(), first.calls(), "every computer checked in once");
        Thread.sleep(3_000);

        List<String> lines = new ArrayList<>();
        Instant start = Instant.now().minusSeconds(1);
        Run alone = measure("server alone", List.of(server), fleet);
        lines.add(alone.report());
        try (PayaraMicroEdge one = KeyholdServerExtension.server().startEdge(FIRST_EDGE_PORT, EDGE_HEAP);
                PayaraMicroEdge two = KeyholdServerExtension.server().startEdge(FIRST_EDGE_PORT + 1, EDGE_HEAP)) {
            URI edgeOne = URI.create(one.baseUrl());
            URI edgeTwo = URI.create(two.baseUrl());
            LoadRun.run("edge warm-up", CLIENTS, WARM_UP, t -> CheckInBenchmark.checkIn(t % 2 == 0 ? edgeOne : edgeTwo, fleet,
                    () -> ThreadLocalRandom.current().nextInt(fleet.size())));
            Run oneEdge = measure("one edge", List.of(edgeOne), fleet);
            Run twoEdges = measure("two edges", List.of(edgeOne, edgeTwo), fleet);
            Run all = measure("server and two edges", List.of(server, edgeOne, edgeTwo), fleet);
            lines.add(oneEdge.report());
            lines.add(twoEdges.report());
            lines.add(all.report());
            for (Run run : List.of(alone, oneEdge, twoEdges, all)) {
                assertEquals(0, run.result().failures(), run.result().name() + ": every check-in answered 200 ACTIVE");
            }
            Thread.sleep(3_000); // the edges' and the server's last coalesced writes
            long recorded = CheckInBenchmark.countContactsSince(acme.subscription().id(), start);
            assertTrue(recorded > 0.5 * Math.min(fleet.size(), alone.result().calls()),
                    "the coalesced writes of the server and the edges recorded the contacts: " + recorded);

            String report = String.format("Check-in edges (issue 17): %,d active computers, %d clients, %d s per run%n%s%n"
                    + "ratio one edge / server alone:       %.2f%n"
                    + "ratio two edges / server alone:      %.2f%n"
                    + "ratio server + two edges / alone:    %.2f%n"
                    + "contacts recorded: %,d computers' last contact written since the first run%n",
                    COMPUTERS, CLIENTS, DURATION.toSeconds(), String.join("\n", lines),
                    oneEdge.rate() / alone.rate(), twoEdges.rate() / alone.rate(), all.rate() / alone.rate(), recorded);
            System.out.print(report);
            BenchSummary.add(String.format("Check-in edges, %d clients, %,d computers (issue 17)", CLIENTS, COMPUTERS),
                    String.format("server alone %,.0f /s; one edge %,.0f /s; two edges %,.0f /s; server + two edges %,.0f /s",
                            alone.rate(), oneEdge.rate(), twoEdges.rate(), all.rate()), "", "");
            BenchSummary.add("… ratio two edges / server alone", String.format("%.2f (one machine, 2 cores)",
                    twoEdges.rate() / alone.rate()), "reported", "");
            Path out = Path.of("target", "bench", "check-in-edges.txt");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);
        }
    }

    /** One measured run and where its CPU went. */
    private record Run(LoadRun.Result result, String cpu) {

        double rate() {
            return result.rate();
        }

        String report() {
            return result.line() + "\n  " + cpu;
        }
    }

    /** {@link #CLIENTS} persistent connections spread round-robin over {@code targets}, for {@link #DURATION}. */
    private static Run measure(String name, List<URI> targets, Fleet fleet) throws Exception {
        ProcessCpu before = ProcessCpu.now();
        LoadRun.Result result = LoadRun.run(name, CLIENTS, DURATION, t -> CheckInBenchmark.checkIn(targets.get(t % targets.size()),
                fleet, () -> ThreadLocalRandom.current().nextInt(fleet.size())));
        return new Run(result, ProcessCpu.now().perCall(before, result.calls()));
    }
}
