package com.keyhold.computer;

import com.keyhold.common.ErrorCode;
import com.keyhold.common.KeyholdException;
import com.keyhold.invitation.InstallInvitation;
import com.keyhold.invitation.InvitationCode;
import com.keyhold.licensekey.LicenseKey;
import com.keyhold.licensekey.LicenseKeyFormat;
import com.keyhold.licensekey.SeatLedger;
import com.keyhold.licensekey.SeatPool;
import com.keyhold.profile.ProfilePayloads;
import com.keyhold.security.SecretTokens;
import com.keyhold.subscription.ProductKind;
import com.keyhold.subscription.Subscription;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
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

    @EJB
    CheckInCoalescer checkIns;

    @Inject
    ActivationPrecheck precheck;

    @EJB
    CorporateActivation corporate;

    public ClientLicense activate(ActivationRequest request) {
        if (request != null && (request.key() == null || request.key().isBlank()) && request.idToken() != null) {
            requireHardwareId(request);
            return corporate.activate(request);
        }
        if (request == null || request.key() == null || request.key().isBlank()) {
            throw KeyholdException.badRequest("key", "is required (or idToken, for a corporate subscription)");
        }
        requireHardwareId(request);
        LocalDate today = LocalDate.now(clock);
        // Refusals first, from committed data and without the subscription's lock: a new computer is told at
        // once that no seat is free instead of queueing behind every activation of the subscription (500 at
        // the same instant for 50 seats: the 450 refusals need not wait). A refusal read from committed data
        // is as true as one read under the lock; only a grant needs the lock, and everything is read again there.
        LicenseKey key;
        // I3: a temporary activation code (INV-…) stands for its invitation's key, which it never reveals
        InstallInvitation invitation = InvitationCode.looksLikeCode(request.key()) ? invitationOf(request.key()) : null;
        if (invitation != null) {
            key = invitation.getLicenseKey();
            requirePerComputer(key.getSubscription().getProduct().getKind() == ProductKind.PER_COMPUTER
                    && !key.getSubscription().isSingleSignOn());
            Optional<Activation> existing = existingActivation(key.getSubscription(), request.hardwareId());
            requireRedeemable(invitation, existing, clock.instant());
            requireActivatable(key.getSubscription(), key, request.hardwareId(), today);
            if (existing.isEmpty()) {
                seatLedger.poolOf(key.getSubscription()).requireSeatFor(key.getId());
            }
        } else {
            // a license key: every refusal in one statement (ActivationPrecheck)
            ActivationPrecheck.Facts facts = precheck.read(
                    LicenseKeyFormat.normalize(request.key()).orElseThrow(ActivationService::invalidKey), request.hardwareId(), today);
            if (facts == null) {
                throw invalidKey();
            }
            requirePerComputer(facts.perComputerProduct() && !facts.singleSignOn());
            requireActivatable(facts.startsOn(), facts.endsOn(), facts.keyExpiresOn(), facts.blacklisted(), today);
            if (!facts.knownComputer()) {
                facts.pool().requireSeatFor(facts.keyId());
            }
            key = em.find(LicenseKey.class, facts.keyId());
            if (key == null) {
                throw invalidKey(); // deleted since the check
            }
        }
        String keyValue = key.getKeyValue();

        Subscription subscription = key.getSubscription();
        em.refresh(subscription, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(key);
        Instant now = clock.instant();
        requireActivatable(subscription, key, request.hardwareId(), today);
        Optional<Activation> existing = existingActivation(subscription, request.hardwareId());
        existing.ifPresent(em::refresh);
        if (invitation != null) {
            // under the subscription's lock, and the invitation's own: one code, one computer, once
            em.refresh(invitation, LockModeType.PESSIMISTIC_WRITE);
            requireRedeemable(invitation, existing, now);
        }
        String token = SecretTokens.generate(TOKEN_PREFIX);
        String tokenHash = SecretTokens.hash(token);
        Activation activation;
        boolean created = existing.isEmpty();
        if (created) {
            seatLedger.poolOf(subscription).requireSeatFor(key.getId());
            activation = new Activation(subscription, key, request.hardwareId(), tokenHash, request.details(),
                    invitation != null ? invitation.getEmail() : LicenseKeyFormat.mask(keyValue), now);
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
        if (invitation != null && invitation.getUsedAt() == null) {
            invitation.use(activation.getId(), now);
        }
        // active: checked under the lock just now (started, not expired, not blacklisted) and just activated
        return license(activation, ClientStatus.ACTIVE, token, created, now);
    }

    private static void requireHardwareId(ActivationRequest request) {
        if (request.hardwareId() == null || request.hardwareId().isEmpty() || request.hardwareId().length() > MAX_HARDWARE_ID) {
            throw KeyholdException.badRequest("hardwareId", "is required, 1 to " + MAX_HARDWARE_ID + " characters");
        }
    }

    /**
     * Signs the certificate of an activation whose state changed since its stored certificate was
     * signed, or that has none ({@link CheckInService}); {@code null} if the activation is gone.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public ClientLicense resign(String activationId, Instant now) {
        Activation activation = em.find(Activation.class, activationId);
        return activation == null ? null : license(activation, statusOf(activation, LocalDate.now(clock)), null, false, now);
    }

    /** The client deactivates itself (C4): the seat is free at once. */
    public void deactivate(String activationId, String token) {
        Activation activation = authenticate(activationId, token);
        em.lock(activation.getSubscription(), LockModeType.PESSIMISTIC_WRITE);
        activation.deactivate(clock.instant());
    }

    /** Signs the activation's certificate for its current state and keeps it for later check-ins (C3). */
    /** Also for {@link CorporateActivation}: public, as the container calls it through this bean's view. */
    public ClientLicense license(Activation activation, ClientStatus status, String token, boolean created, Instant now) {
        LicenseKey key = activation.getLicenseKey();
        String profileJson = ProfilePayloads.clientJson(key.getProfile()); // P2: the key's profile, enabled payloads only
        String certificate = certificates.forComputer(activation, status, profileJson, now);
        checkIns.certificate(activation.getId(), new PendingCheckIns.Certificate(CertificateState.hash(activation.getId(),
                key.getId(), key.getKeyValue(), key.getName(), status, key.expiresAt(),
                activation.getSubscription().getProduct().getCode(), profileJson), certificate, now));
        return new ClientLicense(activation.getId(), token, created, status, keyNameOf(activation), key.expiresAt(),
                CheckInIntervals.nextSeconds(), profileJson, certificate);
    }

    /** CONTRACT 2: on a corporate subscription a computer's key name is the subscription's name. */
    static String keyNameOf(Activation activation) {
        return activation.getSubscription().isSingleSignOn() ? activation.getSubscription().getName()
                : activation.getLicenseKey().getName();
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

    /** The invitation a temporary activation code belongs to; an unknown or revoked code is an invalid key (CONTRACT 2). */
    private InstallInvitation invitationOf(String typedCode) {
        String code = InvitationCode.normalize(typedCode).orElseThrow(ActivationService::invalidKey);
        InstallInvitation invitation = em.createNamedQuery("InstallInvitation.byCodeHash", InstallInvitation.class)
                .setParameter("hash", SecretTokens.hash(code)).getResultStream().findFirst()
                .orElseThrow(ActivationService::invalidKey);
        if (invitation.statusAt(clock.instant()) == InstallInvitation.Status.REVOKED) {
            throw invalidKey();
        }
        return invitation;
    }

    /**
     * I3, E2: a code activates one computer once, until its invitation's expiry instant. The computer
     * that used it may activate with it again (a client retrying after a lost answer), no other.
     */
    private static void requireRedeemable(InstallInvitation invitation, Optional<Activation> existing, Instant now) {
        switch (invitation.statusAt(now)) {
            case USED -> {
                boolean sameComputer = existing.isPresent() && existing.get().getId().equals(invitation.getActivationId());
                if (!sameComputer) {
                    throw new KeyholdException(ErrorCode.CODE_ALREADY_USED, "This activation code has already been used.");
                }
            }
            case EXPIRED -> throw new KeyholdException(ErrorCode.CODE_EXPIRED,
                    "This activation code has expired. Ask your administrator for a new invitation.");
            case REVOKED -> throw invalidKey();
            case PENDING -> {
            }
        }
    }

    /** The refusals that do not depend on seats (C1, C5), in the order a client is told them. */
    public void requireActivatable(Subscription subscription, LicenseKey key, String hardwareId, LocalDate today) {
        requireActivatable(subscription.getStartsOn(), subscription.getEndsOn(), key.expiresOn(),
                isBlacklisted(key.getId(), hardwareId), today);
    }

    static void requireActivatable(LocalDate startsOn, LocalDate endsOn, LocalDate keyExpiresOn, boolean blacklisted,
            LocalDate today) {
        if (today.isBefore(startsOn)) {
            throw new KeyholdException(ErrorCode.SUBSCRIPTION_NOT_STARTED, "The subscription starts on " + startsOn + ".");
        }
        if (today.isAfter(endsOn)) {
            throw new KeyholdException(ErrorCode.SUBSCRIPTION_EXPIRED, "The subscription has expired.");
        }
        if (today.isAfter(keyExpiresOn)) {
            throw new KeyholdException(ErrorCode.KEY_EXPIRED, "This license key has expired.");
        }
        if (blacklisted) {
            throw new KeyholdException(ErrorCode.COMPUTER_BLACKLISTED,
                    "This computer may not be activated with this license key.");
        }
    }

    /** S1: a fleet key activates SCCM proxies over the SOAP service, never a computer. */
    private static void requirePerComputer(boolean perComputerProduct) {
        if (!perComputerProduct) {
            throw invalidKey();
        }
    }

    public Optional<Activation> existingActivation(Subscription subscription, String hardwareId) {
        return em.createNamedQuery("Activation.bySubscriptionAndHardware", Activation.class)
                .setParameter("subscriptionId", subscription.getId())
                .setParameter("hardwareId", hardwareId)
                .getResultStream().findFirst();
    }

    private boolean isBlacklisted(String keyId, String hardwareId) {
        return em.find(BlacklistEntry.class, new BlacklistEntry.Pair(keyId, hardwareId)) != null;
    }

    /** The activation whose current token this is; anything else is 401 (CONTRACT section 2). */
    private Activation authenticate(String activationId, String token) {
        Activation activation = activationId == null || activationId.length() > 36 ? null
                : em.find(Activation.class, activationId);
        if (activation == null || !tokenMatches(activation.getTokenHash(), token)) {
            throw unauthorized();
        }
        return activation;
    }

    static boolean tokenMatches(String storedHash, String token) {
        return token != null && MessageDigest.isEqual(storedHash.getBytes(StandardCharsets.US_ASCII),
                SecretTokens.hash(token).getBytes(StandardCharsets.US_ASCII));
    }

    static KeyholdException unauthorized() {
        return new KeyholdException(ErrorCode.UNAUTHORIZED, "The activation token is not valid for this activation.");
    }

    private static KeyholdException invalidKey() {
        return new KeyholdException(ErrorCode.INVALID_KEY, "This license key is not valid.");
    }
}
