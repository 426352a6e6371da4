package com.keyhold.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.keyhold.it.support.BusinessAdmins;
import com.keyhold.it.support.KeyholdDeployment;
import com.keyhold.it.support.KeyholdIntegrationTest;
import com.keyhold.it.support.KeyholdServerExtension;
import com.keyhold.it.support.KeyholdTestServer;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, the crash drill: clients activate, check in, move between keys and deactivate
 * themselves; at a random moment the server JVM is killed with SIGKILL and started again with the
 * same command. Every acknowledged answer must still hold (DrillChecks), and the clients keep
 * working with the tokens they hold. Ten runs in a row ({@code keyhold.drill.runs}).
 *
 * <p>And the planned restart: {@code asadmin stop-domain} under the same load answers no request
 * with a 500 and writes every pending last contact before the server exits (no flush-interval
 * allowance: the coalescer flushes when the application stops).
 */
@KeyholdIntegrationTest
class CrashDrill {

    private static final int RUNS = Integer.getInteger("keyhold.drill.runs", 10);
    private static final int CLIENT_THREADS = 8;
    private static final int COMPUTERS_PER_THREAD = 6;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return KeyholdDeployment.ear();
    }

    @Test
    void killedUnderLoadNothingAcknowledgedIsLost() throws Exception {
        KeyholdTestServer server = KeyholdServerExtension.server();
        DrillReport report = new DrillReport("Crash drill: kill -9 under load, " + RUNS + " runs");
        for (int run = 1; run <= RUNS; run++) {
            Fixture fixture = Fixture.create("crash-" + run);
            DrillLoad load = new DrillLoad(server.baseUrl(), fixture.keys(), CLIENT_THREADS, COMPUTERS_PER_THREAD);
            long loadMillis = ThreadLocalRandom.current().nextLong(2_000, 8_000);
            load.start();
            Thread.sleep(loadMillis);
            Instant crash = Instant.now();
            server.killServer();
            load.stop();
            Instant restarting = Instant.now();
            server.restartServer();
            Duration restart = Duration.between(restarting, Instant.now());
            DrillChecks.Verdict verdict;
            try (Connection db = server.connect()) {
                verdict = DrillChecks.verify(db, fixture.subscriptionId(), load.computers(), crash, server.baseUrl());
            }
            DrillChecks.tokensWork(verdict, load.computers(), server.baseUrl());
            if (load.serverErrors.get() > 0) {
                verdict.losses.add(load.serverErrors.get() + " answers were 5xx other than 503, first: " + load.firstServerError.get());
            }
            report.run(run, verdict.passed(), String.format(
                    "killed after %.1f s of load; %d requests acknowledged %s, statuses %s, %d unanswered at the crash, %d refused while down;"
                            + " restarted in %.1f s; %s",
                    loadMillis / 1000.0, load.acknowledged.get(), load.byOperation, load.statuses, load.unanswered.get(),
                    load.refusedConnections.get(),
                    restart.toMillis() / 1000.0, verdict.summary()), verdict.losses);
        }
        assertEquals(0, report.failed(), report.finish());
    }

    /**
     * A planned restart as README "Operations" describes it: the operator's drain (new requests answer
     * 503 with Retry-After, those in flight finish, pending last contacts are written), then
     * {@code stop-domain} and {@code start-domain}. Every last contact
     * acknowledged before the stop is recorded (no flush-interval allowance) and no request answers 500.
     * A bare {@code stop-domain} is measured too, for the README, but not held to that: Payara removes
     * the connection pools before it stops the applications (on {@code disable} too, measured).
     */
    @Test
    void aPlannedRestartUnderLoadFlushesEverythingAndAnswersNo500() throws Exception {
        KeyholdTestServer server = KeyholdServerExtension.server();
        int runs = Math.max(1, RUNS / 5);
        DrillReport report = new DrillReport("Planned restart under load (drain, stop-domain, start-domain), " + runs + " runs");
        for (int run = 1; run <= runs; run++) {
            PlannedStop stop = plannedStop("restart-" + run, server, true);
            report.run(run, stop.verdict().passed(), stop.figures(), stop.verdict().losses);
        }
        DrillReport bare = new DrillReport("Bare stop-domain under load (measured, not required to pass)");
        PlannedStop stop = plannedStop("bare-stop", server, false);
        bare.run(1, stop.verdict().passed(), stop.figures(), stop.verdict().losses);
        bare.finish();
        assertEquals(0, report.failed(), report.finish());
    }

    private record PlannedStop(DrillChecks.Verdict verdict, String figures) {
    }

    private static PlannedStop plannedStop(String who, KeyholdTestServer server, boolean drainFirst) throws Exception {
        Fixture fixture = Fixture.create(who);
        DrillLoad load = new DrillLoad(server.baseUrl(), fixture.keys(), CLIENT_THREADS, COMPUTERS_PER_THREAD);
        load.start();
        Thread.sleep(4_000);
        Instant stopping = Instant.now();
        if (drainFirst) {
            load.unavailableMeansNotDone();
        }
        String drained = drainFirst ? server.drainAndStopServer() : "no drain";
        if (!drainFirst) {
            server.stopServer();
        }
        Instant stopped = Instant.now();
        load.stop();
        server.restartServer();
        DrillChecks.Verdict verdict;
        try (Connection db = server.connect()) {
            // every contact acknowledged before the stop began is written: no interval is lost here
            verdict = DrillChecks.verify(db, fixture.subscriptionId(), load.computers(),
                    stopping.plus(DrillChecks.FLUSH_INTERVAL).plus(DrillChecks.FLUSH_SLACK), server.baseUrl());
        }
        DrillChecks.tokensWork(verdict, load.computers(), server.baseUrl());
        if (load.serverErrors.get() > 0) {
            verdict.losses.add(load.serverErrors.get() + " answers were 5xx other than 503 during the stop, first: "
                    + load.firstServerError.get());
        }
        if (load.missingRetryAfter.get() > 0) {
            verdict.losses.add(load.missingRetryAfter.get() + " answers were 503 without Retry-After (the container's, not Keyhold's)");
        }
        String figures = String.format("drain and stop took %.1f s (drain: %s); %d requests acknowledged, %d answered 503 (%d without Retry-After),"
                        + " %d unanswered, %d answered another 5xx; statuses %s; %s",
                Duration.between(stopping, stopped).toMillis() / 1000.0, drained, load.acknowledged.get(), load.unavailable503.get(),
                load.missingRetryAfter.get(), load.unanswered.get(), load.serverErrors.get(), load.statuses, verdict.summary());
        return new PlannedStop(verdict, figures);
    }

    /** A fresh account per run (the backup drill's too): 24 seats for 48 computers, a reserved key of 6 and a dynamic key of 6 beside the primary key. */
    record Fixture(String subscriptionId, List<String> keys) {
        static Fixture create(String who) {
            BusinessAdmins.Admin admin = BusinessAdmins.withDesktopSubscription(who, "EN", 24);
            String lab = admin.createKey("Lab", "RESERVED", 6).getString("key");
            String pool = admin.createKey("Pool", "DYNAMIC", 6).getString("key");
            return new Fixture(admin.subscription().id(), List.of(admin.subscription().primaryKey(), lab, pool));
        }
    }
}
