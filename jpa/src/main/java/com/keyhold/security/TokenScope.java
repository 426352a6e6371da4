package com.keyhold.security;

/**
 * Where an API token works: an administrator's token on {@code /api/v1/admin/**}, an operator's on
 * {@code /api/v1/operator/**} only (SPEC O1, CONTRACT sections 6 and 7).
 */
public enum TokenScope {
    ADMIN, OPERATOR
}
