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
import com.keyhold.profile.UpgradesPayload;
import com.keyhold.profile.VmImagePayload;
import com.keyhold.security.SecretTokens;
import com.keyhold.subscription.Subscription;
import jakarta.annotation.Resource;
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
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import javax.sql.DataSource;

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

    @Resource(lookup = "java:app/jdbc/keyhold")
    DataSource dataSource;

    public ClientLicense activate(ActivationRequest request) {
        if (request == null || request.key() == null || request.key().isBlank()) {
            throw KeyholdException.badRequest("key", "is required");
        }
        if (request.hardwareId() == null || request.hardwareId().isEmpty() || request.hardwareId().length() > MAX_HARDWARE_ID) {
            throw KeyholdException.badRequest("hardwareId", "is required, 1 to " + MAX_HARDWARE_ID + " characters");
        }
        // I3: a temporary activation code (INV-…) stands for its invitation's key, which it never reveals
        InstallInvitation invitation = InvitationCode.looksLikeCode(request.key()) ? invitationOf(request.key()) : null;
        LicenseKey key = invitation != null ? invitation.getLicenseKey()
                : em.createNamedQuery("LicenseKey.byValue", LicenseKey.class)
                        .setParameter("value", LicenseKeyFormat.normalize(request.key()).orElseThrow(ActivationService::invalidKey))
                        .getResultStream().findFirst().orElseThrow(ActivationService::invalidKey);
        if (key.getSubscription().getProduct().getKind() != com.keyhold.subscription.ProductKind.PER_COMPUTER) {
            throw invalidKey(); // S1: a fleet key activates SCCM proxies over the SOAP service, never a computer
        }
        String keyValue = key.getKeyValue();
        LocalDate today = LocalDate.now(clock);
        if (invitation != null) {
            requireRedeemable(invitation, existingActivation(key.getSubscription(), request.hardwareId()), clock.instant());
        }
        // Refusals first, from committed data and without the subscription's lock: a new computer is told at
        // once that no seat is free instead of queueing behind every activation of the subscription (500 at
        // the same instant for 50 seats: the 450 refusals need not wait). A refusal read from committed data
        // is as true as one read under the lock; only a grant needs the lock, and everything is read again there.
        requireActivatable(key.getSubscription(), key, request.hardwareId(), today);
        if (existingActivation(key.getSubscription(), request.hardwareId()).isEmpty()) {
            seatLedger.poolOf(key.getSubscription()).requireSeatFor(key.getId());
        }

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
        return license(activation, token, created, now);
    }

    /**
     * A check-in (C3): reports the current status, expiry and profile, read from the database on
     * every call, and records the contact for the next coalesced write ({@link CheckInCoalescer}).
     * No write transaction: one indexed read (activation, key, subscription, blacklist pair, stored
     * certificate by primary keys) in autocommit. The certificate signed at the activation's last
     * change of state is returned while it still states the current state; otherwise a new one is
     * signed and stored.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public ClientLicense checkIn(String activationId, String token, String appVersion, String hostOs) {
        CheckInRow row = activationId == null || activationId.length() > 36 ? null : readCheckIn(activationId);
        if (row == null || !tokenMatches(row.tokenHash(), token)) {
            throw unauthorized();
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        ClientStatus status = row.blacklisted() ? ClientStatus.BLACKLISTED
                : row.status() == ActivationStatus.DEACTIVATED ? ClientStatus.DEACTIVATED
                : today.isAfter(row.keyExpiresOn()) || today.isAfter(row.subscriptionEndsOn()) ? ClientStatus.EXPIRED
                : ClientStatus.ACTIVE;
        Instant expiresAt = row.keyExpiresOn().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        String stateHash = CertificateState.hash(activationId, row.keyId(), row.keyValue(), row.keyName(), status,
                expiresAt, row.productCode(), row.profileJson());
        checkIns.contact(activationId, now, appVersion, hostOs);
        if (stateHash.equals(row.certificateStateHash())) {
            return new ClientLicense(activationId, null, false, status, row.keyName(), expiresAt,
                    CheckInIntervals.nextSeconds(), row.profileJson(), row.certificate());
        }
        // the state changed since the stored certificate was signed (or none is stored): sign anew from the entity
        Activation activation = em.find(Activation.class, activationId);
        if (activation == null) {
            throw unauthorized(); // removed since the read
        }
        return license(activation, null, false, now);
    }

    /** What a check-in needs, in one statement by primary keys. */
    private record CheckInRow(String tokenHash, ActivationStatus status, String keyId, String keyName, String keyValue,
            LocalDate keyExpiresOn, LocalDate subscriptionEndsOn, String productCode, boolean blacklisted,
            String certificateStateHash, String certificate, String profileJson) {
    }

    // the primary key is called as its subscription is (LicenseKey.getName), through renames of either
    private static final String CHECK_IN_READ = "SELECT a.token_hash, a.status, a.key_id,"
            + " CASE WHEN k.type = 'PRIMARY' THEN s.name ELSE k.name END, k.key_value,"
            + " COALESCE(k.custom_expires_on, s.ends_on), s.ends_on, s.product_code,"
            + " EXISTS (SELECT 1 FROM blacklist b WHERE b.key_id = a.key_id AND b.hardware_id = a.hardware_id),"
            + " c.state_hash, c.certificate,"
            + " p.name, p.vm_image_enabled, p.vm_image_url, p.vm_image_checksum, p.vm_name,"
            + " p.upgrades_enabled, p.upgrades_allowed, p.upgrades_target_version"
            + " FROM activations a JOIN license_keys k ON k.id = a.key_id JOIN subscriptions s ON s.id = a.subscription_id"
            + " LEFT JOIN activation_certificates c ON c.activation_id = a.id"
            + " LEFT JOIN configuration_profiles p ON p.id = k.profile_id"
            + " WHERE a.id = ?";

    private CheckInRow readCheckIn(String activationId) {
        try (Connection db = dataSource.getConnection(); PreparedStatement read = db.prepareStatement(CHECK_IN_READ)) {
            read.setString(1, activationId);
            try (ResultSet row = read.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                return new CheckInRow(row.getString(1), ActivationStatus.valueOf(row.getString(2)), row.getString(3),
                        row.getString(4), row.getString(5), row.getObject(6, LocalDate.class),
                        row.getObject(7, LocalDate.class), row.getString(8), row.getBoolean(9), row.getString(10),
                        row.getString(11), ProfilePayloads.clientJson(row.getString(12),
                                new VmImagePayload(row.getBoolean(13), row.getString(14), row.getString(15), row.getString(16)),
                                new UpgradesPayload(row.getBoolean(17), row.getBoolean(18), row.getString(19))));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("check-in read failed", e);
        }
    }

    /** The client deactivates itself (C4): the seat is free at once. */
    public void deactivate(String activationId, String token) {
        Activation activation = authenticate(activationId, token);
        em.lock(activation.getSubscription(), LockModeType.PESSIMISTIC_WRITE);
        activation.deactivate(clock.instant());
    }

    /** Signs the activation's certificate for its current state and keeps it for later check-ins (C3). */
    private ClientLicense license(Activation activation, String token, boolean created, Instant now) {
        ClientStatus status = statusOf(activation, LocalDate.now(clock));
        LicenseKey key = activation.getLicenseKey();
        String profileJson = ProfilePayloads.clientJson(key.getProfile()); // P2: the key's profile, enabled payloads only
        String certificate = certificates.forComputer(activation, status, profileJson, now);
        checkIns.certificate(activation.getId(), new PendingCheckIns.Certificate(CertificateState.hash(activation.getId(),
                key.getId(), key.getKeyValue(), key.getName(), status, key.expiresAt(),
                activation.getSubscription().getProduct().getCode(), profileJson), certificate, now));
        return new ClientLicense(activation.getId(), token, created, status, key.getName(), key.expiresAt(),
                CheckInIntervals.nextSeconds(), profileJson, certificate);
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
    private void requireActivatable(Subscription subscription, LicenseKey key, String hardwareId, LocalDate today) {
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
        if (isBlacklisted(key.getId(), hardwareId)) {
            throw new KeyholdException(ErrorCode.COMPUTER_BLACKLISTED,
                    "This computer may not be activated with this license key.");
        }
    }

    private Optional<Activation> existingActivation(Subscription subscription, String hardwareId) {
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

    private static boolean tokenMatches(String storedHash, String token) {
        return token != null && MessageDigest.isEqual(storedHash.getBytes(StandardCharsets.US_ASCII),
                SecretTokens.hash(token).getBytes(StandardCharsets.US_ASCII));
    }

    private static KeyholdException unauthorized() {
        return new KeyholdException(ErrorCode.UNAUTHORIZED, "The activation token is not valid for this activation.");
    }

    private static KeyholdException invalidKey() {
        return new KeyholdException(ErrorCode.INVALID_KEY, "This license key is not valid.");
    }
}
