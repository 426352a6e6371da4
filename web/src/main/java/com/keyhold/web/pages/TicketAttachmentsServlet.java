package com.keyhold.web.pages;

import com.keyhold.common.KeyholdException;
import com.keyhold.support.SupportTickets;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A ticket's attachments on My Tickets (SPEC T1), for the signed-in user in the selected account:
 * {@code GET /app/tickets/attachments/{ticket}/{attachment}} fetches one (as an attachment, never
 * rendered; "not found" unless the user may see the ticket), {@code POST
 * /app/tickets/attachments/{ticket}} with a {@code file} part attaches one and sends the browser back
 * to the ticket. The rules (10 MB, type on content, who may) are {@link SupportTickets}'.
 */
@WebServlet(name = "TicketAttachmentsServlet", urlPatterns = "/app/tickets/attachments/*")
@MultipartConfig(maxFileSize = SupportTickets.MAX_ATTACHMENT_BYTES, maxRequestSize = SupportTickets.MAX_ATTACHMENT_BYTES
        + 64 * 1024, fileSizeThreshold = 64 * 1024)
public class TicketAttachmentsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String ID = "[0-9a-f-]{36}";
    private static final Pattern ONE = Pattern.compile("/(" + ID + ")/(" + ID + ")");
    private static final Pattern TICKET = Pattern.compile("/(" + ID + ")");

    @EJB
    transient SupportTickets tickets;

    @Inject
    transient SessionUser currentUser;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        Matcher path = ONE.matcher(String.valueOf(request.getPathInfo()));
        if (!path.matches()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        PageUploads.sendAttachment(response, () -> tickets.attachment(currentUser.getUserId(),
                currentUser.getSelectedAccountId(), path.group(1), path.group(2)));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        Matcher path = TICKET.matcher(String.valueOf(request.getPathInfo()));
        if (!path.matches() || PageUploads.fromAnotherSite(request)) {
            response.sendError(path.matches() ? HttpServletResponse.SC_FORBIDDEN : HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String ticketId = path.group(1);
        PageUploads.Outcome outcome;
        try {
            PageUploads.Upload upload = PageUploads.read(request, SupportTickets.MAX_ATTACHMENT_BYTES,
                    "An attachment may have at most 10 MB.");
            outcome = new PageUploads.Outcome(tickets.attach(currentUser.getUserId(), currentUser.getSelectedAccountId(),
                    ticketId, upload.submittedName(), upload.content()).fileName(), null);
        } catch (KeyholdException refused) {
            outcome = new PageUploads.Outcome(null, refused);
        }
        PageUploads.back(request, response, "/app/tickets.xhtml?ticket=" + ticketId, outcome);
    }
}
