package com.keyhold.licensekey;

import com.keyhold.subscription.Subscription;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a subscription's seats as a {@link SeatPool} snapshot: its keys with their active
 * installations. Callers lock the subscription row first, so the snapshot cannot change under them
 * before they write (SPEC quality bar: seats are never oversold).
 */
@Stateless
public class SeatLedger {

    @PersistenceContext(unitName = "keyhold")
    EntityManager em;

    @Inject
    Clock clock;

    public SeatPool poolOf(Subscription subscription) {
        return new SeatPool(subscription.getSeats(), seatsOfKeys(subscription));
    }

    /**
     * The subscription's keys and quotas without their use ({@link SeatPool#quota} needs no counts):
     * counting a million installations per key takes seconds, reading a thousand keys milliseconds.
     */
    public SeatPool quotasOf(Subscription subscription) {
        LocalDate today = LocalDate.now(clock);
        return new SeatPool(subscription.getSeats(), keysOf(subscription).stream()
                .map(k -> new KeySeats(k.getId(), k.getType(), k.getQuota() == null ? 0 : k.getQuota(), 0, k.isExpired(today)))
                .toList());
    }

    public List<KeySeats> seatsOfKeys(Subscription subscription) {
        Map<String, Integer> used = new HashMap<>();
        em.createNamedQuery("Activation.activeCountsByKey", Object[].class)
                .setParameter("subscriptionId", subscription.getId())
                .getResultList()
                .forEach(row -> used.put((String) row[0], ((Number) row[1]).intValue()));
        LocalDate today = LocalDate.now(clock);
        return keysOf(subscription).stream()
                .map(k -> new KeySeats(k.getId(), k.getType(), k.getQuota() == null ? 0 : k.getQuota(),
                        used.getOrDefault(k.getId(), 0), k.isExpired(today)))
                .toList();
    }

    /**
     * The subscription's keys as committed now, even if this transaction read them before it took the
     * subscription's lock (an activation's refusal check does): a quota changed in between is seen.
     */
    public List<LicenseKey> keysOf(Subscription subscription) {
        return em.createNamedQuery("LicenseKey.ofSubscription", LicenseKey.class)
                .setParameter("subscriptionId", subscription.getId())
                .setHint("eclipselink.refresh", "true")
                .getResultList();
    }
}
