package com.keyhold.computer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * Reads by key, many callers' reads answered by one statement (the read-side twin of the coalesced
 * check-in writes, issue 13). No timer and no added wait: a caller that finds no read running reads
 * at once, alone; callers that arrive while a read is running queue, and when it ends, the first of
 * them reads for all who queued meanwhile (up to {@code maxBatch}) in one call of the reader. The
 * busier the server, the bigger the batches.
 *
 * <p>Freshness: a caller is answered only by a read that <em>started after it queued</em> (the
 * batch is taken from the queue when its read starts), so whatever was committed before a caller
 * arrived is in its answer (SPEC C3: a deactivation committed before a check-in is answered by it).
 *
 * <p>The reading is done on the callers' own threads, one read at a time per instance; a failed
 * read fails exactly the callers of its batch and the next queued caller reads on.
 *
 * @param <K> the key read by
 * @param <V> what is read; a key the reader has no value for is answered {@code null}
 */
public final class CoalescedReads<K, V> {

    /** Tells a queued caller that it reads next, for everyone queued then. */
    private static final Object LEAD = new Object();

    private final Function<List<K>, Map<K, V>> reader;
    private final int maxBatch;
    private final Deque<Waiter<K>> queue = new ArrayDeque<>();
    private boolean reading;
    private long reads;
    private long keysRead;

    public CoalescedReads(Function<List<K>, Map<K, V>> reader, int maxBatch) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1");
        }
        this.reader = Objects.requireNonNull(reader, "reader");
        this.maxBatch = maxBatch;
    }

    /** The value for this key, read after this call began; {@code null} if there is none. */
    @SuppressWarnings("unchecked")
    public V read(K key) {
        Waiter<K> me = new Waiter<>(Objects.requireNonNull(key, "key"));
        boolean lead;
        synchronized (this) {
            queue.addLast(me);
            lead = !reading;
            reading = true;
        }
        if (!lead) {
            Object answer = me.await();
            if (answer != LEAD) {
                return (V) answer;
            }
        }
        return (V) readBatchLedBy(me);
    }

    /** How many reads were made and how many keys they read, for the benchmark's report. */
    public synchronized long[] counts() {
        return new long[] {reads, keysRead};
    }

    /** How many callers wait for a read now (tests). */
    synchronized int queued() {
        return queue.size();
    }

    private Object readBatchLedBy(Waiter<K> me) {
        List<Waiter<K>> batch = new ArrayList<>();
        synchronized (this) {
            // the leader is always at the head: it either found the queue empty or was woken as its head
            while (!queue.isEmpty() && batch.size() < maxBatch) {
                batch.add(queue.pollFirst());
            }
            reads++;
            keysRead += batch.size();
        }
        Map<K, V> values = null;
        RuntimeException failure = null;
        try {
            values = reader.apply(batch.stream().map(w -> w.key).distinct().toList());
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            synchronized (this) {
                Waiter<K> next = queue.peekFirst();
                if (next == null) {
                    reading = false;
                } else {
                    next.answer.complete(LEAD);
                }
            }
        }
        for (Waiter<K> w : batch) {
            if (w != me) {
                if (failure != null) {
                    w.answer.completeExceptionally(failure);
                } else {
                    w.answer.complete(values.get(w.key));
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        return values.get(me.key);
    }

    private static final class Waiter<K> {
        final K key;
        final CompletableFuture<Object> answer = new CompletableFuture<>();

        Waiter(K key) {
            this.key = key;
        }

        Object await() {
            boolean interrupted = false;
            try {
                while (true) {
                    try {
                        return answer.get();
                    } catch (InterruptedException e) {
                        // the leader answers every queued caller; leaving the queue would strand a LEAD hand-over
                        interrupted = true;
                    } catch (ExecutionException e) {
                        throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                    }
                }
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
