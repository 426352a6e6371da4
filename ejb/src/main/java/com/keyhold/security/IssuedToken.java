package com.keyhold.security;

import java.time.Instant;

/** A newly created API token: the secret is in this object only, never stored or shown again. */
public record IssuedToken(String id, String name, String token, Instant expiresAt) {
}
