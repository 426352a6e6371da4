package com.keyhold.web.pages;

import com.keyhold.common.KeyholdException;
import com.keyhold.download.DownloadCatalog;
import com.keyhold.support.SupportTickets;
import jakarta.ejb.EJB;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The operators' files on their pages (issue 16), for a signed-in operator (the services check):
 * {@code GET /app/operator/files/tickets/{ticket}/{attachment}} fetches a ticket's attachment on the
 * Support Desk; {@code POST /app/operator/files/downloads} with {@code entry} and a {@code file}
 * part uploads a download entry's file on the Downloads editor and sends the browser back there.
 */
@WebServlet(name = "OperatorFilesServlet", urlPatterns = "/app/operator/files/*")
@MultipartConfig(maxFileSize = DownloadCatalog.MAX_FILE_BYTES, maxRequestSize = DownloadCatalog.MAX_FILE_BYTES + 64 * 1024,
        fileSizeThreshold = 64 * 1024)
public class OperatorFilesServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String ID = "[0-9a-f-]{36}";
    private static final Pattern ATTACHMENT = Pattern.compile("/tickets/(" + ID + ")/(" + ID + ")");

    @EJB
    transient SupportTickets tickets;

    @EJB
    transient DownloadCatalog catalog;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        Matcher path = ATTACHMENT.matcher(String.valueOf(request.getPathInfo()));
        if (!path.matches()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        PageUploads.sendAttachment(response, () -> tickets.agentAttachment(path.group(1), path.group(2)));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        if (!"/downloads".equals(request.getPathInfo())) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (PageUploads.fromAnotherSite(request)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        String tooLarge = "A file may have at most " + DownloadCatalog.MAX_FILE_BYTES / (1024 * 1024)
                + " MB; publish larger installers as links.";
        PageUploads.Outcome outcome;
        String product = "";
        try {
            PageUploads.Upload upload = PageUploads.read(request, DownloadCatalog.MAX_FILE_BYTES, tooLarge);
            com.keyhold.download.DownloadView stored = catalog.attachFile(request.getParameter("entry"), upload.submittedName(),
                    upload.content());
            product = stored.product();
            outcome = new PageUploads.Outcome(stored.fileName(), null);
        } catch (KeyholdException refused) {
            outcome = new PageUploads.Outcome(null, refused);
            // from the query, not the body: a body refused for its size is never read
            String query = request.getQueryString() == null ? "" : request.getQueryString();
            Matcher asked = Pattern.compile("(?:^|&)product=([A-Za-z][A-Za-z0-9_]{1,31})(?:&|$)").matcher(query);
            product = asked.find() ? asked.group(1) : "";
        }
        PageUploads.back(request, response, "/app/operator/downloads.xhtml?product="
                + URLEncoder.encode(product, StandardCharsets.UTF_8), outcome);
    }
}
