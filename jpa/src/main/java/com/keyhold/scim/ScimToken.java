package com.keyhold.scim;

import com.keyhold.persistence.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A bearer token of an account's SCIM client (SPEC O3, CONTRACT section 6): it belongs to the
 * account, not to the administrator who created it, so provisioning keeps working when that
 * administrator leaves. Only its hash is kept; the token is shown once.
 */
@Entity
@Table(name = "scim_tokens")
@NamedQuery(name = "ScimToken.byHash", query = "SELECT t FROM ScimToken t WHERE t.tokenHash = :hash")
@NamedQuery(name = "ScimToken.ofAccount",
        query = "SELECT t FROM ScimToken t WHERE t.accountId = :accountId AND t.revokedAt IS NULL ORDER BY t.createdAt DESC, t.id")
public class ScimToken {

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "account_id", nullable = false, length = 36)
    private String accountId;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(name = "token_hash", nullable = false, length = 64)
    private String tokenHash;

    @Column(name = "created_by", length = 36)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected ScimToken() {
    }

    public ScimToken(String accountId, String name, String tokenHash, String createdBy, Instant now) {
        this.id = Ids.newId();
        this.accountId = accountId;
        this.name = name;
        this.tokenHash = tokenHash;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    public void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    public String getId() {
        return id;
    }

    public String getAccountId() {
        return accountId;
    }

    public String getName() {
        return name;
    }

    public String getTokenHash() {
        return tokenHash;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getLastUsedAt() {
        return lastUsedAt;
    }
}
