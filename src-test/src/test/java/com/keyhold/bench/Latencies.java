package com.keyhold.bench;

import java.util.Arrays;

/** Latencies in microseconds, recorded by one thread, merged after the run. */
final class Latencies {

    private long[] micros = new long[1 << 14];
    private int count;

    void add(long nanos) {
        if (count == micros.length) {
            micros = Arrays.copyOf(micros, count * 2);
        }
        micros[count++] = nanos / 1_000;
    }

    int count() {
        return count;
    }

    static Latencies merge(Iterable<Latencies> parts) {
        Latencies all = new Latencies();
        for (Latencies part : parts) {
            for (int i = 0; i < part.count; i++) {
                all.add(part.micros[i] * 1_000);
            }
        }
        Arrays.sort(all.micros, 0, all.count);
        return all;
    }

    /** The q-quantile in milliseconds of a merged (sorted) set. */
    double millis(double q) {
        if (count == 0) {
            return Double.NaN;
        }
        return micros[Math.min(count - 1, (int) Math.ceil(q * count) - 1)] / 1_000.0;
    }
}
