package com.keyhold.activity;

import java.time.Instant;

/**
 * One entry as the Activity page and the APIs show it. A class with getters rather than a record,
 * because pages read it through Expression Language 5, which does not see record accessors.
 */
public final class ActivityItem {

    private final String id;
    private final Instant at;
    private final String actorId;
    private final String actorEmail;
    private final String accountId;
    private final String action;
    private final String objectType;
    private final String objectId;
    private final String summary;
    private final String ip;

    ActivityItem(ActivityEntry entry) {
        this.id = entry.getId();
        this.at = entry.getAt();
        this.actorId = entry.getActorId();
        this.actorEmail = entry.getActorEmail();
        this.accountId = entry.getAccountId();
        this.action = entry.getAction();
        this.objectType = entry.getObjectType();
        this.objectId = entry.getObjectId();
        this.summary = entry.getSummary();
        this.ip = entry.getIp();
    }

    public String getId() {
        return id;
    }

    public Instant getAt() {
        return at;
    }

    /** Null when the action was anonymous (a new user joining through an invitation link). */
    public String getActorId() {
        return actorId;
    }

    /** The actor's email when they acted. */
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
