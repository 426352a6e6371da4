package com.keyhold.web.pages;

import com.keyhold.activity.ActivityActions;
import com.keyhold.activity.ActivityFilter;
import com.keyhold.activity.ActivityQuery;
import com.keyhold.activity.ActivityResults;
import com.keyhold.common.KeyholdException;
import com.keyhold.common.Violation;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/**
 * The Activity page (issue 9): the account's activity log for its administrators, newest first, in
 * a lazy table filtered by actor, action and date range, and saved as CSV. Everything shown is
 * escaped by the page (summaries hold names people typed).
 */
@Named
@ViewScoped
public class ActivityPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String TABLE = "activity:table";

    @EJB
    ActivityQuery activity;

    @Inject
    SessionUser currentUser;

    private ActivityLazyModel model;
    private boolean accessRefused;

    @PostConstruct
    void init() {
        model = new ActivityLazyModel(this::listOrNothing);
    }

    /** A refusal (a member who is not an administrator, an unreadable filter) is an empty table and a message. */
    private ActivityResults listOrNothing(int page, int size) {
        try {
            return activity.forAccount(currentUser.getSelectedAccountId(), model.filter(), page, size);
        } catch (KeyholdException refused) {
            error(refused);
            return new ActivityResults(List.of(), 0, page, size);
        }
    }

    /** On opening the page: someone who may not read the log is told so at once instead of seeing an empty list. */
    public void checkAccess() {
        if (FacesContext.getCurrentInstance().isPostback()) {
            return;
        }
        try {
            activity.requireExportable(currentUser.getSelectedAccountId());
            accessRefused = false;
        } catch (KeyholdException refusal) {
            error(refusal);
            accessRefused = true;
        }
    }

    /** A filter changed: back to the first page. */
    public void filterChanged() {
        DataTable table = (DataTable) FacesContext.getCurrentInstance().getViewRoot().findComponent(TABLE);
        if (table != null) {
            table.setFirst(0);
        }
    }

    /** The filtered log as CSV, newest first. */
    public StreamedContent getCsv() {
        String accountId = currentUser.getSelectedAccountId();
        ActivityFilter filter;
        try {
            filter = model.filter();
            // Refuse before the download starts, so a refusal is a message on the page, not a broken file.
            activity.requireExportable(accountId);
        } catch (KeyholdException refused) {
            error(refused);
            return null;
        }
        return DefaultStreamedContent.builder()
                .name("activity.csv")
                .contentType("text/csv; charset=UTF-8")
                .writer(out -> {
                    try {
                        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
                        activity.exportCsv(accountId, filter, writer);
                        writer.flush();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .build();
    }

    /** Times as the table shows them: in the page's language, in UTC (the header says so). */
    public String when(Instant instant) {
        if (instant == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.MEDIUM)
                .withLocale(locale()).withZone(ZoneOffset.UTC).format(instant);
    }

    /** An action's label in the page's language, or its stable name when the bundle has none. */
    public String actionLabel(String action) {
        return text("activity.action." + action, action);
    }

    public List<String> getActions() {
        return ActivityActions.ALL;
    }

    public boolean isAccessRefused() {
        return accessRefused;
    }

    public ActivityLazyModel getModel() {
        return model;
    }

    private void error(KeyholdException refused) {
        if (!refused.violations().isEmpty()) {
            for (Violation violation : refused.violations()) {
                add(FacesMessage.SEVERITY_ERROR, text("activity.filter." + violation.field(), violation.field()) + ": "
                        + violation.message());
            }
        } else {
            add(FacesMessage.SEVERITY_ERROR, text("activity.error." + refused.code().name(), refused.getMessage()));
        }
    }

    /** Adds a global message once per request (the table may load more than once in a request). */
    private static void add(FacesMessage.Severity severity, String text) {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces.getMessageList(null).stream().noneMatch(m -> text.equals(m.getSummary()))) {
            faces.addMessage(null, new FacesMessage(severity, text, null));
        }
    }

    private static String text(String key, String fallback) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, "msg");
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return fallback;
        }
    }

    private static Locale locale() {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale();
    }
}
