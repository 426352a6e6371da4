package com.keyhold.web.pages;

import com.keyhold.computer.ComputerPage;
import com.keyhold.computer.ComputerQuery;
import com.keyhold.computer.ComputerQuery.DisplayFilter;
import com.keyhold.computer.ComputerQuery.StatusFilter;
import com.keyhold.computer.ComputerRow;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The Registered Computers table's rows, one page at a time from the database (SPEC C6): the
 * toolbar's filters, the table's page and sort column become a {@link ComputerQuery}; nothing is
 * sorted or filtered in memory.
 */
public class ComputerLazyModel extends LazyDataModel<ComputerRow> {

    private static final long serialVersionUID = 1L;

    /** The sort fields {@code ComputerService} accepts; a column not listed here cannot sort. */
    static final Set<String> SORT_FIELDS = Set.of("name", "keyName", "status", "lastContact", "appVersion", "hardwareId",
            "serialNumber", "hostOs", "userName", "activatedAt", "expiresOn", "macAddresses", "ipAddresses", "configurationProfile",
            "activatedBy", "notes");

    /** Where the rows come from: the service, for the signed-in user and the selected account. */
    @FunctionalInterface
    public interface Source extends Serializable {
        ComputerPage list(ComputerQuery query);
    }

    private final Source source;
    private StatusFilter status = StatusFilter.ALL;
    private DisplayFilter display = DisplayFilter.ALL;
    private String search;
    /** A profile's id, {@link ComputerQuery#DEFAULT_PROFILE}, or null for any (SPEC P2). */
    private String profileId;

    public ComputerLazyModel(Source source) {
        this.source = source;
    }

    /** Called by the table before {@link #load} only when it shows a page after the first. */
    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return (int) source.list(query(0, 1, Map.of())).total();
    }

    @Override
    public List<ComputerRow> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        ComputerPage page = source.list(query(first, pageSize, sortBy));
        setRowCount((int) page.total());
        return page.items();
    }

    @Override
    public String getRowKey(ComputerRow row) {
        return row.getId();
    }

    /** Selection is of the rows on the page shown (the select-all box selects that page; the bar above the table offers the whole filtered list). */
    @Override
    public ComputerRow getRowData(String rowKey) {
        List<ComputerRow> shown = getWrappedData();
        return shown == null ? null : shown.stream().filter(r -> r.getId().equals(rowKey)).findFirst().orElse(null);
    }

    /** The query for the table's page {@code first / pageSize}, sorted by the first sorted column. */
    ComputerQuery query(int first, int pageSize, Map<String, SortMeta> sortBy) {
        int size = pageSize <= 0 ? ComputerQuery.DEFAULT_SIZE : pageSize;
        SortMeta sort = sortBy == null ? null : sortBy.values().stream()
                .filter(s -> s.getOrder() != null && !s.getOrder().isUnsorted() && SORT_FIELDS.contains(s.getField()))
                .sorted()
                .findFirst().orElse(null);
        return new ComputerQuery(status, display, search, sort == null ? null : sort.getField(),
                sort == null || sort.getOrder().isAscending(), first / size, size).withProfile(profileId);
    }

    /** The whole filtered list, for the CSV export (C7): the export orders and batches it itself. */
    public ComputerQuery filteredQuery() {
        return new ComputerQuery(status, display, search, null, true, 0, ComputerQuery.MAX_SIZE).withProfile(profileId);
    }

    public String getProfileId() {
        return profileId;
    }

    public void setProfileId(String profileId) {
        this.profileId = profileId == null || profileId.isBlank() ? null : profileId;
    }

    public StatusFilter getStatus() {
        return status;
    }

    public void setStatus(StatusFilter status) {
        this.status = status == null ? StatusFilter.ALL : status;
    }

    public DisplayFilter getDisplay() {
        return display;
    }

    public void setDisplay(DisplayFilter display) {
        this.display = display == null ? DisplayFilter.ALL : display;
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search == null || search.isBlank() ? null : search.strip();
    }
}
