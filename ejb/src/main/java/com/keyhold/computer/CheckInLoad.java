package com.keyhold.computer;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Whether check-ins arrive fast enough to be worth coalescing: more than {@code threshold} in the
 * current or the previous second. Below it a check-in's write costs nothing noticeable and is made
 * at once, so an administrator watching a quiet fleet sees last contact without lag, and decisions
 * by last contact (L7's least recently contacted) see every check-in; above it, writes are
 * coalesced. Plain Java, lock-free.
 */
final class CheckInLoad {

    private static final long SECOND = 1_000_000_000L;
    private static final long MAX_SECOND = (1L << 40) - 1;
    private static final int MAX_COUNT = (1 << 24) - 1;

    private final int threshold;
    // the current window's start second (high 40 bits) and count (low 24 bits), updated together
    private final AtomicLong current = new AtomicLong();
    private volatile int previousCount;

    CheckInLoad(int threshold) {
        this.threshold = threshold;
    }

    /** Counts a check-in at {@code nanoTime} and tells whether the load is above the threshold. */
    boolean busy(long nanoTime) {
        long second = Math.floorDiv(nanoTime, SECOND) & MAX_SECOND;
        while (true) {
            long packed = current.get();
            long windowSecond = packed >>> 24;
            int count = (int) (packed & MAX_COUNT);
            boolean sameWindow = windowSecond == second;
            long next = sameWindow ? packed + (count < MAX_COUNT ? 1 : 0) : (second << 24) | 1;
            if (current.compareAndSet(packed, next)) {
                if (!sameWindow) {
                    previousCount = windowSecond == ((second - 1) & MAX_SECOND) ? count : 0;
                }
                return (int) (next & MAX_COUNT) > threshold || previousCount > threshold;
            }
        }
    }
}
