package com.keyhold.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keyhold.user.Language;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** SPEC "Emails": a failed send is retried, with growing pauses, and given up on after a bound. */
class OutgoingEmailTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private static OutgoingEmail email() {
        return new OutgoingEmail("PASSWORD_RESET", "a@example.com", Language.EN, "subject", "body", NOW);
    }

    @Test
    void dueAtOnceThenRetriedAfterOneTwoFourMinutes() {
        OutgoingEmail email = email();
        assertTrue(email.isDue(NOW));
        email.failed("connection refused", NOW, Duration.ofMinutes(1));
        assertFalse(email.isDue(NOW.plusSeconds(59)));
        assertEquals(NOW.plus(Duration.ofMinutes(1)), email.getNextAttemptAt());
        email.failed("connection refused", NOW, Duration.ofMinutes(1));
        assertEquals(NOW.plus(Duration.ofMinutes(2)), email.getNextAttemptAt());
        email.failed("connection refused", NOW, Duration.ofMinutes(1));
        assertEquals(NOW.plus(Duration.ofMinutes(4)), email.getNextAttemptAt());
        assertEquals("connection refused", email.getLastError());
        assertEquals(OutgoingEmail.Delivery.RETRYING, email.delivery());
    }

    @Test
    void givenUpAfterMaxAttempts() {
        OutgoingEmail email = email();
        for (int i = 0; i < OutgoingEmail.MAX_ATTEMPTS; i++) {
            email.failed("no", NOW, Duration.ofMinutes(1));
        }
        assertNull(email.getNextAttemptAt());
        assertFalse(email.isDue(NOW.plus(Duration.ofDays(1))));
        assertEquals(OutgoingEmail.Delivery.FAILED, email.delivery());
    }

    @Test
    void sentIsNeverDueAgain() {
        OutgoingEmail email = email();
        email.sent(NOW);
        assertFalse(email.isDue(NOW.plus(Duration.ofDays(1))));
        assertEquals(NOW, email.getSentAt());
        assertEquals(OutgoingEmail.Delivery.SENT, email.delivery());
    }
}
