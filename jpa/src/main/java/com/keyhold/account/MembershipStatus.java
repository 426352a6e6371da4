package com.keyhold.account;

/** A blocked member keeps the membership but is refused everywhere in the account (SPEC A7). */
public enum MembershipStatus {
    ACTIVE, BLOCKED
}
