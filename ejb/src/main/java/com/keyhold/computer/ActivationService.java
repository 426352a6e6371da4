package com.keyhold.computer;

import com.keyhold.common.ErrorCode;
import com.keyhold.common.KeyholdException;
import com.keyhold.licensekey.LicenseKey;
import com.keyhold.licensekey.LicenseKeyFormat;
import com.keyhold.licensekey.SeatLedger;
import com.keyhold.licensekey.SeatPool;
import com.keyhold.security.SecretTokens;
import com.keyhold.subscription.Subscription;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The desktop client's side of licensing (SPEC C1–C5, CONTRACT section 2): activate, check in,
 * deactivate. Every seat decision is taken under a write lock on the subscription row, so
 * concurrent activations on one subscription queue there and seats are never oversold.
 */
@Stateless
public class ActivationService {

    public static final int MAX_HARDWARE_ID = 128;
    private static final String TOKEN_PREFIX = "kha_";

    @PersistenceContext(unitName = "keyhold")
    EntityManager em;

    @Inject
    Clock clock;

    @EJB
    SeatLedger seatLedger;

    @EJB
    LicenseCertificates certificates;

    public ClientLicense activate(ActivationRequest request) {
        if (request == null || request.key() == null || request.key().isBlank()) {
            throw KeyholdException.badRequest("key", "is required");
        }
        if (request.hardwareId() == null || request.hardwareId().isEmpty() || request.hardwareId().length() > MAX_HARDWARE_ID) {
            throw KeyholdException.badRequest("hardwareId", "is required, 1 to " + MAX_HARDWARE_ID + " characters");
        }
        String keyValue = LicenseKeyFormat.normalize(request.key()).orElseThrow(ActivationService::invalidKey);
        LicenseKey key = em.createNamedQuery("LicenseKey.byValue", LicenseKey.class)
                .setParameter("value", keyValue)
                .getResultStream().findFirst().orElseThrow(ActivationService::invalidKey);
        Subscription subscription = em.find(Subscription.class, key.getSubscription().getId(), LockModeType.PESSIMISTIC_WRITE);
        em.refresh(key);
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        if (!subscription.hasStarted(today)) {
            throw new KeyholdException(ErrorCode.SUBSCRIPTION_NOT_STARTED,
                    "The subscription starts on " + subscription.getStartsOn() + ".");
        }
        if (subscription.isExpired(today)) {
            throw new KeyholdException(ErrorCode.SUBSCRIPTION_EXPIRED, "The subscription has expired.");
        }
        if (key.isExpired(today)) {
            throw new KeyholdException(ErrorCode.KEY_EXPIRED, "This license key has expired.");
        }
        if (isBlacklisted(key.getId(), request.hardwareId())) {
            throw new KeyholdException(ErrorCode.COMPUTER_BLACKLISTED,
                    "This computer may not be activated with this license key.");
        }
        Optional<Activation> existing = em.createNamedQuery("Activation.bySubscriptionAndHardware", Activation.class)
                .setParameter("subscriptionId", subscription.getId())
                .setParameter("hardwareId", request.hardwareId())
                .getResultStream().findFirst();
        String token = SecretTokens.generate(TOKEN_PREFIX);
        String tokenHash = SecretTokens.hash(token);
        Activation activation;
        boolean created = existing.isEmpty();
        if (created) {
            seatLedger.poolOf(subscription).requireSeatFor(key.getId());
            activation = new Activation(subscription, key, request.hardwareId(), tokenHash, request.details(),
                    "key " + LicenseKeyFormat.mask(keyValue), now);
            em.persist(activation);
        } else {
            activation = existing.get();
            boolean activeOnThisKey = activation.getStatus() == ActivationStatus.ACTIVE
                    && activation.getLicenseKey().getId().equals(key.getId());
            if (!activeOnThisKey) {
                SeatPool pool = seatLedger.poolOf(subscription);
                if (activation.getStatus() == ActivationStatus.ACTIVE) {
                    // C1: a move to another key of the subscription releases the old seat only if the new key has one
                    pool.withUsed(activation.getLicenseKey().getId(), -1).requireSeatFor(key.getId());
                } else {
                    pool.requireSeatFor(key.getId());
                }
            }
            activation.activate(key, tokenHash, request.details(), now);
        }
        return license(activation, token, created, now);
    }

    /** A check-in (C3): updates last contact and reports the current status, expiry and profile. */
    public ClientLicense checkIn(String activationId, String token, String appVersion, String hostOs) {
        Activation activation = authenticate(activationId, token);
        Instant now = clock.instant();
        activation.contactedAt(now, appVersion, hostOs);
        return license(activation, null, false, now);
    }

    /** The client deactivates itself (C4): the seat is free at once. */
    public void deactivate(String activationId, String token) {
        Activation activation = authenticate(activationId, token);
        em.lock(activation.getSubscription(), LockModeType.PESSIMISTIC_WRITE);
        activation.deactivate(clock.instant());
    }

    private ClientLicense license(Activation activation, String token, boolean created, Instant now) {
        ClientStatus status = statusOf(activation, LocalDate.now(clock));
        return new ClientLicense(activation.getId(), token, created, status, activation.getLicenseKey().getName(),
                activation.getLicenseKey().expiresAt(), CheckInIntervals.nextSeconds(),
                LicenseCertificates.DEFAULT_PROFILE, certificates.forComputer(activation, status, now));
    }

    /** Computed from the record, the blacklist and the clock, never stored, so never stale (C3). */
    ClientStatus statusOf(Activation activation, LocalDate today) {
        if (isBlacklisted(activation.getLicenseKey().getId(), activation.getHardwareId())) {
            return ClientStatus.BLACKLISTED;
        }
        if (activation.getStatus() == ActivationStatus.DEACTIVATED) {
            return ClientStatus.DEACTIVATED;
        }
        return activation.getLicenseKey().isExpired(today) ? ClientStatus.EXPIRED : ClientStatus.ACTIVE;
    }

    private boolean isBlacklisted(String keyId, String hardwareId) {
        return em.find(BlacklistEntry.class, new BlacklistEntry.Pair(keyId, hardwareId)) != null;
    }

    /** The activation whose current token this is; anything else is 401 (CONTRACT section 2). */
    private Activation authenticate(String activationId, String token) {
        Activation activation = activationId == null || activationId.length() > 36 ? null
                : em.find(Activation.class, activationId);
        if (activation == null || token == null || !MessageDigest.isEqual(
                activation.getTokenHash().getBytes(StandardCharsets.US_ASCII),
                SecretTokens.hash(token).getBytes(StandardCharsets.US_ASCII))) {
            throw new KeyholdException(ErrorCode.UNAUTHORIZED, "The activation token is not valid for this activation.");
        }
        return activation;
    }

    private static KeyholdException invalidKey() {
        return new KeyholdException(ErrorCode.INVALID_KEY, "This license key is not valid.");
    }
}
