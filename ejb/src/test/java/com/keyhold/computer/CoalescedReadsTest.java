package com.keyhold.computer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The batched check-in read (issue 13, SPEC C3): freshness, batching and failure isolation. */
class CoalescedReadsTest {

    private final ExecutorService threads = Executors.newCachedThreadPool();
    /** The keys of every call of the reader, in order. */
    private final List<List<String>> calls = new CopyOnWriteArrayList<>();
    /** Bumped by the test to stand for a commit; each read answers the value current when it started. */
    private final AtomicInteger committed = new AtomicInteger();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    private Map<String, String> readNow(List<String> keys) {
        calls.add(keys);
        int version = committed.get();
        Map<String, String> values = new HashMap<>();
        keys.stream().filter(k -> !k.startsWith("missing")).forEach(k -> values.put(k, k + "@" + version));
        return values;
    }

    /** The first read of a test holds until the test releases it, so that callers queue behind it. */
    private final CountDownLatch firstReadStarted = new CountDownLatch(1);
    private final CountDownLatch releaseFirstRead = new CountDownLatch(1);

    private Map<String, String> firstReadWaits(List<String> keys) {
        Map<String, String> values = readNow(keys);
        if (calls.size() == 1) {
            firstReadStarted.countDown();
            await(releaseFirstRead);
        }
        return values;
    }

    @Test
    void aLoneCallerReadsAtOnceAndAlone() {
        CoalescedReads<String, String> reads = new CoalescedReads<>(this::readNow, 100);
        assertEquals("a@0", reads.read("a"));
        assertNull(reads.read("missing-b"), "a key without a value is answered null");
        assertEquals(List.of(List.of("a"), List.of("missing-b")), calls);
    }

    @Test
    void callersWhoArriveDuringAReadShareTheNextOneAndSeeWhatWasCommittedBeforeThey_C3() throws Exception {
        CoalescedReads<String, String> reads = new CoalescedReads<>(this::firstReadWaits, 100);
        Future<String> first = threads.submit(() -> reads.read("first"));
        assertTrue(firstReadStarted.await(5, TimeUnit.SECONDS));

        // a deactivation commits after the first read started and before these 20 check-ins arrive
        committed.set(1);
        int callers = 20;
        CyclicBarrier together = new CyclicBarrier(callers);
        List<Future<String>> later = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            String key = "k" + i;
            later.add(threads.submit(() -> {
                together.await();
                return reads.read(key);
            }));
        }
        waitUntilQueued(reads, callers);
        releaseFirstRead.countDown();

        assertEquals("first@0", first.get(5, TimeUnit.SECONDS));
        for (int i = 0; i < callers; i++) {
            assertEquals("k" + i + "@1", later.get(i).get(5, TimeUnit.SECONDS), "answered by a read that began after they came");
        }
        assertEquals(2, calls.size(), "the 20 queued callers were read in one statement: " + calls);
        assertEquals(List.of("first"), calls.get(0));
        assertEquals(callers, calls.get(1).size());
    }

    @Test
    void aBatchNeverExceedsItsMaximumAndTheRestFollow() throws Exception {
        CoalescedReads<String, String> reads = new CoalescedReads<>(this::firstReadWaits, 8);
        Future<String> first = threads.submit(() -> reads.read("first"));
        assertTrue(firstReadStarted.await(5, TimeUnit.SECONDS));
        List<Future<String>> later = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String key = "k" + i;
            later.add(threads.submit(() -> reads.read(key)));
        }
        waitUntilQueued(reads, 20);
        releaseFirstRead.countDown();
        first.get(5, TimeUnit.SECONDS);
        for (int i = 0; i < 20; i++) {
            assertEquals("k" + i + "@0", later.get(i).get(5, TimeUnit.SECONDS));
        }
        assertEquals(List.of(1, 8, 8, 4), calls.stream().map(List::size).toList());
    }

    @Test
    void aFailedReadFailsOnlyItsOwnCallers() throws Exception {
        CoalescedReads<String, String> reads = new CoalescedReads<>(keys -> {
            Map<String, String> values = firstReadWaits(keys);
            if (calls.size() == 1) {
                throw new IllegalStateException("database gone");
            }
            return values;
        }, 100);
        Future<String> first = threads.submit(() -> reads.read("first"));
        assertTrue(firstReadStarted.await(5, TimeUnit.SECONDS));
        Future<String> queued = threads.submit(() -> reads.read("queued"));
        waitUntilQueued(reads, 1);
        releaseFirstRead.countDown();

        Exception failed = assertThrows(Exception.class, () -> first.get(5, TimeUnit.SECONDS));
        assertTrue(failed.getCause() instanceof IllegalStateException);
        assertEquals("queued@0", queued.get(5, TimeUnit.SECONDS), "the next caller reads on");
        assertEquals("again@0", reads.read("again"));
    }

    @Test
    void manyCallersAtOnceAreAllAnsweredWithTheirOwnKey() throws Exception {
        CoalescedReads<String, String> reads = new CoalescedReads<>(this::readNow, 50);
        int callers = 200;
        CyclicBarrier together = new CyclicBarrier(callers);
        List<Future<List<String>>> results = new ArrayList<>();
        for (int c = 0; c < callers; c++) {
            int caller = c;
            results.add(threads.submit(() -> {
                together.await();
                List<String> answers = new ArrayList<>();
                for (int i = 0; i < 100; i++) {
                    answers.add(reads.read(caller + "-" + i));
                }
                return answers;
            }));
        }
        for (int c = 0; c < callers; c++) {
            List<String> answers = results.get(c).get(30, TimeUnit.SECONDS);
            for (int i = 0; i < 100; i++) {
                assertEquals(c + "-" + i + "@0", answers.get(i));
            }
        }
        long[] counts = reads.counts();
        assertEquals(callers * 100L, counts[1], "every read key counted once");
        assertEquals(calls.size(), counts[0]);
        assertTrue(calls.stream().allMatch(keys -> keys.size() <= 50));
    }

    private static void waitUntilQueued(CoalescedReads<?, ?> reads, int callers) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (reads.queued() < callers) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + reads.queued() + " of " + callers + " callers queued");
            }
            Thread.sleep(1);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
