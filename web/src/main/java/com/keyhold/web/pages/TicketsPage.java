package com.keyhold.web.pages;

import com.keyhold.common.KeyholdException;
import com.keyhold.support.SupportTicket;
import com.keyhold.support.SupportTickets;
import com.keyhold.support.TicketView;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * My Tickets (SPEC T1, T2; seed "Managing Support Tickets"): the caller's tickets (an administrator's:
 * the account's) with the status filter; a ticket's conversation with Reply, Close, Reopen (resolved)
 * and Survey (resolved); its Ticket Watchers, which the owner adds and removes. The rules are
 * {@link SupportTickets}'; the page shows what they refuse. The ticket's attachments are listed
 * with their links and a form that sends a file to {@link TicketAttachmentsServlet}; {@code ?ticket=}
 * opens a ticket (the emails' link).
 */
@Named
@ViewScoped
public class TicketsPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    @EJB
    SupportTickets tickets;

    @Inject
    SessionUser currentUser;

    private String accountId;
    private String status;
    private TicketLazyModel model;
    private TicketView ticket;
    private List<TicketView.Person> candidates = List.of();
    private String reply;
    private Integer rating;
    private String feedback;
    private String watcher;
    private String newProduct;
    private String newCategory;
    private String newSubject;
    private String newDescription;
    private List<String> categories = List.of();

    @EJB
    com.keyhold.support.KnowledgeBase knowledgeBase;

    @EJB
    com.keyhold.subscription.AccountSubscriptions subscriptions;

    private List<ProductChoice> productChoices = List.of();

    @PostConstruct
    void load() {
        accountId = currentUser.getSelectedAccountId();
        model = new TicketLazyModel(this::page);
        // the link of the T2 emails and where an attachment's upload comes back to: ?ticket={id}
        String ticketId = jakarta.faces.context.FacesContext.getCurrentInstance().getExternalContext()
                .getRequestParameterMap().get("ticket");
        if (ticketId != null && !ticketId.isBlank()) {
            open(ticketId);
        }
    }

    /**
     * The page's view action: the outcome of an attachment's upload, shown as the page's message. A view
     * action runs before the page renders, so the message is on this page, not the next.
     */
    public void showUploadOutcome() {
        PageUploads.showOutcome("tickets.attached");
    }

    private SupportTickets.TicketPage page(SupportTicket.Status wanted, int first, int size) {
        try {
            return tickets.page(currentUser.getUserId(), accountId, wanted, first, size);
        } catch (KeyholdException refused) {
            Messages.error(refused);
            return new SupportTickets.TicketPage(List.of(), 0);
        }
    }

    /** The status filter changed: the table starts again at its first page. */
    public void reload() {
        model.setStatus(status == null || status.isBlank() ? null : SupportTicket.Status.valueOf(status));
    }

    public void open(String ticketId) {
        try {
            show(tickets.get(currentUser.getUserId(), accountId, ticketId));
        } catch (KeyholdException refused) {
            Messages.error(refused);
        }
    }

    /** The New Ticket dialog opens on the selected product (the first of the catalogue) and its first category. */
    public void startNewTicket() {
        // the account's products, as its dashboard shows them
        productChoices = subscriptions.productCards(currentUser.getUserId(), accountId).stream()
                .map(card -> new ProductChoice(card.getProductCode(), card.getProductName())).toList();
        newProduct = productChoices.isEmpty() ? null : productChoices.get(0).code();
        newSubject = null;
        newDescription = null;
        productChosen();
    }

    public void productChosen() {
        categories = new java.util.ArrayList<>(knowledgeBase.categories(newProduct == null ? "" : newProduct).stream()
                .map(com.keyhold.support.KnowledgeBase.Category::name).toList());
        categories.add(Messages.text("tickets.categoryOther"));
        newCategory = categories.get(0);
    }

    public void createTicket() {
        com.keyhold.support.TicketDraft draft = new com.keyhold.support.TicketDraft(newProduct, newCategory, newSubject,
                newDescription);
        TicketView[] created = new TicketView[1];
        if (Messages.attempt(() -> created[0] = tickets.create(currentUser.getUserId(), accountId, draft))) {
            show(tickets.get(currentUser.getUserId(), accountId, created[0].id()));
            Messages.info("tickets.created", created[0].number());
            org.primefaces.PrimeFaces.current().ajax().addCallbackParam("created", true);
        }
    }

    public void sendReply() {
        act(() -> tickets.reply(currentUser.getUserId(), accountId, ticket.id(), reply));
        reply = null;
    }

    public void close() {
        act(() -> tickets.close(currentUser.getUserId(), accountId, ticket.id()));
    }

    public void reopen() {
        act(() -> tickets.reopen(currentUser.getUserId(), accountId, ticket.id()));
    }

    public void sendSurvey() {
        act(() -> tickets.survey(currentUser.getUserId(), accountId, ticket.id(), rating, feedback));
    }

    public void addWatcher() {
        act(() -> tickets.addWatcher(currentUser.getUserId(), accountId, ticket.id(), watcher));
        watcher = null;
    }

    public void removeWatcher(String userId) {
        act(() -> tickets.removeWatcher(currentUser.getUserId(), accountId, ticket.id(), userId));
    }

    private void act(java.util.function.Supplier<TicketView> action) {
        try {
            show(action.get());
        } catch (KeyholdException refused) {
            Messages.error(refused);
        }
    }

    private void show(TicketView view) {
        ticket = view;
        candidates = isOwner() ? tickets.watcherCandidates(currentUser.getUserId(), accountId, view.id()) : List.of();
    }

    public boolean isOwner() {
        return ticket != null && ticket.owner().userId().equals(currentUser.getUserId());
    }

    public String when(Instant instant) {
        return formatWhen(instant);
    }

    static String formatWhen(Instant instant) {
        return instant == null ? "" : WHEN.format(instant);
    }

    public List<String> getStatuses() {
        return java.util.Arrays.stream(SupportTicket.Status.values()).map(Enum::name).toList();
    }

    public TicketLazyModel getModel() {
        return model;
    }

    /** Where the page's upload form posts a file for the open ticket ({@link TicketAttachmentsServlet}). */
    public String getAttachmentsPath() {
        return ticket == null ? null : "/app/tickets/attachments/" + ticket.id();
    }

    public int getMaxAttachmentBytes() {
        return SupportTickets.MAX_ATTACHMENT_BYTES;
    }

    /** A size as people read it: 12 KB, 3.4 MB. */
    public String size(long bytes) {
        return formatSize(bytes);
    }

    static String formatSize(long bytes) {
        return bytes < 1024 * 1024 ? Math.max(1, Math.round(bytes / 1024.0)) + " KB"
                : String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    public TicketView getTicket() {
        return ticket;
    }

    public List<TicketView.Person> getCandidates() {
        return candidates;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getReply() {
        return reply;
    }

    public void setReply(String reply) {
        this.reply = reply;
    }

    public Integer getRating() {
        return rating;
    }

    public void setRating(Integer rating) {
        this.rating = rating;
    }

    public String getFeedback() {
        return feedback;
    }

    public void setFeedback(String feedback) {
        this.feedback = feedback;
    }

    /** A product the New Ticket dialog offers. */
    public record ProductChoice(String code, String name) implements Serializable {
    }

    public List<ProductChoice> getProducts() {
        return productChoices;
    }

    public List<String> getCategories() {
        return categories;
    }

    public String getNewProduct() {
        return newProduct;
    }

    public void setNewProduct(String newProduct) {
        this.newProduct = newProduct;
    }

    public String getNewCategory() {
        return newCategory;
    }

    public void setNewCategory(String newCategory) {
        this.newCategory = newCategory;
    }

    public String getNewSubject() {
        return newSubject;
    }

    public void setNewSubject(String newSubject) {
        this.newSubject = newSubject;
    }

    public String getNewDescription() {
        return newDescription;
    }

    public void setNewDescription(String newDescription) {
        this.newDescription = newDescription;
    }

    public String getWatcher() {
        return watcher;
    }

    public void setWatcher(String watcher) {
        this.watcher = watcher;
    }
}
