package com.keyhold.licensekey;

import com.keyhold.account.AccountAccess;
import com.keyhold.activity.ActivityActions;
import com.keyhold.activity.ActivityLog;
import com.keyhold.account.MemberRole;
import com.keyhold.account.Membership;
import com.keyhold.account.Permissions;
import com.keyhold.common.ErrorCode;
import com.keyhold.common.KeyholdException;
import com.keyhold.computer.Activation;
import com.keyhold.profile.ConfigurationProfile;
import com.keyhold.profile.ProfileService;
import com.keyhold.subscription.AccountSubscriptions;
import com.keyhold.subscription.Subscription;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * License keys of a subscription (SPEC L4–L7): list, create, change, delete. Seat decisions are
 * taken under the subscription row's write lock, as activations are.
 */
@Stateless
public class LicenseKeyService {

    @PersistenceContext(unitName = "keyhold")
    EntityManager em;

    @Inject
    Clock clock;

    @EJB
    AccountAccess access;

    @EJB
    SeatLedger seatLedger;

    @EJB
    AccountSubscriptions subscriptions;

    @EJB
    ActivityLog activityLog;

    @EJB
    KeyTrimmer trimmer;

    public List<KeyView> keysOf(String userId, String accountId, String subscriptionId) {
        Subscription subscription = subscriptionOf(userId, accountId, subscriptionId, false);
        return views(subscription);
    }

    /**
     * The keys the caller manages (A6), optionally of one subscription: every key for an account
     * administrator, a license administrator's own keys; refused for regular members. Used for the
     * license administrator's key list and for the move dialog's targets.
     */
    public List<KeyView> managedKeys(String userId, String accountId, String subscriptionId) {
        Membership membership = access.actingMembership(userId, accountId);
        List<Subscription> owned = em.createQuery("SELECT s FROM Subscription s WHERE s.account.id = :account"
                        + " ORDER BY s.name, s.id", Subscription.class)
                .setParameter("account", membership.getAccount().getId())
                .getResultList();
        if (subscriptionId != null && owned.stream().noneMatch(s -> s.getId().equals(subscriptionId))) {
            throw KeyholdException.notFound("Subscription");
        }
        Permissions permissions = AccountAccess.requireComputerManager(membership);
        List<KeyView> managed = new ArrayList<>();
        for (Subscription subscription : owned) {
            if (subscriptionId == null || subscription.getId().equals(subscriptionId)) {
                views(subscription).stream().filter(k -> permissions.managesKey(k.getId())).forEach(managed::add);
            }
        }
        return managed;
    }

    public KeyView create(String userId, String accountId, String subscriptionId, KeyChange request) {
        Subscription subscription = subscriptionOf(userId, accountId, subscriptionId, true);
        if (request == null || request.type() == null || request.type() == KeyType.PRIMARY) {
            throw KeyholdException.badRequest("type", "must be RESERVED or DYNAMIC");
        }
        if (subscription.isSingleSignOn()) {
            // O2: the corporate license type has no sublicenses; computers activate by ID token
            throw KeyholdException.badRequest("subscriptionId", "an SSO subscription has no sublicense keys");
        }
        if (request.type() == KeyType.DYNAMIC
                && subscription.getProduct().getKind() == com.keyhold.subscription.ProductKind.PER_MANAGED_MAC) {
            // S1: a fleet key is one SCCM site's, with that site's maximum of managed Macs: reserved only
            throw KeyholdException.badRequest("type", "the fleet product has reserved sublicenses only (one per SCCM site)");
        }
        String name = requireName(request.name());
        if (request.quota() == null) {
            throw KeyholdException.badRequest("quota", "is required");
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate customExpiry = customExpiry(subscription, request.expiresOn(), today);
        SeatPool pool = seatLedger.poolOf(subscription);
        if (request.type() == KeyType.RESERVED) {
            pool.requireNewReservedKey(request.quota());
        } else {
            pool.requireNewDynamicKey(request.quota());
        }
        LicenseKey key = LicenseKey.additional(subscription, request.type(), name, LicenseKeyFormat.generate(),
                request.quota(), customExpiry, clock.instant());
        em.persist(key);
        em.flush();
        activityLog.record(subscription.getAccount().getId(), ActivityActions.KEY_CREATED, ActivityActions.LICENSE_KEY,
                key.getId(), request.type() + " key '" + name + "' " + LicenseKeyFormat.mask(key.getKeyValue()) + ", quota "
                        + request.quota() + ", in subscription '" + subscription.getName() + "'"
                        + (customExpiry == null ? "" : ", expires on " + customExpiry));
        // L9: the one answer that carries the full key without a reveal is the one that created it
        return views(subscription).stream().filter(v -> v.getId().equals(key.getId())).findFirst().orElseThrow()
                .withFullKey(key.getKeyValue());
    }

    /**
     * The full key, for those who manage it (L9): account administrators every key of the account,
     * license administrators their own (A6); any other key is "not found". Every reveal is recorded in
     * the activity log, since whoever holds the key can activate on it.
     */
    public String reveal(String userId, String accountId, String keyId) {
        Membership membership = access.actingMembership(userId, accountId);
        LicenseKey key = keyId == null ? null : em.find(LicenseKey.class, keyId);
        if (key == null || key.getSubscription().getAccount() == null
                || !key.getSubscription().getAccount().getId().equals(membership.getAccount().getId())) {
            throw KeyholdException.notFound("License key");
        }
        if (key.getSubscription().isSingleSignOn()) {
            // O2: nobody activates with a corporate subscription's key, so it is never shown
            throw KeyholdException.notFound("License key");
        }
        Permissions permissions = Permissions.of(membership);
        if (!permissions.managesKey(key.getId())) {
            if (membership.getRole() == MemberRole.LICENSE_ADMINISTRATOR) {
                throw KeyholdException.notFound("License key");
            }
            AccountAccess.requireComputerManager(membership);
        }
        activityLog.record(membership.getAccount().getId(), ActivityActions.KEY_REVEALED, ActivityActions.LICENSE_KEY,
                key.getId(), "key '" + key.getName() + "' " + LicenseKeyFormat.mask(key.getKeyValue()) + " revealed");
        return key.getKeyValue();
    }

    /**
     * Changes name, quota, expiry or configuration profile. A quota below the used seats deactivates
     * the excess, least recently contacted first, only when confirmed (L7): at once up to
     * {@value KeyTrimmer#BATCH}, beyond that queued for the {@link KeyTrimmer}'s bounded batches. A profile is one of the
     * key's account (another account's id is "not found"); null puts the key back on Default (P2).
     * The key's computers receive the new profile at their next check-in.
     */
    public KeyView change(String userId, String accountId, String keyId, KeyChange request, boolean confirm) {
        LicenseKey key = keyOf(userId, accountId, keyId);
        Subscription subscription = key.getSubscription();
        if (request == null) {
            throw KeyholdException.badRequest("body", "is required");
        }
        if (request.type() != null && request.type() != key.getType()) {
            throw KeyholdException.badRequest("type", "a key's type cannot change");
        }
        String oldName = key.getName();
        LocalDate oldExpiry = key.expiresOn();
        int queued = 0;
        List<String> changes = new ArrayList<>();
        if (request.name() != null) {
            key.rename(requireName(request.name()));
        }
        LocalDate today = LocalDate.now(clock);
        if (Boolean.TRUE.equals(request.renewWithSubscription())) {
            requireAdditional(key, "expiresOn");
            key.changeExpiry(null);
        } else if (request.expiresOn() != null) {
            requireAdditional(key, "expiresOn");
            key.changeExpiry(customExpiry(subscription, request.expiresOn(), today));
        }
        if (request.quota() != null) {
            SeatPool pool = seatLedger.poolOf(subscription);
            pool.requireQuotaChange(key.getId(), request.quota());
            int excess = pool.wouldDeactivate(key.getId(), request.quota());
            requireConfirmation(excess, confirm);
            int oldQuota = pool.quota(key.getId());
            key.changeQuota(request.quota());
            if (excess > KeyTrimmer.BATCH) {
                // L7 in bounded transactions (issue 13): the new quota commits now, the excess is deactivated
                // by the trimmer in batches right after; no activation fits meanwhile, since used > quota
                trimmer.queue(key.getId());
                queued = excess;
            } else {
                deactivateLeastRecentlyContacted(key, excess);
            }
            if (oldQuota != request.quota()) {
                changes.add("quota " + oldQuota + " -> " + request.quota() + (excess == 0 ? ""
                        : excess > KeyTrimmer.BATCH ? " (" + excess + " installations queued for deactivation)"
                        : " (" + excess + " installations deactivated)"));
            }
        }
        if (!oldName.equals(key.getName())) {
            changes.add(0, "name '" + oldName + "' -> '" + key.getName() + "'");
        }
        if (!oldExpiry.equals(key.expiresOn())) {
            changes.add("expiry " + oldExpiry + " -> " + key.expiresOn());
        }
        if (request.changesProfile()) {
            ConfigurationProfile oldProfile = key.getProfile();
            ConfigurationProfile newProfile = request.profileId() == null ? null
                    : ProfileService.profileOf(em, subscription.getAccount().getId(), request.profileId());
            if (!java.util.Objects.equals(oldProfile == null ? null : oldProfile.getId(),
                    newProfile == null ? null : newProfile.getId())) {
                key.applyProfile(newProfile);
                changes.add("configuration profile '" + profileName(oldProfile) + "' -> '" + profileName(newProfile) + "'");
            }
        }
        if (!changes.isEmpty()) {
            activityLog.record(subscription.getAccount().getId(), ActivityActions.KEY_CHANGED, ActivityActions.LICENSE_KEY,
                    key.getId(), "key '" + key.getName() + "' " + LicenseKeyFormat.mask(key.getKeyValue()) + ": "
                            + String.join(", ", changes));
        }
        em.flush();
        KeyView changed = views(subscription).stream().filter(v -> v.getId().equals(key.getId())).findFirst().orElseThrow();
        return queued > 0 ? changed.withQueuedDeactivations(queued) : changed;
    }

    /** Deletes an additional key, deactivating all its installations when confirmed (L7). */
    public int delete(String userId, String accountId, String keyId, boolean confirm) {
        return delete(userId, accountId, keyId, confirm, null).deactivated();
    }

    /** What deleting a key did to its installations. */
    public record Deletion(int deactivated, int moved) {
    }

    /**
     * Deletes an additional key. With {@code moveToKeyId} its active computers first move to that key of
     * the same subscription (C8: all or none, the target needs the seats), as the seed's confirmation
     * text offers; whatever remains is deactivated, only when confirmed (L7).
     */
    public Deletion delete(String userId, String accountId, String keyId, boolean confirm, String moveToKeyId) {
        LicenseKey key = keyOf(userId, accountId, keyId);
        requireAdditional(key, "id");
        List<Activation> active = activeOn(key, Integer.MAX_VALUE);
        int moved = 0;
        if (moveToKeyId != null && !active.isEmpty()) {
            moved = moveAll(key, active, moveTarget(userId, accountId, key, moveToKeyId));
            active = List.of();
        }
        // S1, S7: a fleet key's proxy server is its one installation; deleting the key releases it
        List<com.keyhold.proxy.ProxyServer> proxies = em.createNamedQuery("ProxyServer.holdingKey", com.keyhold.proxy.ProxyServer.class)
                .setParameter("keyId", key.getId()).getResultList();
        requireConfirmation(active.size() + proxies.size(), confirm);
        Instant now = clock.instant();
        active.forEach(a -> a.deactivate(now));
        proxies.forEach(p -> p.release(now));
        // Deactivated records keep their history on the primary key; the blacklist of the key goes with it.
        LicenseKey primary = seatLedger.keysOf(key.getSubscription()).stream()
                .filter(k -> k.getType() == KeyType.PRIMARY).findFirst().orElseThrow();
        em.createQuery("UPDATE Activation a SET a.licenseKey = :primary WHERE a.licenseKey = :key")
                .setParameter("primary", primary).setParameter("key", key).executeUpdate();
        em.createQuery("UPDATE ProxyServer p SET p.licenseKey = :primary WHERE p.licenseKey = :key")
                .setParameter("primary", primary).setParameter("key", key).executeUpdate();
        em.createQuery("DELETE FROM BlacklistEntry b WHERE b.keyId = :keyId").setParameter("keyId", key.getId()).executeUpdate();
        em.createQuery("SELECT m FROM Membership m WHERE :keyId MEMBER OF m.keyIds", Membership.class)
                .setParameter("keyId", key.getId()).getResultList()
                .forEach(m -> m.loseKey(key.getId()));
        activityLog.record(key.getSubscription().getAccount().getId(), ActivityActions.KEY_DELETED,
                ActivityActions.LICENSE_KEY, key.getId(), key.getType() + " key '" + key.getName() + "' "
                        + LicenseKeyFormat.mask(key.getKeyValue()) + " deleted from subscription '"
                        + key.getSubscription().getName() + "', " + (active.size() + proxies.size()) + " installations deactivated"
                        + (moved > 0 ? ", " + moved + " moved to another key" : ""));
        em.remove(key);
        return new Deletion(active.size() + proxies.size(), moved);
    }

    private LicenseKey moveTarget(String userId, String accountId, LicenseKey deleting, String moveToKeyId) {
        LicenseKey target = em.find(LicenseKey.class, moveToKeyId);
        Membership membership = access.actingMembership(userId, accountId);
        if (target == null || !target.getSubscription().getId().equals(deleting.getSubscription().getId())
                || !Permissions.of(membership).managesKey(target.getId())) {
            throw KeyholdException.notFound("License key");
        }
        if (target.getId().equals(deleting.getId())) {
            throw KeyholdException.badRequest("moveToKeyId", "must be another key than the one deleted");
        }
        return target;
    }

    /** C8 for a whole key: every active computer moves, or none does (seats, expiry, the target's blacklist). */
    private int moveAll(LicenseKey from, List<Activation> active, LicenseKey target) {
        long blacklisted = em.createQuery("SELECT COUNT(b) FROM BlacklistEntry b WHERE b.keyId = :target AND b.hardwareId IN"
                        + " (SELECT a.hardwareId FROM Activation a WHERE a.licenseKey = :from"
                        + " AND a.status = com.keyhold.computer.ActivationStatus.ACTIVE)", Long.class)
                .setParameter("target", target.getId()).setParameter("from", from).getSingleResult();
        if (blacklisted > 0) {
            throw new KeyholdException(ErrorCode.COMPUTER_BLACKLISTED,
                    blacklisted + " of the key's computers are blacklisted for the target key.");
        }
        seatLedger.poolOf(from.getSubscription()).requireMove(Map.of(from.getId(), active.size()), 0, target.getId());
        Instant now = clock.instant();
        active.forEach(a -> a.moveTo(target, now));
        return active.size();
    }

    private void deactivateLeastRecentlyContacted(LicenseKey key, int count) {
        if (count > 0) {
            Instant now = clock.instant();
            activeOn(key, count).forEach(a -> a.deactivate(now));
        }
    }

    private List<Activation> activeOn(LicenseKey key, int limit) {
        return em.createQuery("SELECT a FROM Activation a WHERE a.licenseKey = :key"
                        + " AND a.status = com.keyhold.computer.ActivationStatus.ACTIVE ORDER BY a.lastContactAt, a.id",
                Activation.class).setParameter("key", key).setMaxResults(limit).getResultList();
    }

    private static void requireConfirmation(int wouldDeactivate, boolean confirm) {
        if (wouldDeactivate > 0 && !confirm) {
            throw KeyholdException.withDetails(ErrorCode.CONFIRMATION_REQUIRED,
                    wouldDeactivate + " installations would be deactivated; confirm to proceed.",
                    Map.of("wouldDeactivate", wouldDeactivate));
        }
    }

    private static void requireAdditional(LicenseKey key, String field) {
        if (key.getType() == KeyType.PRIMARY) {
            throw KeyholdException.badRequest(field, "the primary key follows the subscription and cannot be deleted");
        }
    }

    /** A custom expiry must not be after the subscription's end (L4); the end date itself means "renew with it". */
    private static LocalDate customExpiry(Subscription subscription, LocalDate requested, LocalDate today) {
        if (requested == null) {
            return null;
        }
        if (requested.isAfter(subscription.getEndsOn())) {
            throw KeyholdException.badRequest("expiresOn", "must not be after the subscription's end " + subscription.getEndsOn());
        }
        if (requested.isBefore(today)) {
            throw KeyholdException.badRequest("expiresOn", "must not be in the past");
        }
        return requested;
    }

    private static String profileName(ConfigurationProfile profile) {
        return profile == null ? "Default" : profile.getName();
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw KeyholdException.badRequest("name", "is required, at most 200 characters");
        }
        return name.strip();
    }

    /** The subscription, locked for a change, if it belongs to the caller's account; else "not found". */
    Subscription subscriptionOf(String userId, String accountId, String subscriptionId, boolean lock) {
        Subscription subscription = subscriptions.owned(userId, accountId, subscriptionId);
        AccountAccess.requireAdministrator(access.actingMembership(userId, accountId));
        if (lock) {
            em.lock(subscription, LockModeType.PESSIMISTIC_WRITE);
            em.refresh(subscription);
        }
        return subscription;
    }

    private LicenseKey keyOf(String userId, String accountId, String keyId) {
        LicenseKey key = keyId == null ? null : em.find(LicenseKey.class, keyId);
        if (key == null) {
            throw KeyholdException.notFound("License key");
        }
        // A6: a license administrator sees only their own keys; any other key of the account is "not found" to them.
        Membership membership = access.actingMembership(userId, accountId);
        if (membership.getRole() == MemberRole.LICENSE_ADMINISTRATOR
                && !Permissions.of(membership).managesKey(key.getId())) {
            throw KeyholdException.notFound("License key");
        }
        subscriptionOf(userId, accountId, key.getSubscription().getId(), true);
        em.refresh(key);
        return key;
    }

    private List<KeyView> views(Subscription subscription) {
        SeatPool pool = seatLedger.poolOf(subscription);
        LocalDate today = LocalDate.now(clock);
        return seatLedger.keysOf(subscription).stream()
                .map(k -> new KeyView(k.getId(), k.getName(), k.getKeyValue(), k.getType(), pool.quota(k.getId()),
                        pool.keys().stream().filter(s -> s.keyId().equals(k.getId())).mapToInt(KeySeats::used).sum(),
                        pool.available(k.getId()), k.expiresOn(), k.getCustomExpiresOn() == null, k.isExpired(today),
                        k.getProfile() == null ? null : k.getProfile().getId(),
                        k.getProfile() == null ? null : k.getProfile().getName()))
                .toList();
    }
}
