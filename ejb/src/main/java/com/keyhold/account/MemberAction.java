package com.keyhold.account;

/** What the Users list applies to the selected members at once (SPEC A7). */
public enum MemberAction {
    BLOCK, UNBLOCK, REMOVE
}
