package com.keyhold.invitation;

import java.io.Serializable;

/**
 * A key the Invite Users dialog offers (I1): which subscription, how many seats are free of its
 * quota ("available licenses x of y") and how many invitations for it are still pending.
 */
public record InvitableKey(String id, String name, String subscriptionName, String productCode, int available, int quota,
        long pendingInvitations) implements Serializable {
}
