package com.keyhold.computer;

import java.time.Instant;

/**
 * What a client is told at activation and check-in (CONTRACT section 2). {@code activationToken}
 * is set only by an activation; {@code created} tells 201 from 200.
 */
public record ClientLicense(String activationId, String activationToken, boolean created, ClientStatus status,
        String keyName, Instant expiresAt, long nextCheckInSeconds, String profileJson, String certificate) {
}
