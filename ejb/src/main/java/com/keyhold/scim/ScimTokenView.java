package com.keyhold.scim;

import java.time.Instant;

/** A SCIM token as the Identity Provider page and {@code GET /api/v1/admin/scim-tokens} list it (never the token). */
public record ScimTokenView(String id, String name, Instant createdAt, Instant lastUsedAt) implements java.io.Serializable {
}
