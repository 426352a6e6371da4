package com.keyhold.sso;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * An account's identity provider (SPEC O2): the issuer and audience its ID tokens carry, where their
 * signing keys are (a JWKS URL, or public keys uploaded as PEM), how many computers one user may
 * activate, the SCIM group whose members alone may activate, and the inactivity revocation of E3.
 * One per account; an issuer and audience pair belongs to one account only.
 */
@Entity
@Table(name = "identity_providers")
@NamedQuery(name = "IdentityProvider.byIssuerAndAudience",
        query = "SELECT p FROM IdentityProvider p WHERE p.issuer = :issuer AND p.audience = :audience")
@NamedQuery(name = "IdentityProvider.withInactivityRevocation",
        query = "SELECT p FROM IdentityProvider p WHERE p.inactivityRevokeDays IS NOT NULL ORDER BY p.accountId")
public class IdentityProvider {

    public static final int DEFAULT_PER_USER_LIMIT = 3;

    @Id
    @Column(name = "account_id", length = 36)
    private String accountId;

    @Column(nullable = false, length = 255)
    private String issuer;

    @Column(nullable = false, length = 255)
    private String audience;

    @Column(name = "jwks_url", length = 1000)
    private String jwksUrl;

    /** PEM blocks, one after the other, as the administrator uploaded them. */
    @Column(name = "public_keys")
    private String publicKeys;

    @Column(name = "per_user_limit", nullable = false)
    private int perUserLimit;

    @Column(name = "required_group_id", length = 36)
    private String requiredGroupId;

    @Column(name = "inactivity_revoke_days")
    private Integer inactivityRevokeDays;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected IdentityProvider() {
    }

    public IdentityProvider(String accountId) {
        this.accountId = accountId;
        this.perUserLimit = DEFAULT_PER_USER_LIMIT;
    }

    /** Replaces every setting (the administrator's PUT); the caller has validated them. */
    public void configure(String issuer, String audience, String jwksUrl, String publicKeys, int perUserLimit,
            String requiredGroupId, Integer inactivityRevokeDays, Instant now) {
        this.issuer = issuer;
        this.audience = audience;
        this.jwksUrl = jwksUrl;
        this.publicKeys = publicKeys;
        this.perUserLimit = perUserLimit;
        this.requiredGroupId = requiredGroupId;
        this.inactivityRevokeDays = inactivityRevokeDays;
        this.updatedAt = now;
    }


    public String getAccountId() {
        return accountId;
    }

    public String getIssuer() {
        return issuer;
    }

    public String getAudience() {
        return audience;
    }

    public String getJwksUrl() {
        return jwksUrl;
    }

    public String getPublicKeys() {
        return publicKeys;
    }

    public int getPerUserLimit() {
        return perUserLimit;
    }

    public String getRequiredGroupId() {
        return requiredGroupId;
    }

    public Integer getInactivityRevokeDays() {
        return inactivityRevokeDays;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }
}
