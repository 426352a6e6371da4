package com.keyhold.support;

import com.keyhold.persistence.Ids;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A support ticket (SPEC T1): opened by a member of an account about a product, answered by the
 * vendor's agents, watched by other administrators of the account (T2). Its status moves as the
 * conversation does: a customer's message leaves it Open (the agents' turn), an agent's reply makes it
 * Awaiting reply (the customer's turn); an agent resolves it; the customer closes it, reopens a
 * resolved one, and rates a resolved one.
 */
@Entity
@Table(name = "support_tickets")
public class SupportTicket {

    /** SPEC T1's statuses. */
    public enum Status {
        OPEN, AWAITING_REPLY, RESOLVED, CLOSED
    }

    @Id
    @Column(length = 36)
    private String id;

    /** The number people quote on the phone; assigned by the database. */
    @Column(insertable = false, updatable = false)
    private Long number;

    @Column(name = "account_id", nullable = false, length = 36)
    private String accountId;

    @Column(name = "owner_id", nullable = false, length = 36)
    private String ownerId;

    @Column(name = "product_code", nullable = false, length = 32)
    private String productCode;

    @Column(nullable = false, length = 100)
    private String category;

    @Column(nullable = false, length = 200)
    private String subject;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status;

    @Column(name = "survey_rating")
    private Integer surveyRating;

    @Column(name = "survey_text", length = 2000)
    private String surveyText;

    @ElementCollection
    @CollectionTable(name = "ticket_watchers", joinColumns = @JoinColumn(name = "ticket_id"))
    @Column(name = "user_id", length = 36)
    private Set<String> watcherIds = new LinkedHashSet<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected SupportTicket() {
    }

    public SupportTicket(String accountId, String ownerId, String productCode, String category, String subject, Instant now) {
        this.id = Ids.newId();
        this.accountId = accountId;
        this.ownerId = ownerId;
        this.productCode = productCode;
        this.category = category;
        this.subject = subject;
        this.status = Status.OPEN;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void moveTo(Status newStatus, Instant now) {
        this.status = newStatus;
        this.updatedAt = now;
    }

    public void rate(int rating, String text, Instant now) {
        this.surveyRating = rating;
        this.surveyText = text;
        this.updatedAt = now;
    }

    public boolean addWatcher(String userId) {
        return watcherIds.add(userId);
    }

    public boolean removeWatcher(String userId) {
        return watcherIds.remove(userId);
    }

    public String getId() {
        return id;
    }

    public Long getNumber() {
        return number;
    }

    public String getAccountId() {
        return accountId;
    }

    public String getOwnerId() {
        return ownerId;
    }

    public String getProductCode() {
        return productCode;
    }

    public String getCategory() {
        return category;
    }

    public String getSubject() {
        return subject;
    }

    public Status getStatus() {
        return status;
    }

    public Integer getSurveyRating() {
        return surveyRating;
    }

    public String getSurveyText() {
        return surveyText;
    }

    public Set<String> getWatcherIds() {
        return Set.copyOf(watcherIds);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
