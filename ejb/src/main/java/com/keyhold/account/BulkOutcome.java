package com.keyhold.account;

import java.io.Serializable;
import java.util.List;

/**
 * What a bulk Block, Unblock or Remove did (SPEC A7, A8). Each selected member is decided on their
 * own: the allowed changes apply, and those the rules protect are listed with the reason, so that
 * one protected member (the administrator acting, the last active account administrator) does not
 * hold back the others.
 *
 * @param changed   user ids of the members changed (blocked, unblocked or removed)
 * @param unchanged user ids of the members that already were as asked (blocking the blocked)
 * @param refused   members left as they were, each with its reason
 */
public record BulkOutcome(MemberAction action, List<String> changed, List<String> unchanged, List<Refusal> refused)
        implements Serializable {

    /** Why a member was left out. */
    public enum Reason {
        /** Administrators do not block or remove themselves from the list; they leave the account instead. */
        YOURSELF,
        /** SPEC A8. */
        LAST_ADMINISTRATOR,
        /** Not (or no longer) a member of this account. */
        NOT_A_MEMBER
    }

    /** A member left out: who (name and email are null for someone who is not a member) and why. */
    public record Refusal(String userId, String displayName, String email, Reason reason, String message)
            implements Serializable {
    }

    public BulkOutcome {
        changed = List.copyOf(changed);
        unchanged = List.copyOf(unchanged);
        refused = List.copyOf(refused);
    }
}
