package com.keyhold.account;

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
import java.time.Instant;

/**
 * An invitation to join a business account (SPEC A5): sent to an email address with a single-use
 * token of which only the hash is kept. It works until it is accepted, revoked or past its expiry
 * (E2: the expiry instant decides, whatever a sweep does).
 */
@Entity
@Table(name = "member_invitations")
@NamedQuery(name = "MemberInvitation.byTokenHash",
        query = "SELECT i FROM MemberInvitation i JOIN FETCH i.account WHERE i.tokenHash = :hash")
@NamedQuery(name = "MemberInvitation.expiredUnmarked",
        query = "SELECT i.id FROM MemberInvitation i WHERE i.expiredAt IS NULL AND i.acceptedAt IS NULL"
                + " AND i.revokedAt IS NULL AND i.expiresAt <= :now ORDER BY i.expiresAt, i.id")
@NamedQuery(name = "MemberInvitation.ofAccount",
        query = "SELECT i FROM MemberInvitation i WHERE i.account.id = :account ORDER BY i.createdAt DESC, i.id")
public class MemberInvitation {

    /** What an invitation is at a given instant. */
    public enum Status {
        PENDING, ACCEPTED, EXPIRED, REVOKED
    }

    @Id
    @Column(length = 36)
    private String id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "account_id")
    private Account account;

    @Column(nullable = false, length = 254)
    private String email;

    @Column(name = "email_normalized", nullable = false, length = 254)
    private String emailNormalized;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 2)
    private Language language;

    /** Set when the invitee is to become license administrator of this key (the key dialog's invite). */
    @Column(name = "license_key_id", length = 36)
    private String licenseKeyId;

    @Column(name = "token_hash", nullable = false, length = 64)
    private String tokenHash;

    @Column(name = "invited_by", nullable = false, length = 36)
    private String invitedBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "accepted_at")
    private Instant acceptedAt;

    @Column(name = "accepted_by", length = 36)
    private String acceptedBy;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    /** When the invitation sweep recorded its expiry (E2); the expiry instant itself decides. */
    @Column(name = "expired_at")
    private Instant expiredAt;

    /** The outbox email that carries the link, so the list can show whether it went out. */
    @Column(name = "email_id", length = 36)
    private String emailId;

    protected MemberInvitation() {
    }

    public MemberInvitation(Account account, String email, String emailNormalized, Language language,
            String licenseKeyId, String tokenHash, String invitedBy, Instant now, Instant expiresAt) {
        this.id = Ids.newId();
        this.account = account;
        this.email = email;
        this.emailNormalized = emailNormalized;
        this.language = language;
        this.licenseKeyId = licenseKeyId;
        this.tokenHash = tokenHash;
        this.invitedBy = invitedBy;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    public Status statusAt(Instant now) {
        if (acceptedAt != null) {
            return Status.ACCEPTED;
        }
        if (revokedAt != null) {
            return Status.REVOKED;
        }
        return now.isBefore(expiresAt) ? Status.PENDING : Status.EXPIRED;
    }

    public void accept(String userId, Instant now) {
        this.acceptedAt = now;
        this.acceptedBy = userId;
    }

    public void revoke(Instant now) {
        this.revokedAt = now;
    }

    /** The sweep records what the clock already decided (E2). */
    public void markExpired(Instant now) {
        if (expiredAt == null) {
            this.expiredAt = now;
        }
    }

    public Instant getExpiredAt() {
        return expiredAt;
    }

    public void sentAs(String outgoingEmailId) {
        this.emailId = outgoingEmailId;
    }

    public String getEmailId() {
        return emailId;
    }

    public String getId() {
        return id;
    }

    public Account getAccount() {
        return account;
    }

    public String getEmail() {
        return email;
    }

    public String getEmailNormalized() {
        return emailNormalized;
    }

    public Language getLanguage() {
        return language;
    }

    public String getLicenseKeyId() {
        return licenseKeyId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }
}
