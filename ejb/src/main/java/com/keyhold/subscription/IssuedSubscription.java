package com.keyhold.subscription;

/** A new subscription's id and its primary key, which the operator sees this once (O1). */
public record IssuedSubscription(String id, String primaryKey) {
}
