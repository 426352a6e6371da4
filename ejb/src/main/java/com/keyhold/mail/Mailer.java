package com.keyhold.mail;

import com.keyhold.user.Language;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;

/**
 * Where services hand over an email (SPEC "Emails"). It is rendered in the recipient's language and
 * written to the outbox in the caller's transaction: if that transaction rolls back, nothing is sent;
 * once it commits, {@link OutboxDispatcher} has it sent off the request thread.
 */
@Stateless
public class Mailer {

    @PersistenceContext(unitName = "keyhold")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Event<EmailQueued> queued;

    /** @return the outbox email's id, to show later whether it went out */
    public String send(EmailKind kind, String recipient, Language language, Object... arguments) {
        OutgoingEmail email = write(kind, recipient, language, arguments);
        queued.fire(new EmailQueued(email.getId()));
        return email.getId();
    }

    /**
     * Like {@link #send}, but left for the outbox timer ({@link EmailSender#retryDue}, every 15 s, 200
     * at a time, one thread) instead of sent right after commit: for bulk mail written by a sweep,
     * which must not occupy the asynchronous pool or the mail server all at once.
     */
    public String queue(EmailKind kind, String recipient, Language language, Object... arguments) {
        return write(kind, recipient, language, arguments).getId();
    }

    private OutgoingEmail write(EmailKind kind, String recipient, Language language, Object... arguments) {
        EmailTemplates.Rendered rendered = EmailTemplates.render(kind, language, arguments);
        OutgoingEmail email = new OutgoingEmail(kind.name(), recipient, language, rendered.subject(), rendered.body(),
                clock.instant());
        em.persist(email);
        return email;
    }
}
