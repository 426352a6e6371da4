package com.keyhold.persistence;

import java.util.UUID;

/** Public identifiers: random UUIDs, so an id reveals nothing about other accounts' data. */
public final class Ids {

    private Ids() {
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }
}
