package com.keyhold.computer;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A check-in (SPEC C3, CONTRACT section 2): reports the current status, expiry and profile, read
 * from the database for every call, and records the contact for the next coalesced write
 * ({@link CheckInCoalescer}).
 *
 * <p>The hot path of the client API, so it pays for nothing it does not need: a CDI bean, not an
 * EJB (no container transaction, security or pool around a call that holds no transaction and writes
 * nothing); one indexed read in autocommit, shared with the check-ins that arrive meanwhile
 * ({@link CheckInReads}). The certificate signed at the activation's last change of state is
 * returned while it still states the current state; otherwise a new one is signed and stored
 * ({@link ActivationService#resign}).
 */
@ApplicationScoped
public class CheckInService {

    @Inject
    Clock clock;

    @Inject
    CheckInReads reads;

    @EJB
    CheckInCoalescer checkIns;

    @EJB
    ActivationService activations;

    public ClientLicense checkIn(String activationId, String token, String appVersion, String hostOs) {
        CheckInReads.CheckInRow row = activationId == null || activationId.length() > 36 ? null : reads.read(activationId);
        if (row == null || !ActivationService.tokenMatches(row.tokenHash(), token)) {
            throw ActivationService.unauthorized();
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
        // the state changed since the stored certificate was signed (or none is stored): sign anew
        ClientLicense signed = activations.resign(activationId, now);
        if (signed == null) {
            throw ActivationService.unauthorized(); // removed since the read
        }
        return signed;
    }
}
