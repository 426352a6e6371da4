package com.keyhold.support;

import com.keyhold.persistence.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One message of a ticket's conversation (SPEC T1); an agent's internal note is never shown to the customer. */
@Entity
@Table(name = "ticket_messages")
public class TicketMessage {

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "ticket_id", nullable = false, length = 36)
    private String ticketId;

    @Column(name = "author_id", length = 36)
    private String authorId;

    @Column(name = "author_name", nullable = false, length = 254)
    private String authorName;

    @Column(name = "from_agent", nullable = false)
    private boolean fromAgent;

    @Column(nullable = false)
    private boolean internal;

    @Column(nullable = false)
    private String body;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected TicketMessage() {
    }

    public TicketMessage(String ticketId, String authorId, String authorName, boolean fromAgent, boolean internal, String body,
            Instant now) {
        this.id = Ids.newId();
        this.ticketId = ticketId;
        this.authorId = authorId;
        this.authorName = authorName;
        this.fromAgent = fromAgent;
        this.internal = internal;
        this.body = body;
        this.createdAt = now;
    }

    public String getId() {
        return id;
    }

    public String getTicketId() {
        return ticketId;
    }

    public String getAuthorId() {
        return authorId;
    }

    public String getAuthorName() {
        return authorName;
    }

    public boolean isFromAgent() {
        return fromAgent;
    }

    public boolean isInternal() {
        return internal;
    }

    public String getBody() {
        return body;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
