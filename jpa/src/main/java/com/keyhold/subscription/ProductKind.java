package com.keyhold.subscription;

/** How a product is licensed: per computer (desktop), per managed Mac (fleet), or riding along as an add-on. */
public enum ProductKind {
    PER_COMPUTER, PER_MANAGED_MAC, ADD_ON
}
