package com.keyhold.account;

import java.time.Instant;

/**
 * One account as lists show it: to its members (with their role) or to operators (with the member
 * count). A class with getters rather than a record because pages read it through Expression
 * Language 5 (Jakarta EE 10), which does not see record accessors.
 */
public final class AccountSummary {

    private final String id;
    private final AccountType type;
    private final String name;
    private final MemberRole role;
    private final long members;
    private final Instant createdAt;

    public AccountSummary(String id, AccountType type, String name, MemberRole role, long members, Instant createdAt) {
        this.id = id;
        this.type = type;
        this.name = name;
        this.role = role;
        this.members = members;
        this.createdAt = createdAt;
    }

    public String getId() {
        return id;
    }

    public AccountType getType() {
        return type;
    }

    public String getName() {
        return name;
    }

    /** The viewing member's role; null in operators' lists. */
    public MemberRole getRole() {
        return role;
    }

    /** For menus: whether the viewer administers the account (A6); the services decide regardless. */
    public boolean isAdministrator() {
        return role == MemberRole.ACCOUNT_ADMINISTRATOR;
    }

    /** For menus: whether the viewer may see computers (administrators and license administrators). */
    public boolean isComputerManager() {
        return role == MemberRole.ACCOUNT_ADMINISTRATOR || role == MemberRole.LICENSE_ADMINISTRATOR;
    }

    public boolean isBusiness() {
        return type == AccountType.BUSINESS;
    }

    public long getMembers() {
        return members;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
