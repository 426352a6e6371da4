package com.keyhold.sweep;

import java.time.Duration;

/**
 * What one run of a sweep did. Sweeps work in bounded batches, one transaction each, so the longest
 * batch is the longest time the sweep held locks: the figure that decides whether it disturbs the
 * requests running beside it (issue 10's benchmark: none over 1 s).
 *
 * @param processed how many records the run changed (history entries, warnings, invitations marked)
 * @param batches   how many batch transactions it committed
 * @param longestBatch the longest of those transactions
 * @param elapsed   the whole run
 */
public record SweepRun(int processed, int batches, Duration longestBatch, Duration elapsed) {

    /** Times the batches of one run. Not thread-safe: one per run. */
    public static final class Recorder {
        private final long started = System.nanoTime();
        private int processed;
        private int batches;
        private long longestNanos;

        /** Runs one batch, timing it; returns what the batch reported as processed. */
        public int batch(java.util.function.IntSupplier work) {
            long start = System.nanoTime();
            int changed = work.getAsInt();
            longestNanos = Math.max(longestNanos, System.nanoTime() - start);
            batches++;
            processed += changed;
            return changed;
        }

        public SweepRun finish() {
            return new SweepRun(processed, batches, Duration.ofNanos(longestNanos), Duration.ofNanos(System.nanoTime() - started));
        }
    }
}
