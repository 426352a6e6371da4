package com.keyhold.computer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** SPEC C3: check-ins between two flushes become one write per activation, and none is lost. */
class PendingCheckInsTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private final PendingCheckIns pending = new PendingCheckIns();

    @Test
    void manyCheckInsOfOneComputerBecomeOneWriteWithTheLatestContact() {
        pending.contact("a", T0, "1.0", "macOS 14");
        pending.contact("a", T0.plusSeconds(2), "1.1", null);
        pending.contact("b", T0.plusSeconds(1), null, null);

        List<PendingCheckIns.Write> writes = pending.drain();

        assertEquals(2, writes.size());
        PendingCheckIns.Write a = writes.get(0);
        assertEquals("a", a.activationId());
        assertEquals(T0.plusSeconds(2), a.lastContact());
        assertEquals("1.1", a.appVersion(), "the newer version wins");
        assertEquals("macOS 14", a.hostOs(), "not reporting the OS keeps the one reported before");
        assertNull(writes.get(1).appVersion());
        assertEquals(0, pending.size(), "drained");
    }

    @Test
    void aCheckInRecordedLaterButSeenEarlierDoesNotMoveLastContactBack() {
        pending.contact("a", T0.plusSeconds(5), "2.0", null);
        pending.contact("a", T0, "1.0", "macOS 13");

        PendingCheckIns.Write a = pending.drain().get(0);

        assertEquals(T0.plusSeconds(5), a.lastContact());
        assertEquals("2.0", a.appVersion(), "the version seen last stays");
        assertEquals("macOS 13", a.hostOs(), "an older report still fills a gap");
    }

    @Test
    void blankVersionsAreNotReportsAndLongOnesAreClippedToTheColumn() {
        pending.contact("a", T0, "  ", "x".repeat(150));

        PendingCheckIns.Write a = pending.drain().get(0);

        assertNull(a.appVersion());
        assertEquals(PendingCheckIns.MAX_TEXT, a.hostOs().length());
    }

    @Test
    void contactIsKeptToTheMillisecondTheColumnStores() {
        pending.contact("a", T0.plusNanos(1_234_567), null, null);

        assertEquals(T0.plusMillis(1), pending.drain().get(0).lastContact());
    }

    @Test
    void theNewestCertificateWinsAndACertificateAloneLeavesTheContactAlone() {
        pending.contact("a", T0, "1.0", null);
        pending.certificate("a", new PendingCheckIns.Certificate("h2", "doc2", T0.plusSeconds(2)));
        pending.certificate("a", new PendingCheckIns.Certificate("h1", "doc1", T0.plusSeconds(1)));
        pending.certificate("c", new PendingCheckIns.Certificate("h3", "doc3", T0));

        List<PendingCheckIns.Write> writes = pending.drain();

        assertEquals("doc2", writes.get(0).certificate().document());
        assertEquals(T0, writes.get(0).lastContact());
        assertEquals("1.0", writes.get(0).appVersion());
        assertNull(writes.get(1).lastContact(), "an activation records its own contact; nothing to update here");
    }

    @Test
    void drainedWritesComeSortedByActivationSoBatchesLockRowsInOneOrder() {
        for (String id : List.of("c", "a", "d", "b")) {
            pending.contact(id, T0, null, null);
        }

        assertEquals(List.of("a", "b", "c", "d"), pending.drain().stream().map(PendingCheckIns.Write::activationId).toList());
    }

    @Test
    void aFailedFlushPutsItsWritesBackWithoutUndoingNewerOnes() {
        pending.contact("a", T0, "1.0", "macOS 13");
        pending.contact("b", T0, "1.0", null);
        List<PendingCheckIns.Write> failed = pending.drain();
        pending.contact("a", T0.plusSeconds(3), "2.0", null);

        pending.requeue(failed);
        List<PendingCheckIns.Write> writes = pending.drain();

        assertEquals(2, writes.size());
        assertEquals(T0.plusSeconds(3), writes.get(0).lastContact());
        assertEquals("2.0", writes.get(0).appVersion());
        assertEquals("macOS 13", writes.get(0).hostOs());
        assertEquals(T0, writes.get(1).lastContact());
    }

    @Test
    void noCheckInIsLostWhileAnotherThreadDrainsConcurrently() throws Exception {
        int threads = 8;
        int perThread = 20_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            int thread = t;
            pool.execute(() -> {
                for (int i = 0; i < perThread; i++) {
                    // each thread's contacts move forward; the last one per (thread, id) is the one to keep
                    pending.contact("t" + thread + "-" + (i % 100), T0.plusMillis(i), null, null);
                }
                done.countDown();
            });
        }
        Map<String, Instant> written = new HashMap<>();
        AtomicBoolean finished = new AtomicBoolean();
        List<PendingCheckIns.Write> batch = new ArrayList<>();
        while (!finished.get()) {
            finished.set(done.await(1, TimeUnit.MILLISECONDS));
            batch.clear();
            batch.addAll(pending.drain());
            for (PendingCheckIns.Write write : batch) {
                written.merge(write.activationId(), write.lastContact(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        for (PendingCheckIns.Write write : pending.drain()) {
            written.merge(write.activationId(), write.lastContact(), (a, b) -> a.isAfter(b) ? a : b);
        }
        pool.shutdown();

        assertEquals(threads * 100, written.size());
        for (Map.Entry<String, Instant> entry : written.entrySet()) {
            int slot = Integer.parseInt(entry.getKey().substring(entry.getKey().indexOf('-') + 1));
            assertEquals(T0.plusMillis(perThread - 100 + slot), entry.getValue(), entry.getKey());
        }
    }

    @Test
    void aCertificateStatesFingerprintChangesWithEveryStatedFact() {
        Instant expiry = Instant.parse("2027-11-01T00:00:00Z");
        String base = CertificateState.hash("a", "k", "KEY", "Name", ClientStatus.ACTIVE, expiry, "DESKTOP", "{}");

        assertEquals(base, CertificateState.hash("a", "k", "KEY", "Name", ClientStatus.ACTIVE, expiry, "DESKTOP", "{}"));
        assertTrue(base.matches("[0-9a-f]{64}"));
        assertNotEquals(base, CertificateState.hash("b", "k", "KEY", "Name", ClientStatus.ACTIVE, expiry, "DESKTOP", "{}"));
        assertNotEquals(base, CertificateState.hash("a", "k2", "KEY", "Name", ClientStatus.ACTIVE, expiry, "DESKTOP", "{}"));
        assertNotEquals(base, CertificateState.hash("a", "k", "KEY2", "Name", ClientStatus.ACTIVE, expiry, "DESKTOP", "{}"));
        assertNotEquals(base, CertificateState.hash("a", "k", "KEY", "Name 2", ClientStatus.ACTIVE, expiry, "DESKTOP", "{}"));
        assertNotEquals(base, CertificateState.hash("a", "k", "KEY", "Name", ClientStatus.DEACTIVATED, expiry, "DESKTOP", "{}"));
        assertNotEquals(base, CertificateState.hash("a", "k", "KEY", "Name", ClientStatus.ACTIVE, expiry.plusSeconds(86_400), "DESKTOP", "{}"));
        assertNotEquals(base, CertificateState.hash("a", "k", "KEY", "Name", ClientStatus.ACTIVE, expiry, "TOOLBOX", "{}"));
        assertNotEquals(base, CertificateState.hash("a", "k", "KEY", "Name", ClientStatus.ACTIVE, expiry, "DESKTOP", "{\"p\":1}"));
    }
}
