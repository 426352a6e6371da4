package com.keyhold.web.pages;

import com.keyhold.common.ErrorCode;
import com.keyhold.common.KeyholdException;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.net.URI;

/**
 * Files sent from the pages to the servlets that take them (ticket attachments, download files):
 * those are larger than the Faces servlet's 2 MB uploads, so they go to servlets of their own, each
 * with its own {@code @MultipartConfig}. What the servlets share is here: refusing a post from
 * another site (the session cookie is {@code SameSite=Lax}, and the browser's {@code Origin} and
 * {@code Sec-Fetch-Site} must say this site too), reading the one file part within its limit, and
 * carrying the outcome to the page the browser is sent back to (a post-redirect-get).
 */
final class PageUploads {

    private static final String OUTCOME = "keyhold.page.upload.outcome";

    private PageUploads() {
    }

    /** What became of an upload: the stored file's name, or why it was refused. */
    record Outcome(String fileName, KeyholdException refused) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** Whether the browser says the post comes from another site; such a post is refused unread. */
    static boolean fromAnotherSite(HttpServletRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null && !fetchSite.equals("same-origin")) {
            return true;
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return false;
        }
        try {
            URI uri = URI.create(origin);
            int port = uri.getPort() == -1 ? ("https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80) : uri.getPort();
            return !(request.getServerName().equalsIgnoreCase(uri.getHost()) && request.getServerPort() == port);
        } catch (IllegalArgumentException unreadable) {
            return true;
        }
    }

    /** The bytes of the {@code file} part, refused past {@code maxBytes} (the container stops reading there). */
    static Upload read(HttpServletRequest request, int maxBytes, String tooLargeSentence) throws IOException, ServletException {
        if (request.getContentLengthLong() > maxBytes + 64L * 1024) {
            throw new KeyholdException(ErrorCode.PAYLOAD_TOO_LARGE, tooLargeSentence);
        }
        Part part;
        try {
            part = request.getPart("file");
        } catch (IllegalStateException pastTheLimit) {
            throw new KeyholdException(ErrorCode.PAYLOAD_TOO_LARGE, tooLargeSentence);
        }
        if (part == null || part.getSize() == 0) {
            throw KeyholdException.badRequest("file", "is required");
        }
        if (part.getSize() > maxBytes) {
            throw new KeyholdException(ErrorCode.PAYLOAD_TOO_LARGE, tooLargeSentence);
        }
        try (InputStream in = part.getInputStream()) {
            return new Upload(part.getSubmittedFileName(), in.readNBytes(maxBytes + 1));
        }
    }

    /** A file as the browser sent it. */
    record Upload(String submittedName, byte[] content) {
    }

    /** Sends a ticket's attachment the service hands out, or the status of its refusal ("not found" mostly). */
    static void sendAttachment(HttpServletResponse response, java.util.function.Supplier<com.keyhold.support.TicketAttachment> lookup)
            throws IOException {
        com.keyhold.support.TicketAttachment attachment;
        try {
            attachment = lookup.get();
        } catch (KeyholdException refused) {
            response.sendError(refused.code().httpStatus());
            return;
        }
        com.keyhold.web.http.AttachmentHeaders.send(response, attachment.getFileName(), attachment.getContentType(),
                attachment.getSha256(), attachment.getContent());
    }

    /** Keeps the outcome for the page, then sends the browser there (303, so a reload does not post again). */
    static void back(HttpServletRequest request, HttpServletResponse response, String pageWithQuery, Outcome outcome)
            throws IOException {
        request.getSession().setAttribute(OUTCOME, outcome);
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + pageWithQuery);
    }

    /** The outcome of the last upload, once: shown as the page's message. */
    static void showOutcome(String doneKey) {
        Object session = jakarta.faces.context.FacesContext.getCurrentInstance().getExternalContext().getSession(false);
        if (!(session instanceof HttpSession http) || !(http.getAttribute(OUTCOME) instanceof Outcome outcome)) {
            return;
        }
        http.removeAttribute(OUTCOME);
        if (outcome.refused() != null) {
            Messages.error(outcome.refused());
        } else {
            Messages.info(doneKey, outcome.fileName());
        }
    }
}
