package com.keyhold.security;

import com.keyhold.user.User;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** "Keep me signed in" (SPEC A1): a long-lived browser cookie whose hash is kept so it can be revoked. */
@Entity
@Table(name = "remember_me_tokens")
public class RememberMeToken {

    @Id
    @Column(name = "token_hash", length = 64)
    private String tokenHash;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "user_id")
    private User user;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected RememberMeToken() {
    }

    public RememberMeToken(String tokenHash, User user, Instant now, Instant expiresAt) {
        this.tokenHash = tokenHash;
        this.user = user;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    public boolean isUsableAt(Instant now) {
        return now.isBefore(expiresAt);
    }

    /**
     * Replaced by a new token (rotation on use): this one still works for {@code grace}, for the
     * requests the browser had already sent with it, then ends.
     */
    public void retire(Instant now, java.time.Duration grace) {
        Instant end = now.plus(grace);
        if (end.isBefore(expiresAt)) {
            this.expiresAt = end;
        }
    }

    /** Whether this token was already replaced by a newer one (it ends within {@code grace}). */
    public boolean isRetiredAt(Instant now, java.time.Duration grace) {
        return !expiresAt.isAfter(now.plus(grace));
    }

    public User getUser() {
        return user;
    }
}
