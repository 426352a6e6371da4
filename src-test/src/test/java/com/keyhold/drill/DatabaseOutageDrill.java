package com.keyhold.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.keyhold.it.support.KeyholdDeployment;
import com.keyhold.it.support.KeyholdIntegrationTest;
import com.keyhold.it.support.KeyholdServerExtension;
import com.keyhold.it.support.KeyholdTestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, the database outage drill: under client load the embedded MariaDB is stopped for
 * {@code keyhold.drill.outage-seconds} (30) and started again. Meanwhile {@code /health/ready} reports
 * not ready every second and no request answers 500 or waits past the clients' 10 s time-out (they
 * get 503 with Retry-After); within 10 s of the database's return Keyhold serves again by itself;
 * afterwards every acknowledged answer holds and the clients' tokens work (DrillChecks).
 */
@KeyholdIntegrationTest
class DatabaseOutageDrill {

    private static final int OUTAGE_SECONDS = Integer.getInteger("keyhold.drill.outage-seconds", 30);
    private static final Duration RECOVER_WITHIN = Duration.ofSeconds(10);
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return KeyholdDeployment.ear();
    }

    @Test
    void theDatabaseStoppedUnderLoadFor30SecondsNothingAcknowledgedIsLostAndKeyholdRecovers() throws Exception {
        KeyholdTestServer server = KeyholdServerExtension.server();
        DrillReport report = new DrillReport("Database outage under load (" + OUTAGE_SECONDS + " s)");
        CrashDrill.Fixture fixture = CrashDrill.Fixture.create("outage");
        DrillLoad load = new DrillLoad(server.baseUrl(), fixture.keys(), 8, 6);
        load.start();
        Thread.sleep(3_000);
        Instant outage = Instant.now();
        server.embeddedDatabase().db().stop();
        List<String> losses = new ArrayList<>();
        int readyWhileDown = 0;
        int probes = 0;
        while (Duration.between(outage, Instant.now()).toSeconds() < OUTAGE_SECONDS) {
            probes++;
            if (status(server.baseUrl() + "/health/ready") != 503) {
                readyWhileDown++;
            }
            Thread.sleep(1_000);
        }
        Instant back = Instant.now();
        server.embeddedDatabase().db().start();
        Instant deadline = back.plus(RECOVER_WITHIN).plusSeconds(20);
        while (status(server.baseUrl() + "/health/ready") != 200 && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        Instant ready = Instant.now();
        // the database process takes a moment to listen again: recovery is counted from when it accepts connections
        Duration recovery = Duration.between(back, ready);
        load.stop();

        if (readyWhileDown > 0) {
            losses.add("/health/ready answered other than 503 in " + readyWhileDown + " of " + probes + " probes during the outage");
        }
        if (recovery.compareTo(RECOVER_WITHIN) > 0) {
            losses.add("ready again only after " + recovery.toMillis() + " ms");
        }
        if (load.serverErrors.get() > 0) {
            losses.add(load.serverErrors.get() + " answers were 5xx other than 503, first: " + load.firstServerError.get());
        }
        if (load.unanswered.get() > 0 || load.slowestMillis.get() >= 10_000) {
            losses.add(load.unanswered.get() + " requests got no answer; the slowest took " + load.slowestMillis.get() + " ms");
        }
        if (load.missingRetryAfter.get() > 0) {
            losses.add(load.missingRetryAfter.get() + " answers were 503 without Retry-After");
        }
        DrillChecks.Verdict verdict;
        try (Connection db = server.connect()) {
            verdict = DrillChecks.verify(db, fixture.subscriptionId(), load.computers(), outage, server.baseUrl());
        }
        DrillChecks.tokensWork(verdict, load.computers(), server.baseUrl());
        verdict.losses.addAll(losses);
        report.run(1, verdict.passed(), String.format("%d requests acknowledged, %d answered 503 with Retry-After, %d answered"
                        + " 500, %d unanswered, slowest %d ms; /health/ready not ready in %d of %d probes; ready again %.1f s after"
                        + " the database started; %s", load.acknowledged.get(), load.unavailable503.get(), load.serverErrors.get(),
                load.unanswered.get(), load.slowestMillis.get(), probes - readyWhileDown, probes, recovery.toMillis() / 1000.0,
                verdict.summary()), verdict.losses);
        assertEquals(0, report.failed(), report.finish());
    }

    private static int status(String url) {
        try {
            return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
