package com.keyhold.drill;

import com.keyhold.it.support.Http;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The drills' client load: threads, each owning its computers, that activate, check in, move between
 * keys (re-activation with another key, SPEC C1) and deactivate themselves, as installed clients do,
 * and remember what the server acknowledged. A request that got no answer (the server died, the
 * connection was reset, the client's 10 s time-out passed) makes its computer <em>ambiguous</em>
 * until a later acknowledged answer tells its state again: its outcome may or may not have been
 * committed, and the drills check such computers only for consistency, every other one exactly. A
 * refused connection is not ambiguous: the request never reached a server.
 */
final class DrillLoad implements AutoCloseable {

    enum State { ABSENT, ACTIVE, DEACTIVATED }

    /** A client installation: one hardware id; touched only by its owning thread until the load stops. */
    static final class Computer {
        final String hardwareId = "drill-" + UUID.randomUUID();
        String activationId;
        String token;
        String keyName;
        String certificate;
        State state = State.ABSENT;
        boolean ambiguous;
        /** When the last acknowledged check-in was sent and answered. */
        Instant checkInSent;
        Instant checkInAnswered;
        /** When the computer's latest request began (for the backup drill: touched after the dump started?). */
        volatile Instant lastRequestStarted = Instant.EPOCH;

        Computer copy() {
            Computer copy = new Computer();
            copy.activationId = activationId;
            copy.token = token;
            copy.keyName = keyName;
            copy.certificate = certificate;
            copy.state = state;
            copy.ambiguous = ambiguous;
            copy.checkInSent = checkInSent;
            copy.checkInAnswered = checkInAnswered;
            copy.lastRequestStarted = lastRequestStarted;
            return copy;
        }
    }

    /** Kinds of answers, counted over the whole load. */
    final AtomicLong acknowledged = new AtomicLong();
    final AtomicLong unanswered = new AtomicLong();
    final AtomicLong refusedConnections = new AtomicLong();
    final AtomicLong unavailable503 = new AtomicLong();
    final AtomicLong missingRetryAfter = new AtomicLong();
    final AtomicLong serverErrors = new AtomicLong();
    final AtomicLong slowestMillis = new AtomicLong();
    final Map<String, AtomicLong> byOperation = new ConcurrentHashMap<>();
    final AtomicReference<String> firstServerError = new AtomicReference<>();
    /** Every answer's status, for the report (a 404 from a half-stopped server would show here). */
    final Map<Integer, AtomicLong> statuses = new java.util.concurrent.ConcurrentSkipListMap<>();

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private final String baseUrl;
    private final List<String> keys;
    private final List<List<Computer>> owned = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;
    /** Whether a 503 means "not done" (refused before anything ran, as while drained) rather than "unknown". */
    private volatile boolean unavailableMeansNotDone;
    /** A client thread's pause after a 503's Retry-After. */
    private static final ThreadLocal<Instant> BACK_OFF_UNTIL = new ThreadLocal<>();

    /**
     * @param keys the license keys computers activate with and move between
     */
    DrillLoad(String baseUrl, List<String> keys, int threadCount, int computersPerThread) {
        this.baseUrl = baseUrl;
        this.keys = keys;
        for (int t = 0; t < threadCount; t++) {
            List<Computer> computers = new ArrayList<>();
            for (int c = 0; c < computersPerThread; c++) {
                computers.add(new Computer());
            }
            owned.add(computers);
        }
    }

    /**
     * From now on a {@code 503} leaves the computer's state known: the server was drained, so it
     * refuses new requests before doing anything (Maintenance) and let the ones in flight finish.
     */
    void unavailableMeansNotDone() {
        unavailableMeansNotDone = true;
    }

    /** Starts every client together. */
    void start() throws InterruptedException {
        running = true;
        CountDownLatch ready = new CountDownLatch(owned.size());
        CountDownLatch go = new CountDownLatch(1);
        for (List<Computer> computers : owned) {
            Thread client = new Thread(() -> {
                ready.countDown();
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                while (running) {
                    Instant backOff = BACK_OFF_UNTIL.get();
                    if (backOff != null && Instant.now().isBefore(backOff)) {
                        pause(50); // honouring Retry-After, as clients must (CONTRACT section 1)
                        continue;
                    }
                    act(computers.get(ThreadLocalRandom.current().nextInt(computers.size())));
                }
            }, "drill-client");
            threads.add(client);
            client.start();
        }
        ready.await();
        go.countDown();
    }

    /** Stops the clients and waits for their last requests (each ends within the time-out). */
    void stop() throws InterruptedException {
        running = false;
        for (Thread thread : threads) {
            thread.join(TIMEOUT.toMillis() * 3);
        }
        threads.clear();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    List<Computer> computers() {
        return owned.stream().flatMap(List::stream).toList();
    }

    /** A deep copy of every computer's state now (the backup drill's view at the dump's start). */
    Map<String, Computer> snapshot() {
        Map<String, Computer> copy = new ConcurrentHashMap<>();
        for (Computer computer : computers()) {
            synchronized (computer) {
                copy.put(computer.hardwareId, computer.copy());
            }
        }
        return copy;
    }

    private void act(Computer computer) {
        synchronized (computer) {
            double roll = ThreadLocalRandom.current().nextDouble();
            if (computer.state != State.ACTIVE || computer.token == null) {
                activate(computer, randomKey());
            } else if (roll < 0.8) {
                checkIn(computer);
            } else if (roll < 0.9) {
                activate(computer, randomKey()); // the same key: idempotent; another: a move (C1)
            } else {
                deactivate(computer);
            }
        }
    }

    private String randomKey() {
        return keys.get(ThreadLocalRandom.current().nextInt(keys.size()));
    }

    private void activate(Computer computer, String key) {
        Answer answer = send(computer, "activate", "POST", "/api/v1/client/activations", "{\"key\":\"" + key
                + "\",\"hardwareId\":\"" + computer.hardwareId + "\",\"computerName\":\"Drill\",\"appVersion\":\"19.2.0\"}", null);
        if (answer == null) {
            return;
        }
        if (answer.status == 200 || answer.status == 201) {
            JsonObject body = answer.json();
            computer.activationId = body.getString("activationId");
            computer.token = body.getString("activationToken");
            computer.keyName = body.getString("keyName");
            computer.certificate = body.getString("certificate");
            computer.state = State.ACTIVE;
            computer.ambiguous = false;
        }
        // 409 NO_SEATS_AVAILABLE and the like: nothing changed, the known state stands
    }

    private void checkIn(Computer computer) {
        Instant sent = Instant.now();
        Answer answer = send(computer, "check-in", "POST", "/api/v1/client/activations/" + computer.activationId + "/check-in",
                "{\"appVersion\":\"19.2.0\"}", computer.token);
        if (answer == null) {
            return;
        }
        if (answer.status == 200) {
            JsonObject body = answer.json();
            computer.state = "ACTIVE".equals(body.getString("status")) ? State.ACTIVE : State.DEACTIVATED;
            computer.keyName = body.getString("keyName", computer.keyName);
            computer.checkInSent = sent;
            computer.checkInAnswered = Instant.now();
            computer.ambiguous = false;
        } else if (answer.status == 401) {
            computer.token = null; // a lost answer rotated the token: re-activate to learn the state
        }
    }

    private void deactivate(Computer computer) {
        Answer answer = send(computer, "deactivate", "DELETE", "/api/v1/client/activations/" + computer.activationId,
                null, computer.token);
        if (answer == null) {
            return;
        }
        if (answer.status == 204) {
            computer.state = State.DEACTIVATED;
            computer.ambiguous = false;
        }
    }

    record Answer(int status, String body) {
        JsonObject json() {
            return Json.createReader(new StringReader(body)).readObject();
        }
    }

    /**
     * One request. Returns null when it got no acknowledged answer (no answer at all, 503 or another
     * 5xx): the computer becomes ambiguous, since the server may have committed before failing.
     */
    private Answer send(Computer computer, String operation, String method, String path, String json, String bearer) {
        Instant started = Instant.now();
        computer.lastRequestStarted = started;
        HttpRequest.Builder request = HttpRequest.newBuilder(java.net.URI.create(baseUrl + path)).timeout(TIMEOUT)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (bearer != null) {
            request.header("Authorization", Http.bearer(bearer));
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            slowestMillis.accumulateAndGet(Duration.between(started, Instant.now()).toMillis(), Math::max);
            int status = response.statusCode();
            statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
            if (status == 503) {
                unavailable503.incrementAndGet();
                java.util.Optional<String> retryAfter = response.headers().firstValue("Retry-After");
                if (retryAfter.isEmpty()) {
                    missingRetryAfter.incrementAndGet();
                } else {
                    BACK_OFF_UNTIL.set(Instant.now().plusSeconds(Long.parseLong(retryAfter.get().strip())));
                }
                computer.ambiguous |= !unavailableMeansNotDone;
                return null;
            }
            if (status >= 500) {
                serverErrors.incrementAndGet();
                firstServerError.compareAndSet(null, operation + " " + status + " " + response.body());
                computer.ambiguous = true;
                return null;
            }
            acknowledged.incrementAndGet();
            byOperation.computeIfAbsent(operation, o -> new AtomicLong()).incrementAndGet();
            return new Answer(status, response.body());
        } catch (java.net.ConnectException refused) {
            // never delivered (the server is down): nothing can have changed, the computer stays known
            refusedConnections.incrementAndGet();
            pauseAfterFailure();
            return null;
        } catch (java.io.IOException noAnswer) {
            unanswered.incrementAndGet();
            computer.ambiguous = true;
            pauseAfterFailure();
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            computer.ambiguous = true;
            running = false;
            return null;
        }
    }

    /** Clients back off briefly while the server is away, instead of spinning on refused connections. */
    private static void pauseAfterFailure() {
        pause(200);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
