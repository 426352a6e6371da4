package com.keyhold.activity;

import com.keyhold.persistence.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One entry of the activity log: an administrative or operator action, recorded in the same
 * transaction as the action, so a refused or rolled-back action leaves no entry.
 *
 * <p><b>Append-only.</b> The application only inserts entries: there are no setters and no code path
 * that updates or deletes one. The actor's email and the summary are copied when the action happens,
 * so the entry still says what was true then after the user changes their email or the object is
 * renamed or deleted; for the same reason the table has no foreign keys. {@code seq} is filled by the
 * database (AUTO_INCREMENT) and orders entries of the same millisecond in the order they were written.
 *
 * <p>The summary is text for people and never holds a secret (full license keys, tokens, passwords):
 * callers mask keys ({@code LicenseKeyFormat.mask}). Text longer than a column is cut, never refused:
 * the log must not make an action fail.
 */
@Entity
@Table(name = "activity_log")
public class ActivityEntry {

    public static final int MAX_SUMMARY = 1000;
    public static final int MAX_ACTION = 64;
    public static final int MAX_OBJECT_TYPE = 40;
    public static final int MAX_OBJECT_ID = 64;
    public static final int MAX_EMAIL = 254;
    public static final int MAX_IP = 45;

    @Id
    @Column(length = 36)
    private String id;

    /** Written by the database; only read (for ordering). */
    @Column(insertable = false, updatable = false)
    private Long seq;

    @Column(nullable = false)
    private Instant at;

    @Column(name = "actor_id", length = 36, updatable = false)
    private String actorId;

    @Column(name = "actor_email", length = MAX_EMAIL, updatable = false)
    private String actorEmail;

    @Column(name = "account_id", length = 36, updatable = false)
    private String accountId;

    @Column(nullable = false, length = MAX_ACTION, updatable = false)
    private String action;

    @Column(name = "object_type", length = MAX_OBJECT_TYPE, updatable = false)
    private String objectType;

    @Column(name = "object_id", length = MAX_OBJECT_ID, updatable = false)
    private String objectId;

    @Column(length = MAX_SUMMARY, updatable = false)
    private String summary;

    @Column(length = MAX_IP, updatable = false)
    private String ip;

    protected ActivityEntry() {
    }

    /**
     * @param actorId the acting user, null for an anonymous caller or background work
     * @param accountId the account the action concerns, null when it concerns none yet (say, an issued
     *        subscription no account has registered)
     */
    public ActivityEntry(Instant at, String actorId, String actorEmail, String accountId, String action,
            String objectType, String objectId, String summary, String ip) {
        if (at == null || action == null || action.isBlank()) {
            throw new IllegalArgumentException("an activity entry needs a time and an action");
        }
        this.id = Ids.newId();
        this.at = at;
        this.actorId = actorId;
        this.actorEmail = cut(actorEmail, MAX_EMAIL);
        this.accountId = accountId;
        this.action = cut(action, MAX_ACTION);
        this.objectType = cut(objectType, MAX_OBJECT_TYPE);
        this.objectId = cut(objectId, MAX_OBJECT_ID);
        this.summary = cut(summary, MAX_SUMMARY);
        this.ip = cut(ip, MAX_IP);
    }

    /** The text, at most {@code max} characters (an ellipsis marks a cut), never splitting a surrogate pair. */
    public static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "\u2026";
    }

    public String getId() {
        return id;
    }

    public Long getSeq() {
        return seq;
    }

    public Instant getAt() {
        return at;
    }

    public String getActorId() {
        return actorId;
    }

    public String getActorEmail() {
        return actorEmail;
    }

    public String getAccountId() {
        return accountId;
    }

    public String getAction() {
        return action;
    }

    public String getObjectType() {
        return objectType;
    }

    public String getObjectId() {
        return objectId;
    }

    public String getSummary() {
        return summary;
    }

    public String getIp() {
        return ip;
    }
}
