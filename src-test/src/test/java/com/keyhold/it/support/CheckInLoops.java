package com.keyhold.it.support;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Desktop clients checking in the computers of a fleet back to back (CONTRACT section 2) on one or
 * more Keyhold instances, each thread on one instance, while a test changes the computers' statuses
 * elsewhere. Every answer must be 200; {@link #stop()} says how many there were.
 */
public final class CheckInLoops {

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ExecutorService clients;
    private final List<Future<Integer>> loops = new ArrayList<>();

    private CheckInLoops(int threads) {
        clients = Executors.newFixedThreadPool(threads);
    }

    /**
     * @param baseUrls the instances, taken in turn by the threads
     * @param fleet    activation answers ({@code activationId}, {@code activationToken})
     */
    public static CheckInLoops start(List<String> baseUrls, List<JsonObject> fleet, int threads) {
        CheckInLoops loops = new CheckInLoops(threads);
        for (int t = 0; t < threads; t++) {
            String base = baseUrls.get(t % baseUrls.size());
            int first = t;
            loops.loops.add(loops.clients.submit(() -> {
                int answered = 0;
                for (int i = first; loops.running.get(); i++) {
                    JsonObject computer = fleet.get(i % fleet.size());
                    Http.Answer answer = Http.postJson(base + "/api/v1/client/activations/" + computer.getString("activationId")
                            + "/check-in", "{\"appVersion\":\"19.2.0\"}", "Authorization", Http.bearer(computer.getString("activationToken")));
                    if (answer.status() != 200) {
                        throw new AssertionError("a check-in on " + base + " answered " + answer.status() + ": " + answer.body());
                    }
                    answered++;
                }
                return answered;
            }));
        }
        return loops;
    }

    /** Stops the clients; the number of check-ins answered, or the first that was not answered 200. */
    public int stop() throws InterruptedException {
        running.set(false);
        int answered = 0;
        try {
            for (Future<Integer> loop : loops) {
                answered += loop.get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException e) {
            throw new AssertionError(e.getCause().getMessage(), e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the check-in clients did not stop", e);
        } finally {
            clients.shutdownNow();
        }
        return answered;
    }
}
