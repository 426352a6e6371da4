package com.keyhold.account;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.keyhold.user.Language;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** SPEC A5 and E2: an invitation works until accepted, withdrawn, or the instant it expires. */
class MemberInvitationTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private static MemberInvitation invitation() {
        return new MemberInvitation(null, "a@example.com", "a@example.com", Language.EN, null, "hash", "admin",
                NOW, NOW.plus(Duration.ofDays(7)));
    }

    @Test
    void e2PendingUntilTheExpiryInstantThenExpiredWhateverTheSweep() {
        MemberInvitation invitation = invitation();
        assertEquals(MemberInvitation.Status.PENDING, invitation.statusAt(NOW.plus(Duration.ofDays(7)).minusMillis(1)));
        assertEquals(MemberInvitation.Status.EXPIRED, invitation.statusAt(NOW.plus(Duration.ofDays(7))));
    }

    @Test
    void a5AcceptedIsFinal() {
        MemberInvitation invitation = invitation();
        invitation.accept("user", NOW.plusSeconds(5));
        assertEquals(MemberInvitation.Status.ACCEPTED, invitation.statusAt(NOW.plus(Duration.ofDays(30))));
    }

    @Test
    void a5RevokedStopsAtOnce() {
        MemberInvitation invitation = invitation();
        invitation.revoke(NOW.plusSeconds(5));
        assertEquals(MemberInvitation.Status.REVOKED, invitation.statusAt(NOW.plusSeconds(6)));
    }
}
