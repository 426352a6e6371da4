package com.keyhold.mail;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/** Starts sending an email once the transaction that wrote it has committed, never before. */
@ApplicationScoped
public class OutboxDispatcher {

    @EJB
    EmailSender sender;

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) EmailQueued queued) {
        sender.sendSoon(queued.emailId());
    }
}
