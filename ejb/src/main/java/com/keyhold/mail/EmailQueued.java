package com.keyhold.mail;

/** CDI event: an email was written to the outbox in the current transaction. */
public record EmailQueued(String emailId) {
}
