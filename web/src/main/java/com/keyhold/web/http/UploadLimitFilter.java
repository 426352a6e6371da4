package com.keyhold.web.http;

import com.keyhold.user.Language;
import com.keyhold.user.UserService;
import jakarta.ejb.EJB;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Uploads to the pages (the Invite Users dialog's CSV, SPEC I1; quality bar "oversized CSV gets a
 * clear error and changes nothing"): a multipart request that declares more bytes than the Faces
 * servlet's {@code multipart-config} accepts is answered {@code 413} with a sentence in the user's
 * language, before anything reads its body. Without this the container refuses it too, but only
 * when Faces first asks for a parameter, as a server error with no message for the user.
 * Bodies of undeclared length are left to the container's limit, which stops reading at it.
 */
@WebFilter(filterName = "UploadLimitFilter", servletNames = "Faces Servlet", asyncSupported = true)
public class UploadLimitFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(UploadLimitFilter.class.getName());

    /** web.xml context parameter: the Faces servlet's {@code max-request-size}, which it must equal. */
    static final String MAX_REQUEST_BYTES = "keyhold.upload.max-request-bytes";
    private static final long DEFAULT_MAX_REQUEST_BYTES = 2_359_296;

    @EJB
    transient UserService users;

    private long maxRequestBytes;

    @Override
    public void init() throws ServletException {
        String configured = getServletContext().getInitParameter(MAX_REQUEST_BYTES);
        maxRequestBytes = configured == null || configured.isBlank() ? DEFAULT_MAX_REQUEST_BYTES : Long.parseLong(configured.strip());
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String contentType = request.getContentType();
        long declared = request.getContentLengthLong();
        if ("POST".equalsIgnoreCase(request.getMethod()) && contentType != null
                && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/") && declared > maxRequestBytes) {
            LOG.log(Level.FINE, "A multipart request of {0} bytes to {1} was refused unread", new Object[] {declared,
                    request.getRequestURI()});
            response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            // the body stays unread, so the connection cannot carry another request
            response.setHeader("Connection", "close");
            response.setContentType("text/plain");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(text(request, "upload.tooLarge"));
            return;
        }
        chain.doFilter(request, response);
    }

    /** The sentence in the signed-in user's language, otherwise the browser's (as {@link com.keyhold.web.pages.CurrentLocale} decides). */
    private String text(HttpServletRequest request, String key) {
        Principal caller = request.getUserPrincipal();
        Language language;
        try {
            language = caller != null ? users.get(caller.getName()).getLanguage() : Language.fromTag(request.getLocale().toLanguageTag());
        } catch (RuntimeException unknown) {
            language = Language.fromTag(request.getLocale().toLanguageTag());
        }
        return ResourceBundle.getBundle("com.keyhold.web.i18n.messages", language.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
    }
}
