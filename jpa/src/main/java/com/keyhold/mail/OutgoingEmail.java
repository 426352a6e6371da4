package com.keyhold.mail;

import com.keyhold.persistence.Ids;
import com.keyhold.user.Language;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * An email in the outbox: written in the transaction that causes it (so a rolled-back change sends
 * nothing), sent after that transaction commits, and retried with growing pauses until it goes out
 * or {@link #MAX_ATTEMPTS} have failed. {@code nextAttemptAt} is null once it needs no more work.
 */
@Entity
@Table(name = "outgoing_emails")
public class OutgoingEmail {

    public static final int MAX_ATTEMPTS = 8;

    @Id
    @Column(length = 36)
    private String id;

    @Column(nullable = false, length = 40)
    private String kind;

    @Column(nullable = false, length = 254)
    private String recipient;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 2)
    private Language language;

    @Column(nullable = false, length = 300)
    private String subject;

    @Column(nullable = false, length = 65535)
    private String body;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "last_error", length = 1000)
    private String lastError;

    protected OutgoingEmail() {
    }

    public OutgoingEmail(String kind, String recipient, Language language, String subject, String body, Instant now) {
        this.id = Ids.newId();
        this.kind = kind;
        this.recipient = recipient;
        this.language = language;
        this.subject = subject;
        this.body = body;
        this.createdAt = now;
        this.nextAttemptAt = now;
    }

    public void sent(Instant now) {
        this.attempts++;
        this.sentAt = now;
        this.nextAttemptAt = null;
        this.lastError = null;
    }

    /**
     * Replaces the body once it is no longer needed (sent, or given up) when it carried a secret
     * link (password reset, invitation), so that the outbox does not keep usable secrets readable.
     */
    public void redactBody() {
        this.body = REDACTED_BODY;
    }

    /** What a redacted body reads. */
    public static final String REDACTED_BODY = "[removed after sending: this email carried a one-time link]";

    /**
     * A failed attempt: retried after one pause, then twice, four times… as long, given up after
     * {@link #MAX_ATTEMPTS} (with a one-minute first pause, the last try is about two hours later).
     */
    public void failed(String error, Instant now, Duration firstPause) {
        this.attempts++;
        this.lastError = error == null ? "unknown error" : error.length() > 1000 ? error.substring(0, 1000) : error;
        this.nextAttemptAt = attempts >= MAX_ATTEMPTS ? null : now.plus(firstPause.multipliedBy(1L << (attempts - 1)));
    }

    /** Where delivery stands, as lists show it. */
    public enum Delivery {
        QUEUED, SENT, RETRYING, FAILED
    }

    public Delivery delivery() {
        if (sentAt != null) {
            return Delivery.SENT;
        }
        if (attempts == 0) {
            return Delivery.QUEUED;
        }
        return nextAttemptAt != null ? Delivery.RETRYING : Delivery.FAILED;
    }

    public boolean isDue(Instant now) {
        return nextAttemptAt != null && !nextAttemptAt.isAfter(now);
    }

    public String getId() {
        return id;
    }

    public String getKind() {
        return kind;
    }

    public String getRecipient() {
        return recipient;
    }

    public Language getLanguage() {
        return language;
    }

    public String getSubject() {
        return subject;
    }

    public String getBody() {
        return body;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public int getAttempts() {
        return attempts;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }
}
