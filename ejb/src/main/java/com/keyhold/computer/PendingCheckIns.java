package com.keyhold.computer;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What check-ins and activations have told the server that is not written yet (SPEC C3): per
 * activation, its latest contact (with app version and host OS) and its latest signed certificate.
 * Many check-ins of one activation between two flushes become one write. Plain Java, thread-safe:
 * {@link #record} runs on every request thread, {@link #drain} on the flushing thread.
 *
 * <p>Nothing here is a status: a pending write can never undo a deactivation or blacklisting, it
 * only says "this computer was seen then, running this".
 */
public final class PendingCheckIns {

    /** The columns' widths in {@code activations}; longer values are clipped as the entity does. */
    static final int MAX_TEXT = 100;

    /** A certificate signed for one state of an activation (see {@link CertificateState}). */
    public record Certificate(String stateHash, String document, Instant signedAt) {
    }

    /**
     * One activation's pending write. {@code lastContact} is null when only a certificate is pending
     * (an activation records its contact in its own transaction); a null version or OS keeps the stored one.
     */
    public record Write(String activationId, Instant lastContact, String appVersion, String hostOs,
            Certificate certificate) {

        /** Merges a later-recorded write into this one: the newer contact and certificate win, blanks keep older values. */
        Write merge(Write other) {
            boolean otherContactNewer = lastContact == null
                    || other.lastContact != null && !other.lastContact.isBefore(lastContact);
            Instant contact = otherContactNewer && other.lastContact != null ? other.lastContact : lastContact;
            String version = otherContactNewer ? firstNonNull(other.appVersion, appVersion) : firstNonNull(appVersion, other.appVersion);
            String os = otherContactNewer ? firstNonNull(other.hostOs, hostOs) : firstNonNull(hostOs, other.hostOs);
            Certificate cert = certificate == null ? other.certificate
                    : other.certificate == null ? certificate
                    : other.certificate.signedAt().isBefore(certificate.signedAt()) ? certificate : other.certificate;
            return new Write(activationId, contact, version, os, cert);
        }

        private static String firstNonNull(String a, String b) {
            return a != null ? a : b;
        }
    }

    private final Map<String, Write> pending = new ConcurrentHashMap<>();

    /** A check-in: the computer was seen at {@code at}; blank version or OS mean "not reported". */
    public void contact(String activationId, Instant at, String appVersion, String hostOs) {
        record(new Write(activationId, at.truncatedTo(ChronoUnit.MILLIS), clean(appVersion), clean(hostOs), null));
    }

    /** A certificate signed for the activation's current state, to be returned until that state changes. */
    public void certificate(String activationId, Certificate certificate) {
        record(new Write(activationId, null, null, null, certificate));
    }

    private void record(Write write) {
        pending.merge(write.activationId(), write, Write::merge);
    }

    /**
     * Takes every pending write out, sorted by activation id (so concurrent flushes and other
     * multi-row transactions lock rows in one order). A write recorded while draining either is in
     * the result or stays pending for the next drain; none is lost.
     */
    public List<Write> drain() {
        List<Write> out = new ArrayList<>(pending.size());
        for (String id : pending.keySet()) {
            Write write = pending.remove(id);
            if (write != null) {
                out.add(write);
            }
        }
        out.sort(Comparator.comparing(Write::activationId));
        return out;
    }

    /** Puts back writes a failed flush could not store; anything newer recorded meanwhile wins. */
    public void requeue(List<Write> writes) {
        for (Write write : writes) {
            pending.merge(write.activationId(), write, (recordedMeanwhile, failed) -> failed.merge(recordedMeanwhile));
        }
    }

    public int size() {
        return pending.size();
    }

    private static String clean(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return value.length() <= MAX_TEXT ? value : value.substring(0, MAX_TEXT);
    }
}
