package com.keyhold.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.keyhold.it.support.Clients;
import com.keyhold.it.support.Http;
import com.keyhold.it.support.IdentityProviders;
import com.keyhold.it.support.KeyholdDeployment;
import com.keyhold.it.support.KeyholdIntegrationTest;
import com.keyhold.it.support.Rows;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: deprovisioning 1,000 users with 3 computers each in one SCIM burst frees 3,000 seats, with
 * no transaction longer than 1 s. The users are provisioned over SCIM and their computers activated by
 * ID token through the client API (as in production); then {@value #THREADS} threads, released
 * together, send Entra ID's {@code PATCH active "False"} for every user. Measured: each request's
 * latency (a request is one transaction), the longest transaction seen in
 * {@code information_schema.innodb_trx} (every {@value TransactionSampler#SAMPLE_MILLIS} ms), and the
 * burst's wall time. Asserted: every request answered 200, and no computer of these users is active.
 */
@KeyholdIntegrationTest
class ScimDeprovisionBenchmark {

    private static final int USERS = Integer.getInteger("keyhold.bench.scim.users", 1_000);
    private static final int COMPUTERS_PER_USER = 3;
    private static final int THREADS = 8;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return KeyholdDeployment.ear();
    }

    @Test
    void deprovisioningAThousandUsersFreesThreeThousandSeatsInShortTransactions() throws Exception {
        IdentityProviders.Corporate corporate = IdentityProviders.corporate(USERS * COMPUTERS_PER_USER + 50, COMPUTERS_PER_USER);
        try (IdentityProviders.Provider provider = corporate.provider()) {
            String scim = Http.bearer(corporate.scimToken());
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<String> userIds = new ArrayList<>();
            try {
                long setUp = System.nanoTime();
                List<Future<String>> provisioned = new ArrayList<>();
                for (int i = 0; i < USERS; i++) {
                    int n = i;
                    provisioned.add(pool.submit(() -> {
                        Http.Answer user = scimCall("POST", "/scim/v2/Users", "{\"userName\":\"user" + n + "@corp.example\","
                                + "\"externalId\":\"oid-" + n + "\",\"active\":true}", scim);
                        assertEquals(201, user.status(), user.body());
                        String token = provider.token("pairwise-" + n, "user" + n + "@corp.example", c -> c.claim("oid", "oid-" + n));
                        for (int c = 0; c < COMPUTERS_PER_USER; c++) {
                            Http.Answer activated = corporate.activate(token, Clients.newHardwareId());
                            assertEquals(201, activated.status(), activated.body());
                        }
                        return user.json().getString("id");
                    }));
                }
                for (Future<String> id : provisioned) {
                    userIds.add(id.get());
                }
                double setUpSeconds = (System.nanoTime() - setUp) / 1e9;
                long active = activeComputers(corporate);
                assertEquals((long) USERS * COMPUTERS_PER_USER, active);

                // THREADS workers, released together, take the users from one queue: a burst as an identity provider sends it
                java.util.concurrent.ConcurrentLinkedQueue<String> queue = new java.util.concurrent.ConcurrentLinkedQueue<>(userIds);
                java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(1);
                List<Future<List<long[]>>> workers = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    workers.add(pool.submit(() -> {
                        gate.await();
                        List<long[]> mine = new ArrayList<>();
                        for (String id; (id = queue.poll()) != null; ) {
                            long start = System.nanoTime();
                            Http.Answer answer = scimCall("PATCH", "/scim/v2/Users/" + id, "{\"schemas\":"
                                    + "[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"Replace\","
                                    + "\"path\":\"active\",\"value\":\"False\"}]}", scim);
                            mine.add(new long[] {answer.status(), System.nanoTime() - start});
                        }
                        return mine;
                    }));
                }
                TransactionSampler sampler = TransactionSampler.start();
                long burstStart = System.nanoTime();
                gate.countDown();
                List<long[]> answers = new ArrayList<>();
                for (Future<List<long[]>> worker : workers) {
                    answers.addAll(worker.get());
                }
                double burstSeconds = (System.nanoTime() - burstStart) / 1e9;
                TransactionSampler.Longest longest = sampler.stop();

                Latencies measured = new Latencies();
                answers.forEach(a -> measured.add(a[1]));
                Latencies latencies = Latencies.merge(List.of(measured));
                assertEquals(USERS, answers.stream().filter(a -> a[0] == 200).count(), "every deprovisioning answered 200");
                assertEquals(0, activeComputers(corporate), "every computer of the deprovisioned users is deactivated");

                String figure = String.format(Locale.ROOT, "%,d users with %d computers each deprovisioned by %d threads in %.1f s"
                        + " (%.0f users/s); request latency median %.0f ms, p99 %.0f ms, max %.0f ms; longest transaction seen"
                        + " %d ms (innodb_trx every %d ms); set-up (SCIM POST + %,d activations) %.0f s",
                        USERS, COMPUTERS_PER_USER, THREADS, burstSeconds, USERS / burstSeconds, latencies.millis(0.5),
                        latencies.millis(0.99), latencies.millis(1.0), longest.millis(), TransactionSampler.SAMPLE_MILLIS,
                        USERS * COMPUTERS_PER_USER, setUpSeconds);
                System.out.println(figure);
                BenchSummary.add("SCIM deprovisioning burst (O3)", figure, "3,000 seats freed; no transaction over 1 s",
                        BenchSummary.verdict(longest.millis() <= 1000 && latencies.millis(1.0) <= 1000));
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static long activeComputers(IdentityProviders.Corporate corporate) {
        return Rows.count("SELECT COUNT(*) FROM activations WHERE subscription_id = ? AND status = 'ACTIVE'",
                corporate.subscriptionId());
    }

    private static Http.Answer scimCall(String method, String path, String body, String authorization) {
        return Http.send(Http.request(path).header("Content-Type", "application/scim+json").header("Authorization", authorization)
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build());
    }
}
