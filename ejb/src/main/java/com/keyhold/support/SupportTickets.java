package com.keyhold.support;

import com.keyhold.account.AccountAccess;
import com.keyhold.account.Membership;
import com.keyhold.account.Permissions;
import com.keyhold.activity.ActivityActions;
import com.keyhold.activity.ActivityLog;
import com.keyhold.common.ErrorCode;
import com.keyhold.common.KeyholdException;
import com.keyhold.common.Validation;
import com.keyhold.common.Violation;
import com.keyhold.mail.EmailKind;
import com.keyhold.mail.Mailer;
import com.keyhold.subscription.OperatorAccess;
import com.keyhold.subscription.Product;
import com.keyhold.user.User;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Support tickets (SPEC T1, T2). Customers: any member of an account creates tickets and sees their
 * own; the account's administrators see all of its tickets; whoever sees a ticket may reply to it,
 * close it, reopen a resolved one and rate a resolved one; only its owner adds and removes watchers,
 * who must be other administrators of the account. A ticket the caller may not see answers "not
 * found", exactly as one of another account. Agents (operators) see every account's tickets, reply,
 * add internal notes the customer never sees, and change the status. T2: every change is emailed to
 * the owner and the watchers, each in their own language, never to the one who made it.
 */
@Stateless
public class SupportTickets {

    public static final int MAX_BODY = 20_000;
    public static final int MAX_LIST = 500;
    public static final int MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

    @PersistenceContext(unitName = "keyhold")
    EntityManager em;

    @Inject
    Clock clock;

    @EJB
    AccountAccess access;

    @EJB
    OperatorAccess operators;

    @EJB
    ActivityLog activityLog;

    @EJB
    Mailer mailer;

    // ---- customers

    public TicketView create(String userId, String accountId, TicketDraft draft) {
        Membership member = access.actingMembership(userId, accountId);
        requireActive(member);
        List<Violation> violations = new ArrayList<>();
        Product product = draft == null || draft.product() == null ? null
                : em.find(Product.class, draft.product().strip().toUpperCase(Locale.ROOT));
        if (product == null) {
            violations.add(new Violation("product", "is required: a product of the catalogue"));
        }
        String category = required(draft == null ? null : draft.category(), "category", 100, violations);
        String subject = required(draft == null ? null : draft.subject(), "subject", 200, violations);
        String description = required(draft == null ? null : draft.description(), "description", MAX_BODY, violations);
        Validation.require(violations);
        Instant now = clock.instant();
        SupportTicket ticket = new SupportTicket(member.getAccount().getId(), userId, product.getCode(), category, subject, now);
        em.persist(ticket);
        em.persist(new TicketMessage(ticket.getId(), userId, member.getUser().getEmail(), false, false, description, now));
        em.flush();
        em.refresh(ticket); // the number the database gave it
        activityLog.record(ticket.getAccountId(), ActivityActions.TICKET_CREATED, ActivityActions.TICKET, ticket.getId(),
                "ticket #" + ticket.getNumber() + " '" + subject + "' opened about " + product.getCode());
        return view(ticket, false);
    }

    /**
     * T4's Request Support: a ticket from the description typed on the Support page, its subject the
     * company's name and the description's beginning (as the seed's tickets are named).
     */
    public TicketView requestSupport(String userId, String accountId, String product, String category, String description) {
        Membership member = access.actingMembership(userId, accountId);
        String text = description == null ? "" : description.strip().replaceAll("\\s+", " ");
        String start = text.length() > 120 ? text.substring(0, 117) + "..." : text;
        String subject = text.isEmpty() ? null : (member.getAccount().getName() + ": " + start);
        return create(userId, accountId, new TicketDraft(product, category == null || category.isBlank() ? "General" : category,
                subject == null || subject.length() <= 200 ? subject : subject.substring(0, 200), description));
    }

    /** A page of tickets and how many there are in all. */
    public record TicketPage(List<TicketView> rows, long total) implements java.io.Serializable {
    }

    /** The caller's tickets (administrators: the account's), newest change first; {@code status} null for all. */
    public List<TicketView> list(String userId, String accountId, SupportTicket.Status status) {
        return page(userId, accountId, status, 0, MAX_LIST).rows();
    }

    /** {@link #list} a page at a time (My Tickets' lazy table). */
    public TicketPage page(String userId, String accountId, SupportTicket.Status status, int first, int size) {
        Membership member = access.actingMembership(userId, accountId);
        requireActive(member);
        String ownerId = Permissions.of(member).managesAccount() ? null : userId;
        return ticketPage(member.getAccount().getId(), ownerId, status, first, size, false);
    }

    private TicketPage ticketPage(String accountId, String ownerId, SupportTicket.Status status, int first, int size,
            boolean agent) {
        String where = " WHERE (:accountId IS NULL OR t.accountId = :accountId) AND (:ownerId IS NULL OR t.ownerId = :ownerId)"
                + " AND (:status IS NULL OR t.status = :status)";
        long total = em.createQuery("SELECT COUNT(t) FROM SupportTicket t" + where, Long.class)
                .setParameter("accountId", accountId).setParameter("ownerId", ownerId).setParameter("status", status)
                .getSingleResult();
        List<TicketView> rows = em.createQuery("SELECT t FROM SupportTicket t" + where + " ORDER BY t.updatedAt DESC, t.id",
                        SupportTicket.class)
                .setParameter("accountId", accountId).setParameter("ownerId", ownerId).setParameter("status", status)
                .setFirstResult(Math.max(0, first)).setMaxResults(Math.max(1, Math.min(size, MAX_LIST)))
                .getResultStream().map(t -> view(t, agent)).toList();
        return new TicketPage(rows, total);
    }

    public TicketView get(String userId, String accountId, String ticketId) {
        return withConversation(visible(userId, accountId, ticketId, false), false);
    }

    public TicketView reply(String userId, String accountId, String ticketId, String body) {
        SupportTicket ticket = visible(userId, accountId, ticketId, true);
        String text = requiredBody(body);
        if (ticket.getStatus() == SupportTicket.Status.CLOSED) {
            throw new KeyholdException(ErrorCode.FORBIDDEN, "This ticket is closed; reopening is for resolved tickets, open a new one.");
        }
        Instant now = clock.instant();
        User author = em.find(User.class, userId);
        em.persist(new TicketMessage(ticket.getId(), userId, author.getEmail(), false, false, text, now));
        ticket.moveTo(SupportTicket.Status.OPEN, now);
        notifyChange(ticket, userId, "reply");
        return withConversation(ticket, false);
    }

    public TicketView close(String userId, String accountId, String ticketId) {
        SupportTicket ticket = visible(userId, accountId, ticketId, true);
        if (ticket.getStatus() == SupportTicket.Status.CLOSED) {
            return withConversation(ticket, false);
        }
        ticket.moveTo(SupportTicket.Status.CLOSED, clock.instant());
        activityLog.record(ticket.getAccountId(), ActivityActions.TICKET_CLOSED, ActivityActions.TICKET, ticket.getId(),
                "ticket #" + ticket.getNumber() + " closed");
        notifyChange(ticket, userId, "closed");
        return withConversation(ticket, false);
    }

    public TicketView reopen(String userId, String accountId, String ticketId) {
        SupportTicket ticket = visible(userId, accountId, ticketId, true);
        if (ticket.getStatus() != SupportTicket.Status.RESOLVED) {
            throw new KeyholdException(ErrorCode.FORBIDDEN, "Only a resolved ticket can be reopened.");
        }
        ticket.moveTo(SupportTicket.Status.OPEN, clock.instant());
        activityLog.record(ticket.getAccountId(), ActivityActions.TICKET_REOPENED, ActivityActions.TICKET, ticket.getId(),
                "ticket #" + ticket.getNumber() + " reopened");
        notifyChange(ticket, userId, "reopened");
        return withConversation(ticket, false);
    }

    public TicketView survey(String userId, String accountId, String ticketId, Integer rating, String text) {
        SupportTicket ticket = visible(userId, accountId, ticketId, true);
        if (ticket.getStatus() != SupportTicket.Status.RESOLVED) {
            throw new KeyholdException(ErrorCode.FORBIDDEN, "The survey is for resolved tickets.");
        }
        if (rating == null || rating < 1 || rating > 5) {
            throw KeyholdException.badRequest("rating", "must be 1 to 5");
        }
        String feedback = text == null || text.isBlank() ? null : text.strip();
        if (feedback != null && feedback.length() > 2000) {
            throw KeyholdException.badRequest("text", "up to 2000 characters");
        }
        ticket.rate(rating, feedback, clock.instant());
        return withConversation(ticket, false);
    }

    /** T2: the owner adds another administrator of the account as a watcher. */
    public TicketView addWatcher(String userId, String accountId, String ticketId, String watcherId) {
        SupportTicket ticket = owned(userId, accountId, ticketId);
        boolean administrator = watcherId != null && watcherId.length() <= 36 && !watcherId.equals(ticket.getOwnerId())
                && em.createQuery("SELECT m FROM Membership m WHERE m.account.id = :accountId AND m.user.id = :userId",
                                Membership.class).setParameter("accountId", ticket.getAccountId())
                        .setParameter("userId", watcherId).getResultStream()
                        .anyMatch(m -> !m.isBlocked() && Permissions.of(m).managesAccount());
        if (!administrator) {
            throw KeyholdException.notFound("Administrator");
        }
        if (ticket.addWatcher(watcherId)) {
            activityLog.record(ticket.getAccountId(), ActivityActions.TICKET_WATCHER_ADDED, ActivityActions.TICKET, ticket.getId(),
                    "ticket #" + ticket.getNumber() + ": watcher " + em.find(User.class, watcherId).getEmail() + " added");
        }
        return withConversation(ticket, false);
    }

    /** T2: the administrators the owner may add as watchers (not the owner, not those already watching). */
    public List<TicketView.Person> watcherCandidates(String userId, String accountId, String ticketId) {
        SupportTicket ticket = owned(userId, accountId, ticketId);
        return em.createQuery("SELECT m FROM Membership m WHERE m.account.id = :accountId ORDER BY m.user.email", Membership.class)
                .setParameter("accountId", ticket.getAccountId()).getResultStream()
                .filter(m -> !m.isBlocked() && Permissions.of(m).managesAccount())
                .map(Membership::getUser)
                .filter(u -> !u.getId().equals(ticket.getOwnerId()) && !ticket.getWatcherIds().contains(u.getId()))
                .map(u -> new TicketView.Person(u.getId(), u.getEmail())).toList();
    }

    public TicketView removeWatcher(String userId, String accountId, String ticketId, String watcherId) {
        SupportTicket ticket = owned(userId, accountId, ticketId);
        if (!ticket.removeWatcher(watcherId)) {
            throw KeyholdException.notFound("Watcher");
        }
        User watcher = em.find(User.class, watcherId);
        activityLog.record(ticket.getAccountId(), ActivityActions.TICKET_WATCHER_REMOVED, ActivityActions.TICKET, ticket.getId(),
                "ticket #" + ticket.getNumber() + ": watcher " + (watcher == null ? watcherId : watcher.getEmail()) + " removed");
        return withConversation(ticket, false);
    }

    /**
     * Attaches a file (at most {@value #MAX_ATTACHMENT_BYTES} bytes) to a ticket the caller may see and that
     * is not closed: its type is decided on its content (an executable renamed .png, an SVG or an HTML page is
     * refused), its name is made safe, and it is stored under a generated id.
     */
    public TicketView.Attachment attach(String userId, String accountId, String ticketId, String fileName, byte[] content) {
        SupportTicket ticket = visible(userId, accountId, ticketId, true);
        if (ticket.getStatus() == SupportTicket.Status.CLOSED) {
            throw new KeyholdException(ErrorCode.FORBIDDEN, "This ticket is closed.");
        }
        TicketAttachment attachment = storedAttachment(ticket, userId, fileName, content);
        notifyChange(ticket, userId, "reply");
        return new TicketView.Attachment(attachment.getId(), attachment.getFileName(), attachment.getContentType(),
                attachment.getSizeBytes(), attachment.getSha256(), attachment.getCreatedAt());
    }

    /** An attachment of a ticket the caller may see; any other is "not found". */
    public TicketAttachment attachment(String userId, String accountId, String ticketId, String attachmentId) {
        SupportTicket ticket = visible(userId, accountId, ticketId, false);
        return attachmentOf(ticket, attachmentId);
    }

    public TicketAttachment agentAttachment(String ticketId, String attachmentId) {
        operators.requireOperator();
        return attachmentOf(anyTicket(ticketId, false), attachmentId);
    }

    private TicketAttachment attachmentOf(SupportTicket ticket, String attachmentId) {
        TicketAttachment attachment = attachmentId == null || attachmentId.length() > 36 ? null
                : em.find(TicketAttachment.class, attachmentId);
        if (attachment == null || !attachment.getTicketId().equals(ticket.getId())) {
            throw KeyholdException.notFound("Attachment");
        }
        return attachment;
    }

    private TicketAttachment storedAttachment(SupportTicket ticket, String userId, String fileName, byte[] content) {
        com.keyhold.download.UploadedFiles.Accepted accepted = com.keyhold.download.UploadedFiles.accept(fileName, content,
                MAX_ATTACHMENT_BYTES, "An attachment may have at most 10 MB.");
        String name = accepted.fileName();
        String type = accepted.contentType();
        Instant now = clock.instant();
        TicketAttachment attachment = new TicketAttachment(ticket.getId(), name, type, accepted.sha256(), content, userId, now);
        em.persist(attachment);
        ticket.moveTo(ticket.getStatus(), now);
        activityLog.record(ticket.getAccountId(), ActivityActions.TICKET_ATTACHED, ActivityActions.TICKET, ticket.getId(),
                "ticket #" + ticket.getNumber() + ": file '" + name + "' (" + type + ", " + content.length + " bytes) attached");
        return attachment;
    }

    // ---- agents (operators)

    public List<TicketView> all(SupportTicket.Status status, String accountId) {
        return agentPage(status, accountId, 0, MAX_LIST).rows();
    }

    /** The Support Desk's table: every account's tickets (or one account's), a page at a time. */
    public TicketPage agentPage(SupportTicket.Status status, String accountId, int first, int size) {
        operators.requireOperator();
        return ticketPage(accountId == null || accountId.isBlank() ? null : accountId, null, status, first, size, true);
    }

    /** An account the Support Desk may filter on. */
    public record AccountChoice(String id, String name) implements java.io.Serializable {
    }

    /** The accounts that have tickets, by name: the Support Desk's account filter. */
    public List<AccountChoice> accountsWithTickets() {
        operators.requireOperator();
        return em.createQuery("SELECT a.id, a.name FROM Account a WHERE a.id IN (SELECT t.accountId FROM SupportTicket t)"
                        + " ORDER BY a.name, a.id", Object[].class).setMaxResults(MAX_LIST).getResultStream()
                .map(r -> new AccountChoice((String) r[0], (String) r[1])).toList();
    }

    public TicketView agentView(String ticketId) {
        operators.requireOperator();
        return withConversation(anyTicket(ticketId, false), true);
    }

    /** An agent's answer (the customer's turn: Awaiting reply) or internal note (status unchanged, no email). */
    public TicketView answer(String ticketId, String body, boolean internal) {
        String agentId = operators.requireOperator();
        SupportTicket ticket = anyTicket(ticketId, true);
        String text = requiredBody(body);
        Instant now = clock.instant();
        em.persist(new TicketMessage(ticket.getId(), agentId, "Keyhold Support", true, internal, text, now));
        if (!internal) {
            ticket.moveTo(SupportTicket.Status.AWAITING_REPLY, now);
            notifyChange(ticket, agentId, "reply");
        }
        activityLog.record(ticket.getAccountId(), ActivityActions.TICKET_ANSWERED, ActivityActions.TICKET, ticket.getId(),
                "ticket #" + ticket.getNumber() + (internal ? ": internal note added" : ": answered by support"));
        return withConversation(ticket, true);
    }

    public TicketView setStatus(String ticketId, SupportTicket.Status status) {
        String agentId = operators.requireOperator();
        if (status == null) {
            throw KeyholdException.badRequest("status", "must be OPEN, AWAITING_REPLY, RESOLVED or CLOSED");
        }
        SupportTicket ticket = anyTicket(ticketId, true);
        if (ticket.getStatus() != status) {
            SupportTicket.Status before = ticket.getStatus();
            ticket.moveTo(status, clock.instant());
            activityLog.record(ticket.getAccountId(), ActivityActions.TICKET_STATUS_CHANGED, ActivityActions.TICKET,
                    ticket.getId(), "ticket #" + ticket.getNumber() + ": " + before + " -> " + status);
            notifyChange(ticket, agentId, "status." + status);
        }
        return withConversation(ticket, true);
    }

    // ---- common

    /** T2: the owner and the watchers, each in their language, but never the one who made the change. */
    private void notifyChange(SupportTicket ticket, String actorId, String what) {
        Set<String> recipients = new LinkedHashSet<>();
        recipients.add(ticket.getOwnerId());
        recipients.addAll(ticket.getWatcherIds());
        recipients.remove(actorId);
        for (String recipientId : recipients) {
            User user = em.find(User.class, recipientId);
            if (user != null) {
                mailer.queue(EmailKind.TICKET_UPDATED, user.getEmail(), user.getLanguage(), user.getFirstName(),
                        String.valueOf(ticket.getNumber()), ticket.getSubject(),
                        com.keyhold.mail.EmailTemplates.phrase(user.getLanguage(), "ticketUpdated.what." + what),
                        com.keyhold.common.Links.to("/app/tickets.xhtml?ticket=" + ticket.getId()));
            }
        }
    }

    private SupportTicket visible(String userId, String accountId, String ticketId, boolean lock) {
        Membership member = access.actingMembership(userId, accountId);
        requireActive(member);
        SupportTicket ticket = find(ticketId, lock);
        boolean maySee = ticket != null && ticket.getAccountId().equals(member.getAccount().getId())
                && (ticket.getOwnerId().equals(userId) || Permissions.of(member).managesAccount());
        if (!maySee) {
            throw KeyholdException.notFound("Ticket");
        }
        return ticket;
    }

    /** T2: only the owner manages the watchers; others who may see the ticket are refused, others get "not found". */
    private SupportTicket owned(String userId, String accountId, String ticketId) {
        SupportTicket ticket = visible(userId, accountId, ticketId, true);
        if (!ticket.getOwnerId().equals(userId)) {
            throw new KeyholdException(ErrorCode.FORBIDDEN, "Only the ticket's owner adds and removes watchers.");
        }
        return ticket;
    }

    private SupportTicket anyTicket(String ticketId, boolean lock) {
        SupportTicket ticket = find(ticketId, lock);
        if (ticket == null) {
            throw KeyholdException.notFound("Ticket");
        }
        return ticket;
    }

    private SupportTicket find(String ticketId, boolean lock) {
        if (ticketId == null || ticketId.length() > 36) {
            return null;
        }
        return lock ? em.find(SupportTicket.class, ticketId, LockModeType.PESSIMISTIC_WRITE) : em.find(SupportTicket.class, ticketId);
    }

    private static void requireActive(Membership member) {
        if (member.isBlocked()) {
            throw new KeyholdException(ErrorCode.FORBIDDEN, "Your access to this account is blocked.");
        }
    }

    private TicketView withConversation(SupportTicket ticket, boolean agent) {
        List<TicketView.Message> messages = em.createQuery("SELECT m FROM TicketMessage m WHERE m.ticketId = :id"
                        + (agent ? "" : " AND m.internal = FALSE") + " ORDER BY m.createdAt, m.id", TicketMessage.class)
                .setParameter("id", ticket.getId()).getResultStream()
                .map(m -> new TicketView.Message(m.getId(), m.getAuthorName(), m.isFromAgent(), m.isInternal(), m.getBody(),
                        m.getCreatedAt()))
                .toList();
        // the columns only: an attachment's bytes are read when it is fetched, never for the ticket
        List<TicketView.Attachment> attachments = em.createQuery("SELECT a.id, a.fileName, a.contentType, a.sizeBytes, a.sha256,"
                        + " a.createdAt FROM TicketAttachment a WHERE a.ticketId = :id ORDER BY a.createdAt, a.id", Object[].class)
                .setParameter("id", ticket.getId()).getResultStream()
                .map(r -> new TicketView.Attachment((String) r[0], (String) r[1], (String) r[2], ((Number) r[3]).longValue(),
                        (String) r[4], (Instant) r[5])).toList();
        TicketView base = view(ticket, agent);
        return new TicketView(base.id(), base.number(), base.accountId(), base.owner(), base.product(), base.category(),
                base.subject(), base.status(), base.surveyRating(), base.surveyText(), base.watchers(), base.createdAt(),
                base.updatedAt(), messages, attachments);
    }

    private TicketView view(SupportTicket ticket, boolean agent) {
        User owner = em.find(User.class, ticket.getOwnerId());
        List<TicketView.Person> watchers = ticket.getWatcherIds().stream().map(id -> em.find(User.class, id))
                .filter(u -> u != null).map(u -> new TicketView.Person(u.getId(), u.getEmail())).toList();
        return new TicketView(ticket.getId(), ticket.getNumber() == null ? 0 : ticket.getNumber(), ticket.getAccountId(),
                new TicketView.Person(ticket.getOwnerId(), owner == null ? null : owner.getEmail()), ticket.getProductCode(),
                ticket.getCategory(), ticket.getSubject(), ticket.getStatus(), ticket.getSurveyRating(), ticket.getSurveyText(),
                watchers, ticket.getCreatedAt(), ticket.getUpdatedAt(), List.of(), List.of());
    }

    private static String requiredBody(String body) {
        if (body == null || body.isBlank() || body.length() > MAX_BODY) {
            throw KeyholdException.badRequest("body", "is required, up to " + MAX_BODY + " characters");
        }
        return body.strip();
    }

    private static String required(String value, String field, int max, List<Violation> violations) {
        if (value == null || value.isBlank() || value.strip().length() > max) {
            violations.add(new Violation(field, "is required, up to " + max + " characters"));
            return null;
        }
        return value.strip();
    }
}
