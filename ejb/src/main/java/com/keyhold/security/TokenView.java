package com.keyhold.security;

import java.io.Serializable;
import java.time.Instant;

/** A personal API token as Security Settings lists it (SPEC A9): never the secret. Getters, for EL 5. */
public final class TokenView implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String id;
    private final String name;
    private final Instant createdAt;
    private final Instant lastUsedAt;
    private final Instant expiresAt;

    TokenView(ApiToken token) {
        this.id = token.getId();
        this.name = token.getName();
        this.createdAt = token.getCreatedAt();
        this.lastUsedAt = token.getLastUsedAt();
        this.expiresAt = token.getExpiresAt();
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getLastUsedAt() {
        return lastUsedAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }
}
