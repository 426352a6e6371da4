package com.keyhold.support;

/** A new ticket (SPEC T1): product, category, subject and description are all required. */
public record TicketDraft(String product, String category, String subject, String description) {
}
