package com.keyhold.web.pages;

import com.keyhold.common.KeyholdException;
import com.keyhold.support.SupportTicket;
import com.keyhold.support.SupportTickets;
import com.keyhold.support.TicketView;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The operators' Support Desk (issue 16, SPEC T1 agents' side): every account's tickets a page at a
 * time, filtered by status and account; a ticket's conversation with the internal notes, which the
 * customer never sees; the agent's answer (the customer's turn: Awaiting reply, emailed per T2), an
 * internal note (no email), and the status. The rules are {@link SupportTickets}'.
 */
@Named
@ViewScoped
public class SupportDeskPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    SupportTickets tickets;

    private String status = SupportTicket.Status.OPEN.name();
    private String accountId;
    private List<SupportTickets.AccountChoice> accounts = List.of();
    private Map<String, String> accountNames = Map.of();
    private TicketLazyModel model;
    private TicketView ticket;
    private String answer;
    private String newStatus;

    @PostConstruct
    void load() {
        model = new TicketLazyModel(this::page);
        filter();
        try {
            accounts = tickets.accountsWithTickets();
            accountNames = accounts.stream().collect(Collectors.toMap(SupportTickets.AccountChoice::id,
                    SupportTickets.AccountChoice::name));
        } catch (KeyholdException refused) {
            Messages.error(refused);
        }
    }

    private SupportTickets.TicketPage page(SupportTicket.Status wanted, int first, int size) {
        try {
            return tickets.agentPage(wanted, accountId, first, size);
        } catch (KeyholdException refused) {
            Messages.error(refused);
            return new SupportTickets.TicketPage(List.of(), 0);
        }
    }

    /** The filters changed: the table starts again at its first page. */
    public void filter() {
        model.setStatus(status == null || status.isBlank() ? null : SupportTicket.Status.valueOf(status));
    }

    public void open(String ticketId) {
        act(() -> tickets.agentView(ticketId));
    }

    public void sendAnswer() {
        answerAs(false);
    }

    public void addInternalNote() {
        answerAs(true);
    }

    private void answerAs(boolean internal) {
        String text = answer;
        if (act(() -> tickets.answer(ticket.id(), text, internal))) {
            answer = null;
            Messages.info(internal ? "desk.noted" : "desk.answered");
        }
    }

    public void changeStatus() {
        SupportTicket.Status wanted = getStatuses().contains(newStatus) ? SupportTicket.Status.valueOf(newStatus) : null;
        if (act(() -> tickets.setStatus(ticket.id(), wanted))) {
            Messages.info("desk.statusChanged");
        }
    }

    private boolean act(Supplier<TicketView> action) {
        try {
            ticket = action.get();
            newStatus = ticket.status().name();
            return true;
        } catch (KeyholdException refused) {
            Messages.error(refused);
            return false;
        }
    }

    public String when(java.time.Instant instant) {
        return TicketsPage.formatWhen(instant);
    }

    public String size(long bytes) {
        return TicketsPage.formatSize(bytes);
    }

    public String accountName(String id) {
        return accountNames.getOrDefault(id, id);
    }

    public List<String> getStatuses() {
        return Arrays.stream(SupportTicket.Status.values()).map(Enum::name).toList();
    }

    /** Where an attachment of the open ticket is fetched ({@link OperatorFilesServlet}). */
    public String attachmentPath(String attachmentId) {
        return "/app/operator/files/tickets/" + ticket.id() + "/" + attachmentId;
    }

    public TicketLazyModel getModel() {
        return model;
    }

    public TicketView getTicket() {
        return ticket;
    }

    public List<SupportTickets.AccountChoice> getAccounts() {
        return accounts;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getAccountId() {
        return accountId;
    }

    public void setAccountId(String accountId) {
        this.accountId = accountId == null || accountId.isBlank() ? null : accountId;
    }

    public String getAnswer() {
        return answer;
    }

    public void setAnswer(String answer) {
        this.answer = answer;
    }

    public String getNewStatus() {
        return newStatus;
    }

    public void setNewStatus(String newStatus) {
        this.newStatus = newStatus;
    }
}
