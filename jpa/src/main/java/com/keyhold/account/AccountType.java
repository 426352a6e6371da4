package com.keyhold.account;

/** Personal accounts hold one user's consumer keys; business accounts hold a company's (SPEC A2). */
public enum AccountType {
    PERSONAL, BUSINESS
}
