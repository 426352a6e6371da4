package com.keyhold.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One sign-in attempt for an email, kept for throttling (SPEC A1) and the recent sign-ins (A9). */
@Entity
@Table(name = "sign_in_attempts")
public class SignInAttempt {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "email_normalized", nullable = false, length = EmailAddress.MAX_LENGTH)
    private String emailNormalized;

    @Column(name = "attempted_at", nullable = false)
    private Instant attemptedAt;

    @Column(nullable = false)
    private boolean succeeded;

    /** The client's address (behind trusted proxies), for the per-address throttle; null for old rows. */
    @Column(name = "client_address", length = 64)
    private String clientAddress;

    protected SignInAttempt() {
    }

    public SignInAttempt(String emailNormalized, Instant attemptedAt, boolean succeeded) {
        this.emailNormalized = emailNormalized;
        this.attemptedAt = attemptedAt;
        this.succeeded = succeeded;
    }

    /** An attempt claimed before the password is checked: a failure until {@link #markSucceeded}. */
    public static SignInAttempt claimed(String emailNormalized, String clientAddress, Instant attemptedAt) {
        SignInAttempt attempt = new SignInAttempt(emailNormalized, attemptedAt, false);
        attempt.clientAddress = clientAddress;
        return attempt;
    }

    public void markSucceeded() {
        this.succeeded = true;
    }

    public Long getId() {
        return id;
    }

    public String getClientAddress() {
        return clientAddress;
    }

    public Instant getAttemptedAt() {
        return attemptedAt;
    }

    public boolean isSucceeded() {
        return succeeded;
    }
}
