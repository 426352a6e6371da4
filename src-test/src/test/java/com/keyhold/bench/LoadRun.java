package com.keyhold.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * A closed-loop load: N threads, each calling its operation back to back until the time is up (or
 * the operation says there is no more work), recording every call's latency.
 */
final class LoadRun {

    /** One thread's operation; false means "no more work" (for runs over a fixed set). */
    interface Operation extends AutoCloseable {
        boolean call() throws Exception;

        @Override
        default void close() throws Exception {
        }
    }

    /** The figures of one run. */
    record Result(String name, int threads, long calls, long failures, double seconds, double p50, double p99) {

        double rate() {
            return calls / seconds;
        }

        String line() {
            return String.format("%-34s %,9.0f /s   p50 %6.1f ms   p99 %6.1f ms   (%,d calls in %.1f s, %d threads%s)",
                    name, rate(), p50, p99, calls, seconds, threads, failures == 0 ? "" : ", " + failures + " FAILED");
        }
    }

    private LoadRun() {
    }

    static Result run(String name, int threads, Duration duration, IntFunction<Operation> operations) throws Exception {
        List<Latencies> latencies = new ArrayList<>();
        AtomicLong failures = new AtomicLong();
        List<Throwable> firstFailure = new ArrayList<>();
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        long[] deadline = new long[1];
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Latencies mine = new Latencies();
            latencies.add(mine);
            Operation operation = operations.apply(t);
            Thread worker = new Thread(() -> {
                try (operation) {
                    ready.countDown();
                    go.await();
                    while (System.nanoTime() < deadline[0]) {
                        long start = System.nanoTime();
                        boolean more;
                        try {
                            more = operation.call();
                        } catch (Exception e) {
                            failures.incrementAndGet();
                            synchronized (firstFailure) {
                                if (firstFailure.isEmpty()) {
                                    firstFailure.add(e);
                                }
                            }
                            continue;
                        }
                        if (!more) {
                            break;
                        }
                        mine.add(System.nanoTime() - start);
                    }
                } catch (Exception e) {
                    failures.incrementAndGet();
                }
            }, "bench-" + name + "-" + t);
            workers.add(worker);
            worker.start();
        }
        ready.await();
        System.out.println(java.time.Instant.now() + " " + name + ": start");
        long start = System.nanoTime();
        deadline[0] = start + duration.toNanos();
        go.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Latencies all = Latencies.merge(latencies);
        if (!firstFailure.isEmpty()) {
            System.out.println(name + ": first failure: " + firstFailure.get(0));
        }
        return new Result(name, threads, all.count(), failures.get(), seconds, all.millis(0.50), all.millis(0.99));
    }
}
