package com.keyhold.invitation;

import com.keyhold.licensekey.LicenseKey;
import com.keyhold.persistence.Ids;
import com.keyhold.user.Language;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * An invitation to install (SPEC I1–I4): an email address, the key it activates with, and the hash
 * of its temporary activation code (the code itself is shown once, in the answer that creates it,
 * and sent by email). The code activates one computer once, and only before {@link #getExpiresAt}:
 * the instant decides (E2), whatever the sweep's timing; the sweep only records it ({@link #markExpired}).
 */
@Entity
@Table(name = "install_invitations")
@NamedQuery(name = "InstallInvitation.byCodeHash",
        query = "SELECT i FROM InstallInvitation i JOIN FETCH i.licenseKey WHERE i.codeHash = :hash")
@NamedQuery(name = "InstallInvitation.ofKey",
        query = "SELECT i FROM InstallInvitation i WHERE i.licenseKey.id = :keyId ORDER BY i.createdAt DESC, i.id")
@NamedQuery(name = "InstallInvitation.expiredUnmarked",
        query = "SELECT i.id FROM InstallInvitation i WHERE i.expiredAt IS NULL AND i.usedAt IS NULL"
                + " AND i.revokedAt IS NULL AND i.expiresAt <= :now ORDER BY i.expiresAt, i.id")
public class InstallInvitation {

    /** What an invitation is at a given instant (I4). */
    public enum Status {
        PENDING, USED, EXPIRED, REVOKED
    }

    @Id
    @Column(length = 36)
    private String id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "key_id")
    private LicenseKey licenseKey;

    @Column(nullable = false, length = 254)
    private String email;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 2)
    private Language language;

    @Column(name = "code_hash", nullable = false, length = 64)
    private String codeHash;

    @Column(name = "invited_by", nullable = false, length = 36)
    private String invitedBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    @Column(name = "activation_id", length = 36)
    private String activationId;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "expired_at")
    private Instant expiredAt;

    /** The outbox email that carried the code, when it was sent. */
    @Column(name = "email_id", length = 36)
    private String emailId;

    protected InstallInvitation() {
    }

    public InstallInvitation(LicenseKey licenseKey, String email, Language language, String codeHash, String invitedBy,
            Instant now, Instant expiresAt) {
        this.id = Ids.newId();
        this.licenseKey = Objects.requireNonNull(licenseKey);
        this.email = Objects.requireNonNull(email);
        this.language = Objects.requireNonNull(language);
        this.codeHash = Objects.requireNonNull(codeHash);
        this.invitedBy = Objects.requireNonNull(invitedBy);
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    public Status statusAt(Instant now) {
        if (usedAt != null) {
            return Status.USED;
        }
        if (revokedAt != null) {
            return Status.REVOKED;
        }
        return now.isBefore(expiresAt) ? Status.PENDING : Status.EXPIRED;
    }

    /** The code activated a computer (I3): it works no more. */
    public void use(String byActivationId, Instant now) {
        this.usedAt = now;
        this.activationId = byActivationId;
    }

    public void revoke(Instant now) {
        this.revokedAt = now;
    }

    /** Resent (I4): a new code replaces the old one, valid for as long again as the invitation first was. */
    public void renew(String newCodeHash, Instant now) {
        Duration validity = Duration.between(createdAt, expiresAt);
        this.codeHash = Objects.requireNonNull(newCodeHash);
        this.expiresAt = now.plus(validity);
        this.expiredAt = null;
    }

    /** The sweep records what the clock already decided (E2). */
    public void markExpired(Instant now) {
        if (expiredAt == null) {
            this.expiredAt = now;
        }
    }

    public void sentAs(String outboxEmailId) {
        this.emailId = outboxEmailId;
    }

    public String getId() {
        return id;
    }

    public LicenseKey getLicenseKey() {
        return licenseKey;
    }

    public String getEmail() {
        return email;
    }

    public Language getLanguage() {
        return language;
    }

    public String getCodeHash() {
        return codeHash;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getUsedAt() {
        return usedAt;
    }

    public String getActivationId() {
        return activationId;
    }

    public Instant getExpiredAt() {
        return expiredAt;
    }

    public String getEmailId() {
        return emailId;
    }
}
