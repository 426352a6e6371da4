package com.keyhold.invitation;

import java.util.List;

/** What an invitation request produced: the invitations (with their codes) and the addresses refused (I1). */
public record InvitationBatch(List<InstallInvitationView> items, List<Rejected> rejected) {

    /** An address that was not invited, and why: listed back, never dropped silently. */
    public record Rejected(String email, String reason) {
    }
}
