package com.keyhold.licensekey;

/**
 * The kinds of license key (SPEC L4–L6): the subscription's one primary key, whose quota is the
 * pool; reserved keys, whose seats nobody else may use; dynamic keys, which compete with the primary
 * key for the pool within their own quota. A key's type never changes.
 */
public enum KeyType {
    PRIMARY, RESERVED, DYNAMIC
}
