package com.keyhold.licensekey;

import com.keyhold.common.ErrorCode;
import com.keyhold.common.KeyholdException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The seats of one subscription at one moment, and the checks of SPEC L5–L8 and C8 against them.
 *
 * <p>With {@code N} seats, {@code pool = N − Σ quota(reserved, not expired)}. The primary key and the
 * dynamic keys share the pool ({@code used(primary) + Σ used(dynamic, not expired) ≤ pool}); a dynamic
 * key is also bound by its own quota; a reserved key only by its own quota, and nobody else may use
 * its seats. Expired additional keys hold no seats: their installations stop at the next check-in
 * (L8), so their reserved quota returns to the pool and their used seats no longer count.
 *
 * <p>The snapshot is immutable, and every number it reports is floored at zero: stored data can be
 * over-committed (the operator lowered the seats, a dynamic key's quota outlived a shrinking pool),
 * and a negative "available" would only confuse the page that shows it. The service takes the
 * snapshot under the lock that also covers the seat use, so a check here and the write that follows
 * see the same numbers.
 */
public final class SeatPool {

    private final int seats;
    private final Map<String, KeySeats> keys;
    private final KeySeats primary;

    public SeatPool(int seats, List<KeySeats> keys) {
        if (seats < 0) {
            throw new IllegalArgumentException("A subscription cannot have " + seats + " seats.");
        }
        Map<String, KeySeats> byId = new LinkedHashMap<>();
        KeySeats primaryKey = null;
        for (KeySeats key : Objects.requireNonNull(keys, "keys")) {
            Objects.requireNonNull(key, "key");
            if (byId.putIfAbsent(key.keyId(), key) != null) {
                throw new IllegalArgumentException("Key " + key.keyId() + " appears twice.");
            }
            if (key.type() == KeyType.PRIMARY) {
                if (primaryKey != null) {
                    throw new IllegalArgumentException("A subscription has exactly one primary key; found two.");
                }
                primaryKey = key;
            }
        }
        if (primaryKey == null) {
            throw new IllegalArgumentException("A subscription has exactly one primary key; found none.");
        }
        this.seats = seats;
        this.keys = Collections.unmodifiableMap(byId);
        this.primary = primaryKey;
    }

    /** The subscription's seats {@code N}. */
    public int seats() {
        return seats;
    }

    /** The keys of the snapshot, in the order given. */
    public List<KeySeats> keys() {
        return List.copyOf(keys.values());
    }

    /** {@code N − Σ quota(reserved, not expired)}: the seats the primary and dynamic keys share. */
    public int poolSize() {
        long reserved = keys.values().stream()
                .filter(k -> k.type() == KeyType.RESERVED && !k.expired())
                .mapToLong(KeySeats::quota)
                .sum();
        return floor(seats - reserved);
    }

    /** {@code used(primary) + Σ used(dynamic, not expired)}. */
    public int poolUsed() {
        long used = keys.values().stream()
                .filter(k -> k.type() == KeyType.PRIMARY || (k.type() == KeyType.DYNAMIC && !k.expired()))
                .mapToLong(KeySeats::used)
                .sum();
        return floor(used);
    }

    /** Pool seats nobody uses: what the primary key can still activate, and what a new reserved key may take. */
    public int freePoolSeats() {
        return floor((long) poolSize() - poolUsed());
    }

    /** The key's quota: the pool size for the primary key (derived, L6), the set quota for the others. */
    public int quota(String keyId) {
        KeySeats key = key(keyId);
        return key.type() == KeyType.PRIMARY ? poolSize() : key.quota();
    }

    /**
     * What the key could still activate now given every bound of L5: the free pool seats for the
     * primary key; the lesser of its own free quota and the free pool seats for a dynamic key; its own
     * free quota for a reserved key; nothing for an expired key.
     *
     * @throws IllegalArgumentException if the snapshot has no such key
     */
    public int available(String keyId) {
        KeySeats key = key(keyId);
        if (key.expired()) {
            return 0;
        }
        return switch (key.type()) {
            case PRIMARY -> freePoolSeats();
            case DYNAMIC -> Math.min(floor((long) key.quota() - key.used()), freePoolSeats());
            case RESERVED -> floor((long) key.quota() - key.used());
        };
    }

    /**
     * L5: one more installation may activate with the key.
     *
     * @throws KeyholdException {@code NO_SEATS_AVAILABLE} if it may not
     */
    public void requireSeatFor(String keyId) {
        KeySeats key = key(keyId);
        if (available(keyId) < 1) {
            throw new KeyholdException(ErrorCode.NO_SEATS_AVAILABLE, key.expired()
                    ? "License key has expired; it holds no seats."
                    : "License key has no free seats.");
        }
    }

    /**
     * L6: a new reserved key takes its seats out of the pool, so it needs that many unused pool seats.
     *
     * @throws KeyholdException {@code BAD_REQUEST} for a quota below one, {@code INSUFFICIENT_SEATS}
     *         for more than the free pool seats
     */
    public void requireNewReservedKey(int quota) {
        requirePositiveQuota(quota);
        requireFreePoolSeats(quota);
    }

    /**
     * L6: a dynamic key's quota may be up to the pool size, used or not, because the pool bound of L5
     * still applies at every activation.
     *
     * @throws KeyholdException {@code BAD_REQUEST} for a quota below one, {@code INSUFFICIENT_SEATS}
     *         for more than the pool size
     */
    public void requireNewDynamicKey(int quota) {
        requirePositiveQuota(quota);
        requireWithinPoolSize(quota);
    }

    /**
     * L6: a new quota for an additional key. Enlarging a reserved key by Δ needs Δ unused pool seats;
     * a dynamic key's quota may be set up to the pool size. Lowering a quota never asks for seats, so
     * it is always allowed, also below the seats in use: the caller has the excess installations
     * confirmed and deactivated (L7, {@link #wouldDeactivate}).
     *
     * @throws KeyholdException {@code BAD_REQUEST} for the primary key, whose quota is derived, or a
     *         negative quota; {@code INSUFFICIENT_SEATS} when the pool cannot give the seats
     * @throws IllegalArgumentException if the snapshot has no such key
     */
    public void requireQuotaChange(String keyId, int newQuota) {
        KeySeats key = additionalKey(keyId, newQuota);
        if (newQuota <= key.quota()) {
            return;
        }
        if (key.type() == KeyType.RESERVED) {
            requireFreePoolSeats(newQuota - key.quota());
        } else {
            requireWithinPoolSize(newQuota);
        }
    }

    /**
     * L7: how many installations lowering the key's quota to {@code newQuota} would deactivate.
     *
     * @throws KeyholdException {@code BAD_REQUEST} for the primary key or a negative quota
     * @throws IllegalArgumentException if the snapshot has no such key
     */
    public int wouldDeactivate(String keyId, int newQuota) {
        KeySeats key = additionalKey(keyId, newQuota);
        return floor((long) key.used() - newQuota);
    }

    /**
     * L6: the operator may not set the seats below what reserved keys hold plus what the pool uses,
     * since that would take seats from installations that hold them.
     *
     * @throws KeyholdException {@code BAD_REQUEST} for fewer than one seat, {@code INSUFFICIENT_SEATS}
     *         below the seats held
     */
    public void requireSeatTotal(int newSeats) {
        if (newSeats < 1) {
            throw KeyholdException.badRequest("seats", "must be at least 1");
        }
        long reserved = keys.values().stream()
                .filter(k -> k.type() == KeyType.RESERVED && !k.expired())
                .mapToLong(KeySeats::quota)
                .sum();
        long held = reserved + poolUsed();
        if (newSeats < held) {
            throw new KeyholdException(ErrorCode.INSUFFICIENT_SEATS, "Reserved keys hold " + seatCount(reserved)
                    + " and the pool uses " + seatCount(poolUsed()) + "; the subscription needs at least " + held
                    + ", not " + newSeats + ".");
        }
    }

    /**
     * C8: the moving computers all fit on the target key, counted net. The active ones release their
     * seats on their source keys first; then the target must have a seat for every moving computer,
     * active or deactivated. Releasing a primary or dynamic key's seats frees pool seats, which a
     * primary or dynamic target can use; releasing a reserved key's seats helps only that key.
     *
     * @param activeMovingBySourceKey active moving computers, counted per source key; computers
     *                                already active on the target are not moving and are left out
     * @param deactivatedMoving       moving computers that are deactivated and hold no seat
     * @param targetKeyId             the key they move to
     * @throws KeyholdException {@code INSUFFICIENT_SEATS} if the target has too few seats or has expired
     * @throws IllegalArgumentException for an unknown key, a negative count, more movers than a
     *                                  source key uses, or movers counted on the target itself
     */
    public void requireMove(Map<String, Integer> activeMovingBySourceKey, int deactivatedMoving, String targetKeyId) {
        KeySeats target = key(targetKeyId);
        if (deactivatedMoving < 0) {
            throw new IllegalArgumentException("Cannot move " + deactivatedMoving + " deactivated computers.");
        }
        SeatPool released = this;
        long moving = deactivatedMoving;
        for (Map.Entry<String, Integer> source : activeMovingBySourceKey.entrySet()) {
            KeySeats from = key(source.getKey());
            int count = Objects.requireNonNull(source.getValue(), "count");
            if (count < 0 || count > from.used()) {
                throw new IllegalArgumentException("Key " + from.keyId() + " uses " + from.used()
                        + " seats; " + count + " of its computers cannot move.");
            }
            if (count > 0 && from.keyId().equals(targetKeyId)) {
                throw new IllegalArgumentException("Computers active on the target key are not moving.");
            }
            released = released.withUsed(from.keyId(), -count);
            moving += count;
        }
        if (target.expired()) {
            throw new KeyholdException(ErrorCode.INSUFFICIENT_SEATS,
                    "The target license key has expired; computers cannot move to it.");
        }
        int free = released.available(targetKeyId);
        if (moving > free) {
            throw new KeyholdException(ErrorCode.INSUFFICIENT_SEATS, "The target license key has "
                    + seatCount(free) + " free once the moving computers release theirs; " + moving
                    + (moving == 1 ? " computer is" : " computers are") + " moving. Nothing was moved.");
        }
    }

    /**
     * The same snapshot with {@code delta} more (or, negative, fewer) seats used by the key.
     *
     * @throws IllegalArgumentException for an unknown key or a result below zero
     */
    public SeatPool withUsed(String keyId, int delta) {
        key(keyId);
        List<KeySeats> changed = new ArrayList<>(keys.size());
        for (KeySeats key : keys.values()) {
            changed.add(key.keyId().equals(keyId) ? key.withUsed(delta) : key);
        }
        return new SeatPool(seats, changed);
    }

    private KeySeats key(String keyId) {
        KeySeats key = keys.get(Objects.requireNonNull(keyId, "keyId"));
        if (key == null) {
            throw new IllegalArgumentException("Key " + keyId + " is not part of this subscription.");
        }
        return key;
    }

    /** A reserved or dynamic key whose quota is about to be set to {@code newQuota}. */
    private KeySeats additionalKey(String keyId, int newQuota) {
        KeySeats key = key(keyId);
        if (key.type() == KeyType.PRIMARY) {
            throw KeyholdException.badRequest("quota",
                    "The primary key's quota is always the pool; change the subscription's seats or the other keys' quotas.");
        }
        if (newQuota < 0) {
            throw KeyholdException.badRequest("quota", "must not be negative");
        }
        return key;
    }

    private static void requirePositiveQuota(int quota) {
        if (quota < 1) {
            throw KeyholdException.badRequest("quota", "must be at least 1");
        }
    }

    private void requireFreePoolSeats(int wanted) {
        int free = freePoolSeats();
        if (wanted > free) {
            throw new KeyholdException(ErrorCode.INSUFFICIENT_SEATS, "Only " + free
                    + (free == 1 ? " unused seat is" : " unused seats are") + " in the pool; " + wanted
                    + (wanted == 1 ? " was" : " were") + " asked for.");
        }
    }

    private void requireWithinPoolSize(int quota) {
        int pool = poolSize();
        if (quota > pool) {
            throw new KeyholdException(ErrorCode.INSUFFICIENT_SEATS, "The pool has " + seatCount(pool)
                    + "; a dynamic key's quota cannot be larger (" + quota + " was asked for).");
        }
    }

    private static String seatCount(long count) {
        return count == 1 ? "1 seat" : count + " seats";
    }

    private static int floor(long value) {
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, value));
    }

    @Override
    public String toString() {
        return "SeatPool[seats=" + seats + ", keys=" + keys.values() + "]";
    }
}
