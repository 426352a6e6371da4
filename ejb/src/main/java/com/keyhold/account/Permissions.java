package com.keyhold.account;

import java.util.Set;

/**
 * What a member may do in an account (SPEC A6), decided from their role and keys alone so the whole
 * role matrix is one small class with fast tests. Services ask it before they act; pages only use it
 * to hide what would be refused anyway.
 *
 * @param role   the member's role
 * @param keyIds the keys a license administrator manages (ignored for other roles)
 */
public record Permissions(MemberRole role, Set<String> keyIds) {

    public Permissions {
        keyIds = role == MemberRole.LICENSE_ADMINISTRATOR ? Set.copyOf(keyIds) : Set.of();
    }

    public static Permissions of(Membership membership) {
        return new Permissions(membership.getRole(), membership.getKeyIds());
    }

    /** Members, company details, subscriptions, keys, profiles: account administrators only. */
    public boolean managesAccount() {
        return role == MemberRole.ACCOUNT_ADMINISTRATOR;
    }

    /** Seeing and acting on computers: administrators, and license administrators for their keys. */
    public boolean managesComputers() {
        return role == MemberRole.ACCOUNT_ADMINISTRATOR || role == MemberRole.LICENSE_ADMINISTRATOR && !keyIds.isEmpty();
    }

    /** Whether the member manages this key of the account: reveal it, see and move its computers, invite installs. */
    public boolean managesKey(String keyId) {
        return managesAccount() || role == MemberRole.LICENSE_ADMINISTRATOR && keyIds.contains(keyId);
    }

    /** The keys whose computers the member sees, or null for "every key of the account". */
    public Set<String> keyScope() {
        return managesAccount() ? null : keyIds;
    }
}
