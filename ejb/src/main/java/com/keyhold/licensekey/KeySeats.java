package com.keyhold.licensekey;

import java.util.Objects;

/**
 * One key's seat numbers in a {@link SeatPool} snapshot (SPEC L5).
 *
 * <p>For the {@link KeyType#PRIMARY PRIMARY} key {@code quota} is ignored, because the primary key's
 * quota is derived: it is the pool. {@code expired} is whether an additional key has passed its own
 * expiry (L8); the primary key only ends with its subscription, when every key stops anyway.
 *
 * @param keyId  identifies the key within its subscription; never the license key itself, which is
 *               a secret
 * @param type   primary, reserved or dynamic
 * @param quota  the seat quota of a reserved or dynamic key (ignored for the primary key)
 * @param used   seats held by the key's active installations
 * @param expired whether the key has expired
 */
public record KeySeats(String keyId, KeyType type, int quota, int used, boolean expired) {

    public KeySeats {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(type, "type");
        if (used < 0) {
            throw new IllegalArgumentException("Key " + keyId + " cannot use " + used + " seats.");
        }
        if (type != KeyType.PRIMARY && quota < 0) {
            throw new IllegalArgumentException("Key " + keyId + " cannot have a quota of " + quota + ".");
        }
    }

    /** The same key with {@code delta} more (or, negative, fewer) seats in use. */
    public KeySeats withUsed(int delta) {
        return new KeySeats(keyId, type, quota, Math.addExact(used, delta), expired);
    }
}
