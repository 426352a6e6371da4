package com.keyhold.mail;

import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Sends outbox emails through the container's mail session ({@code java:app/mail/keyhold}): each
 * right after its transaction commits, on the container's async thread pool, and again by a timer
 * while it is due for a retry. Each attempt locks the email's row, so two threads or two cluster
 * members never send the same email twice.
 */
@Stateless
public class EmailSender {

    private static final Logger LOG = Logger.getLogger(EmailSender.class.getName());

    @Resource(lookup = "java:app/mail/keyhold")
    Session mailSession;

    @PersistenceContext(unitName = "keyhold")
    EntityManager em;

    @Inject
    Clock clock;

    @Resource
    SessionContext context;

    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void sendSoon(String emailId) {
        self().attempt(emailId);
    }

    /** Retries what failed (1, 2, 4… minutes apart by default) and anything a crash left unsent. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void retryDue() {
        List<String> due = em.createQuery("SELECT e.id FROM OutgoingEmail e WHERE e.nextAttemptAt <= :now ORDER BY e.nextAttemptAt",
                        String.class)
                .setParameter("now", clock.instant())
                .setMaxResults(200)
                .getResultList();
        due.forEach(self()::attempt);
    }

    /** One attempt, in its own transaction, holding the email's row lock while it talks to the SMTP server. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void attempt(String emailId) {
        OutgoingEmail email = em.find(OutgoingEmail.class, emailId, LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        if (email == null || !email.isDue(now)) {
            return;
        }
        try {
            MimeMessage message = new MimeMessage(mailSession);
            message.setFrom();
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(email.getRecipient(), true));
            message.setSubject(email.getSubject(), "UTF-8");
            message.setText(email.getBody(), "UTF-8");
            message.setHeader("Content-Language", email.getLanguage().name().toLowerCase(java.util.Locale.ROOT));
            message.setSentDate(Date.from(now));
            message.saveChanges();
            try (Transport transport = mailSession.getTransport()) {
                transport.connect(null, smtpPort(), null, null);
                transport.sendMessage(message, message.getAllRecipients());
            }
            email.sent(clock.instant());
            redactIfSecret(email);
        } catch (MessagingException | RuntimeException failure) {
            email.failed(failure.toString(), clock.instant(), Duration.ofSeconds(ConfigProvider.getConfig()
                    .getOptionalValue("keyhold.mail.retry-pause-seconds", Integer.class).orElse(60)));
            if (email.getNextAttemptAt() == null) {
                redactIfSecret(email); // given up: the link must not stay readable either
            }
            LOG.log(Level.WARNING, "Sending email {0} ({1}) failed, attempt {2}: {3}",
                    new Object[] {email.getId(), email.getKind(), email.getAttempts(), failure.toString()});
        }
    }

    /** A reset or invitation link is not kept readable in the outbox once it is no longer needed (issue 9). */
    private static void redactIfSecret(OutgoingEmail email) {
        boolean secret;
        try {
            secret = EmailKind.valueOf(email.getKind()).carriesSecret();
        } catch (IllegalArgumentException unknownKind) {
            secret = true; // a kind this version does not know: err on the safe side
        }
        if (secret) {
            email.redactBody();
        }
    }

    /**
     * The SMTP port, from {@code keyhold.mail.port} when configured. The mail resource carries it as a
     * custom property too, but Payara expands {@code ${...}} only in the resource's own attributes
     * (host, user, from), not reliably in its custom properties: a deployment was seen sending to
     * port 25 with {@code mail.smtp.port=${keyhold.mail.port}}. -1 leaves the session's own setting.
     */
    private static int smtpPort() {
        return ConfigProvider.getConfig().getOptionalValue("keyhold.mail.port", Integer.class).orElse(-1);
    }

    private EmailSender self() {
        return context.getBusinessObject(EmailSender.class);
    }
}
