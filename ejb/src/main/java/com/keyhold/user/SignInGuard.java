package com.keyhold.user;

import com.keyhold.common.ErrorCode;
import com.keyhold.common.KeyholdException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.logging.Logger;

/**
 * Claims a sign-in attempt before the password is hashed (issue 9): under a row lock of each
 * subject (the email, the client's address) it counts the recent failures with {@link SignInThrottle}
 * and, when the subject is not locked, records the attempt as a failure, all in a transaction of its
 * own that commits before the hash is computed. Fifty parallel guesses thus queue at the lock and
 * only the first five are evaluated; the rest are refused with {@code RATE_LIMITED} without
 * spending a hash. The caller marks the attempt succeeded when the password matched.
 */
@Stateless
public class SignInGuard {

    private static final Logger LOG = Logger.getLogger(SignInGuard.class.getName());
    /** How long attempts are kept: the throttle needs minutes, the recent sign-ins list (A9) weeks. */
    static final Duration RETENTION = Duration.ofDays(90);

    @PersistenceContext(unitName = "keyhold")
    EntityManager em;

    @Inject
    Clock clock;

    /**
     * @param failuresSince failures before this instant do not count for the email (a password reset
     * forgives them, A10); null when there was none
     * @return the id of the attempt, recorded as a failure
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public long claim(String emailNormalized, String clientAddress, Instant failuresSince) {
        Instant now = clock.instant();
        TreeSet<String> subjects = new TreeSet<>(); // one lock order for everyone: no deadlocks
        subjects.add("email:" + emailNormalized);
        if (clientAddress != null) {
            subjects.add("address:" + clientAddress);
        }
        for (String subject : subjects) {
            // creates the row or takes its exclusive lock at once (INSERT IGNORE followed by a locking
            // read would take a shared lock first, and parallel upgraders deadlock)
            em.createNativeQuery("INSERT INTO sign_in_subjects (subject) VALUES (?) ON DUPLICATE KEY UPDATE subject = subject")
                    .setParameter(1, subject).executeUpdate();
        }

        Instant since = SignInThrottle.lookBackFrom(now);
        Instant emailSince = failuresSince != null && failuresSince.isAfter(since) ? failuresSince : since;
        refuseWhileLocked(failures("a.emailNormalized = :subject", emailNormalized, emailSince), now,
                SignInThrottle.MAX_FAILURES, "Too many failed sign-ins for this email.");
        if (clientAddress != null) {
            refuseWhileLocked(failures("a.clientAddress = :subject", clientAddress, since), now,
                    SignInThrottle.MAX_FAILURES_PER_ADDRESS, "Too many failed sign-ins from your network address.");
        }
        SignInAttempt attempt = SignInAttempt.claimed(emailNormalized, clientAddress, now);
        em.persist(attempt);
        em.flush();
        return attempt.getId();
    }

    private List<Instant> failures(String condition, String subject, Instant since) {
        return em.createQuery("SELECT a.attemptedAt FROM SignInAttempt a WHERE " + condition
                        + " AND a.succeeded = false AND a.attemptedAt >= :since ORDER BY a.attemptedAt", Instant.class)
                .setParameter("subject", subject)
                .setParameter("since", since)
                .getResultList();
    }

    private static void refuseWhileLocked(List<Instant> failures, Instant now, int maxFailures, String why) {
        Optional<Instant> lockedUntil = SignInThrottle.lockedUntil(failures, now, maxFailures);
        if (lockedUntil.isPresent()) {
            long seconds = Math.max(1, Duration.between(now, lockedUntil.get()).toSeconds());
            throw KeyholdException.withDetails(ErrorCode.RATE_LIMITED, why + " Try again in "
                    + ((seconds + 59) / 60) + " minutes.", Map.of("retryAfterSeconds", seconds));
        }
    }

    /** Hourly: attempts older than {@link #RETENTION} go, and the lock rows of subjects with none left. */
    public void purgeOldAttempts() {
        Instant before = clock.instant().minus(RETENTION);
        int attempts = em.createQuery("DELETE FROM SignInAttempt a WHERE a.attemptedAt < :before")
                .setParameter("before", before).executeUpdate();
        int subjects = em.createNativeQuery("DELETE FROM sign_in_subjects WHERE NOT EXISTS (SELECT 1 FROM sign_in_attempts a"
                + " WHERE a.email_normalized = SUBSTRING(sign_in_subjects.subject, 7) OR a.client_address = SUBSTRING(sign_in_subjects.subject, 9))")
                .executeUpdate();
        if (attempts + subjects > 0) {
            LOG.info(() -> "Purged " + attempts + " old sign-in attempts and " + subjects + " throttle rows");
        }
    }
}
