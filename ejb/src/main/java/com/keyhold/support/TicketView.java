package com.keyhold.support;

import java.time.Instant;
import java.util.List;

/**
 * A ticket as its viewer may see it (SPEC T1): customers never see agents' internal notes; an agent
 * sees them. {@code messages} is empty in lists.
 */
public record TicketView(String id, long number, String accountId, Person owner, String product, String category,
        String subject, SupportTicket.Status status, Integer surveyRating, String surveyText, List<Person> watchers,
        Instant createdAt, Instant updatedAt, List<Message> messages, List<Attachment> attachments)
        implements java.io.Serializable {

    /** A file attached to the ticket; its bytes are served by its own address. */
    public record Attachment(String id, String fileName, String contentType, long sizeBytes, String sha256, Instant at)
            implements java.io.Serializable {
    }

    /** A user named in a ticket. */
    public record Person(String userId, String email) implements java.io.Serializable {
    }

    /** One message of the conversation. */
    public record Message(String id, String author, boolean fromAgent, boolean internal, String body, Instant at)
            implements java.io.Serializable {
    }
}
