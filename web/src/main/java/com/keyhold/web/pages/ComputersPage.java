package com.keyhold.web.pages;

import com.keyhold.common.KeyholdException;
import com.keyhold.common.Violation;
import com.keyhold.computer.ComputerPage;
import com.keyhold.computer.ComputerQuery;
import com.keyhold.computer.ComputerQuery.DisplayFilter;
import com.keyhold.computer.ComputerQuery.StatusFilter;
import com.keyhold.computer.ComputerRow;
import com.keyhold.computer.ComputerService;
import com.keyhold.computer.ComputerService.Action;
import com.keyhold.licensekey.KeyView;
import com.keyhold.profile.ProfileService;
import com.keyhold.profile.ProfileView;
import com.keyhold.licensekey.LicenseKeyService;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.primefaces.PrimeFaces;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/**
 * The Registered Computers page (SPEC C2, C4–C8): the lazy list with its filters, the computer
 * dialog, and the bulk actions Deactivate, Add to / Remove from Blacklist, Reactivate with another
 * key and Save List to CSV File. Every action is one service call; its outcome or refusal is a
 * message from the {@code cmp} bundle.
 */
@Named
@ViewScoped
public class ComputersPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String TABLE = "computers:table";

    @EJB
    ComputerService computers;

    @EJB
    ProfileService profiles;

    private transient List<ProfileView> profileChoices;

    @EJB
    LicenseKeyService keys;

    @Inject
    SessionUser currentUser;

    /** How far the table counts the filtered list (see {@link #listOrNothing}). */
    static final long COUNT_UP_TO = 10_000;

    private ComputerLazyModel model;
    private boolean totalExact = true;
    private boolean accessRefused;
    private List<ComputerRow> selection = new ArrayList<>();

    private ComputerRow computer;
    private String alias;
    private String notes;

    private List<KeyView> targetKeys = List.of();
    private String targetKeyId;

    // "Select all" across the filtered list (CONTRACT section 6, the filter form of the actions): the
    // number the administrator was shown travels with the action, which changes nothing if it changed
    private boolean allMatching;
    private long matchingCount;
    private Action pendingAction;
    // the counts of the filter menus, read once per request (the menus render them all at once)
    private transient java.util.Map<Object, String> filterCounts;

    @PostConstruct
    void init() {
        model = new ComputerLazyModel(this::listOrNothing);
        // the dashboard card's counts open the list already filtered (registered: Active; deactivated: Deactivated)
        java.util.Map<String, String> parameters = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        model.setStatus(parse(StatusFilter.class, parameters.get("status")));
        model.setDisplay(parse(DisplayFilter.class, parameters.get("display")));
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        try {
            return value == null ? null : Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    /** "Active (12)": a status choice with how many computers it shows under the other filters, capped as the list's count. */
    public String statusLabel(StatusFilter status) {
        return labelled(status, text("filter.status." + status),
                new ComputerQuery(status, model.getDisplay(), model.getSearch(), null, true, 0, 1).withProfile(model.getProfileId()));
    }

    /** "Expiring soon (3)": a display choice with its count under the other filters. */
    public String displayLabel(DisplayFilter display) {
        return labelled(display, text("filter.display." + display),
                new ComputerQuery(model.getStatus(), display, model.getSearch(), null, true, 0, 1).withProfile(model.getProfileId()));
    }

    private String labelled(Object choice, String label, ComputerQuery query) {
        if (filterCounts == null) {
            filterCounts = new java.util.HashMap<>();
        }
        return filterCounts.computeIfAbsent(choice, c -> {
            try {
                ComputerPage counted = computers.list(currentUser.getUserId(), currentUser.getSelectedAccountId(), query, COUNT_UP_TO);
                return label + " (" + countText(counted.total(), counted.totalExact()) + ")";
            } catch (KeyholdException refused) {
                return label;
            }
        });
    }

    private static String countText(long total, boolean exact) {
        return exact ? String.valueOf(total) : total + "+";
    }

    /**
     * The list as the service gives it, counted up to {@value #COUNT_UP_TO} (beyond that the table says
     * "more than"; a million computers are counted in over a second, a page is read in milliseconds).
     * A refusal (say, a regular member's) is an empty table and a message.
     */
    private ComputerPage listOrNothing(ComputerQuery query) {
        try {
            ComputerPage page = computers.list(currentUser.getUserId(), currentUser.getSelectedAccountId(), query, COUNT_UP_TO);
            totalExact = page.totalExact();
            return page;
        } catch (KeyholdException refused) {
            error(refused);
            totalExact = true;
            return new ComputerPage(List.of(), 0, query.page(), query.size());
        }
    }

    /** Whether the table's total is exact, or a lower bound ("more than 10,000"). */
    public boolean isTotalExact() {
        return totalExact;
    }

    /**
     * On opening the page, before anything renders: someone who may not manage this account's
     * computers (a regular member, A6) is told so at once instead of seeing an empty list.
     */
    public void checkAccess() {
        if (FacesContext.getCurrentInstance().isPostback()) {
            return;
        }
        try {
            computers.list(currentUser.getUserId(), currentUser.getSelectedAccountId(),
                    new ComputerQuery(StatusFilter.ALL, DisplayFilter.ALL, null, null, true, 0, 1), 1);
            accessRefused = false;
        } catch (KeyholdException refusal) {
            error(refusal);
            accessRefused = true;
        }
    }

    /** Any filter or the search changed: back to the first page, nothing selected (C6). */
    public void filterChanged() {
        selection = new ArrayList<>();
        allMatching = false;
        filterCounts = null;
        DataTable table = (DataTable) FacesContext.getCurrentInstance().getViewRoot().findComponent(TABLE);
        if (table != null) {
            table.setFirst(0);
        }
    }

    public void deactivate() {
        applyOrAsk(Action.DEACTIVATE);
    }

    public void blacklist() {
        applyOrAsk(Action.BLACKLIST);
    }

    public void unblacklist() {
        applyOrAsk(Action.UNBLACKLIST);
    }

    /** The page's rows were selected with the header box: offer the whole filtered list. */
    public void pageSelectionChanged() {
        allMatching = false;
    }

    /** "Select all n computers that match": counted now; more than one action may change is refused. */
    public void selectAllMatching() {
        ComputerPage counted;
        try {
            counted = computers.list(currentUser.getUserId(), currentUser.getSelectedAccountId(), new ComputerQuery(model.getStatus(),
                    model.getDisplay(), model.getSearch(), null, true, 0, 1).withProfile(model.getProfileId()), ComputerService.MAX_PER_ACTION);
        } catch (KeyholdException refused) {
            error(refused);
            return;
        }
        if (!counted.totalExact() || counted.total() > ComputerService.MAX_PER_ACTION) {
            add(FacesMessage.SEVERITY_WARN, format("selectAll.tooMany", ComputerService.MAX_PER_ACTION));
            return;
        }
        allMatching = true;
        matchingCount = counted.total();
    }

    public void clearSelection() {
        allMatching = false;
        selection = new ArrayList<>();
    }

    /** With the whole filtered list selected, an action first shows how many computers it changes. */
    private void applyOrAsk(Action action) {
        if (!allMatching) {
            apply(action, null, doneKey(action));
            return;
        }
        pendingAction = action;
        PrimeFaces.current().ajax().update("bulkConfirmForm");
        PrimeFaces.current().executeScript("PF('bulkConfirm').show()");
    }

    /** The confirmation of an action on the whole filtered list: applied if it still matches the number shown. */
    public void confirmBulk() {
        if (pendingAction == null || !allMatching) {
            return;
        }
        try {
            int changed = computers.applyToFilter(currentUser.getUserId(), currentUser.getSelectedAccountId(), pendingAction,
                    model.filteredQuery(), matchingCount, pendingAction == Action.MOVE ? targetKeyId : null);
            add(FacesMessage.SEVERITY_INFO, format(doneKey(pendingAction), changed));
            clearSelection();
            filterCounts = null;
        } catch (KeyholdException refused) {
            if (refused.code() == com.keyhold.common.ErrorCode.CONFIRMATION_REQUIRED) {
                matchingCount = ((Number) refused.details().get("wouldChange")).longValue();
                add(FacesMessage.SEVERITY_WARN, format("selectAll.changed", matchingCount));
                return;
            }
            error(refused);
        } finally {
            PrimeFaces.current().executeScript("PF('bulkConfirm').hide(); PF('moveDialog').hide()");
        }
        pendingAction = null;
    }

    /** What the confirmation says: "Deactivate 1,234 computers?" */
    public String getBulkQuestion() {
        return pendingAction == null ? "" : format("selectAll.confirm." + pendingAction, matchingCount);
    }

    private static String doneKey(Action action) {
        return switch (action) {
            case DEACTIVATE -> "done.deactivated";
            case BLACKLIST -> "done.blacklisted";
            case UNBLACKLIST -> "done.unblacklisted";
            case MOVE -> "done.moved";
        };
    }

    public boolean isAllMatching() {
        return allMatching;
    }

    public long getMatchingCount() {
        return matchingCount;
    }

    /** Opens the move dialog with the keys of the selected computers' subscription (C8). */
    public void prepareMove() {
        if (allMatching) {
            try {
                targetKeys = keys.managedKeys(currentUser.getUserId(), currentUser.getSelectedAccountId(), null);
            } catch (KeyholdException refused) {
                error(refused);
                return;
            }
            targetKeyId = null;
            PrimeFaces.current().ajax().update("moveForm");
            PrimeFaces.current().executeScript("PF('moveDialog').show()");
            return;
        }
        if (nothingSelected()) {
            return;
        }
        List<String> subscriptions = selection.stream().map(ComputerRow::getSubscriptionId).distinct().toList();
        if (subscriptions.size() > 1) {
            add(FacesMessage.SEVERITY_WARN, text("move.manySubscriptions"));
            return;
        }
        try {
            targetKeys = keys.managedKeys(currentUser.getUserId(), currentUser.getSelectedAccountId(), subscriptions.get(0));
        } catch (KeyholdException refused) {
            error(refused);
            return;
        }
        targetKeyId = null;
        PrimeFaces.current().ajax().update("moveForm");
        PrimeFaces.current().executeScript("PF('moveDialog').show()");
    }

    /** Moves the selection to the chosen key: all or none (C8); the outcome shows on the page. */
    public void move() {
        if (targetKeyId == null || targetKeyId.isBlank()) {
            FacesContext.getCurrentInstance().addMessage("moveForm:targetKey",
                    new FacesMessage(FacesMessage.SEVERITY_WARN, text("move.noTarget"), null));
            PrimeFaces.current().ajax().update("moveForm");
            return;
        }
        if (allMatching) {
            pendingAction = Action.MOVE;
            PrimeFaces.current().ajax().update("bulkConfirmForm");
            PrimeFaces.current().executeScript("PF('moveDialog').hide(); PF('bulkConfirm').show()");
            return;
        }
        apply(Action.MOVE, targetKeyId, "done.moved");
        PrimeFaces.current().executeScript("PF('moveDialog').hide()");
        PrimeFaces.current().ajax().update("messages", TABLE);
    }

    /** A key's free seats as the move dialog lists them. */
    public String seats(int available) {
        return format("move.seats", available);
    }

    /** The selected computers, or the whole filtered list when none is selected, streamed as CSV (C7). */
    public StreamedContent getCsv() {
        String userId = currentUser.getUserId();
        String accountId = currentUser.getSelectedAccountId();
        ComputerQuery query = model.filteredQuery();
        ArrayList<String> onlyIds = new ArrayList<>(allMatching ? List.of() : selectedIds());
        StatusFilter status = query.status();
        DisplayFilter display = query.display();
        String search = query.search();
        String profileId = query.profileId();
        try {
            // Refuse before the download starts, so a refusal is a message on the page, not a broken file.
            computers.requireExportable(userId, accountId, onlyIds);
        } catch (KeyholdException refused) {
            error(refused);
            return null;
        }
        return DefaultStreamedContent.builder()
                .name("computers.csv")
                .contentType("text/csv; charset=UTF-8")
                .writer(out -> export(userId, accountId, new ComputerQuery(status, display, search, null, true, 0,
                        ComputerQuery.MAX_SIZE, profileId), onlyIds, out))
                .build();
    }

    private void export(String userId, String accountId, ComputerQuery query, List<String> onlyIds, OutputStream out) {
        try {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            computers.exportCsv(userId, accountId, query, onlyIds, writer);
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens the computer dialog (C2). */
    public void open(String computerId) {
        try {
            show(computers.get(currentUser.getUserId(), currentUser.getSelectedAccountId(), computerId));
        } catch (KeyholdException refused) {
            error(refused);
            return;
        }
        PrimeFaces.current().ajax().update("computerForm");
        PrimeFaces.current().executeScript("PF('computerDialog').show()");
    }

    /** Saves the alias and notes of the computer in the dialog (C2). */
    public void save() {
        if (computer == null) {
            return;
        }
        try {
            show(computers.describe(currentUser.getUserId(), currentUser.getSelectedAccountId(), computer.getId(), alias, notes));
        } catch (KeyholdException refused) {
            error(refused);
            return;
        }
        add(FacesMessage.SEVERITY_INFO, text("done.saved"));
    }

    /** The dialog's Deactivate (the guide's "Method 2"): this one computer. */
    public void deactivateShown() {
        if (computer == null) {
            return;
        }
        try {
            int changed = computers.apply(currentUser.getUserId(), currentUser.getSelectedAccountId(), Action.DEACTIVATE,
                    List.of(computer.getId()), null);
            add(FacesMessage.SEVERITY_INFO, format("done.deactivated", changed));
            show(computers.get(currentUser.getUserId(), currentUser.getSelectedAccountId(), computer.getId()));
        } catch (KeyholdException refused) {
            error(refused);
        }
    }

    private void show(ComputerRow row) {
        computer = row;
        alias = row.getAlias();
        notes = row.getNotes();
    }

    private void apply(Action action, String target, String doneKey) {
        if (nothingSelected()) {
            return;
        }
        try {
            int changed = computers.apply(currentUser.getUserId(), currentUser.getSelectedAccountId(), action, selectedIds(), target);
            add(FacesMessage.SEVERITY_INFO, format(doneKey, changed));
            selection = new ArrayList<>();
        } catch (KeyholdException refused) {
            error(refused);
        }
    }

    private boolean nothingSelected() {
        if (selection == null || selection.isEmpty()) {
            add(FacesMessage.SEVERITY_WARN, text("select.none"));
            return true;
        }
        return false;
    }

    private List<String> selectedIds() {
        return selection == null ? List.of() : selection.stream().map(ComputerRow::getId).toList();
    }

    /**
     * "Activated by" in the reader's language: an email as it is, a masked key as "key XXXXXX-…" (the
     * stored value is the key alone, V13).
     */
    public String activatedBy(String value) {
        if (value == null || value.isBlank() || value.contains("@")) {
            return value;
        }
        return format("activatedBy.key", value);
    }

    /** Dates and times as the list shows them: in the page's language, in UTC (the header says so). */
    public String when(Instant instant) {
        if (instant == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale()).withZone(ZoneOffset.UTC).format(instant);
    }

    // Messages from the page's own bundle.

    /** A refusal: the page's text for its code, else each invalid field, else the service's words. */
    private void error(KeyholdException refused) {
        String key = "error." + refused.code().name();
        String text = text(key);
        if (!text.equals(key)) {
            add(FacesMessage.SEVERITY_ERROR, text);
        } else if (!refused.violations().isEmpty()) {
            for (Violation violation : refused.violations()) {
                String field = text("field." + violation.field());
                add(FacesMessage.SEVERITY_ERROR, (field.startsWith("field.") ? violation.field() : field) + ": " + violation.message());
            }
        } else {
            add(FacesMessage.SEVERITY_ERROR, refused.getMessage());
        }
    }

    /** Adds a global message once per request (the table may load more than once in a request). */
    private static void add(FacesMessage.Severity severity, String text) {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces.getMessageList(null).stream().noneMatch(m -> text.equals(m.getSummary()))) {
            faces.addMessage(null, new FacesMessage(severity, text, null));
        }
    }

    private String format(String key, Object... arguments) {
        return new MessageFormat(text(key), locale()).format(arguments);
    }

    private static String text(String key) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, "cmp");
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    private static Locale locale() {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale();
    }

    // Properties of the page.

    public boolean isAccessRefused() {
        return accessRefused;
    }

    public ComputerLazyModel getModel() {
        return model;
    }

    public StatusFilter[] getStatusFilters() {
        return StatusFilter.values();
    }

    public DisplayFilter[] getDisplayFilters() {
        return DisplayFilter.values();
    }

    /** The account's configuration profiles for the profile filter (SPEC P2); none for license administrators. */
    public List<ProfileView> getProfileChoices() {
        if (profileChoices == null) {
            try {
                profileChoices = profiles.list(currentUser.getUserId(), currentUser.getSelectedAccountId());
            } catch (KeyholdException refused) {
                profileChoices = List.of();
            }
        }
        return profileChoices;
    }

    public List<ComputerRow> getSelection() {
        return selection;
    }

    public void setSelection(List<ComputerRow> selection) {
        this.selection = selection == null ? new ArrayList<>() : new ArrayList<>(selection);
    }

    public ComputerRow getComputer() {
        return computer;
    }

    public String getAlias() {
        return alias;
    }

    public void setAlias(String alias) {
        this.alias = alias;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }

    public List<KeyView> getTargetKeys() {
        return targetKeys;
    }

    public String getTargetKeyId() {
        return targetKeyId;
    }

    public void setTargetKeyId(String targetKeyId) {
        this.targetKeyId = targetKeyId;
    }
}
