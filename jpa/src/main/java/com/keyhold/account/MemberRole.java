package com.keyhold.account;

/** A member's role in a business account (SPEC A6). In a personal account the user is its administrator. */
public enum MemberRole {
    ACCOUNT_ADMINISTRATOR, LICENSE_ADMINISTRATOR, REGULAR_MEMBER
}
