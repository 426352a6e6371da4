package com.keyhold.account;

import java.time.Instant;

/** One account as lists show it: to its members (with their role) or to operators (with member count). */
public record AccountSummary(String id, AccountType type, String name, MemberRole role, long members,
        Instant createdAt) {
}
