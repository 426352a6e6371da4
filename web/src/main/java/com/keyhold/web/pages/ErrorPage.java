package com.keyhold.web.pages;

import com.keyhold.common.Outages;
import com.keyhold.user.Language;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import java.util.Locale;

/**
 * The page shown when a page request fails ({@code error.xhtml}, web.xml's error page; in an Ajax
 * request OmniFaces' {@code FullAjaxExceptionHandler} renders the same view): while the database is
 * away (issue 14) it says so and answers {@code 503} with {@code Retry-After}, otherwise a plain
 * "something went wrong" with {@code 500}; never a stack trace. It reads nothing from the database,
 * not even the signed-in user's language (the browser's is used), since that may be what failed.
 */
@Named
@RequestScoped
public class ErrorPage {

    public boolean isDatabaseUnavailable() {
        return Outages.isDatabaseUnavailable(failure());
    }

    public Locale getLocale() {
        return Language.fromTag(FacesContext.getCurrentInstance().getExternalContext().getRequestLocale().toLanguageTag())
                .locale();
    }

    /** Before rendering: the status and Retry-After of a full page (an Ajax answer stays 200 so the page can show it). */
    public void answer() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces.getPartialViewContext().isAjaxRequest()) {
            return;
        }
        ExternalContext external = faces.getExternalContext();
        if (isDatabaseUnavailable()) {
            external.setResponseStatus(503);
            external.setResponseHeader("Retry-After", Long.toString(Outages.RETRY_AFTER_SECONDS));
        } else {
            external.setResponseStatus(500);
        }
    }

    private static Throwable failure() {
        Object failure = FacesContext.getCurrentInstance().getExternalContext().getRequestMap()
                .get(RequestDispatcher.ERROR_EXCEPTION);
        return failure instanceof Throwable thrown ? thrown : null;
    }
}
