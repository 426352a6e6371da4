package com.keyhold.account;

import java.io.Serializable;
import java.util.Map;

/**
 * The counts beside the Users list's filter menus (SPEC A7), as the computers' filters show them: a
 * role's count is of the members the search and the status filter let through, a status's count of
 * those the search and the role filter let through, so each number is what choosing it would list.
 */
public record MemberCounts(Map<MemberRole, Long> byRole, Map<MembershipStatus, Long> byStatus) implements Serializable {

    public MemberCounts {
        byRole = Map.copyOf(byRole);
        byStatus = Map.copyOf(byStatus);
    }

    public long role(MemberRole role) {
        return byRole.getOrDefault(role, 0L);
    }

    public long status(MembershipStatus status) {
        return byStatus.getOrDefault(status, 0L);
    }

    /** All roles: the members of any role that the other filters let through. */
    public long anyRole() {
        return byRole.values().stream().mapToLong(Long::longValue).sum();
    }

    public long anyStatus() {
        return byStatus.values().stream().mapToLong(Long::longValue).sum();
    }
}
