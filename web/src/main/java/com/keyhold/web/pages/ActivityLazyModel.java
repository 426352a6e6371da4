package com.keyhold.web.pages;

import com.keyhold.activity.ActivityFilter;
import com.keyhold.activity.ActivityItem;
import com.keyhold.activity.ActivityResults;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The Activity table's rows, one page at a time from the database, newest first: the toolbar's
 * filters (actor, action, date range) become an {@link ActivityFilter}; nothing is filtered in memory.
 */
public class ActivityLazyModel extends LazyDataModel<ActivityItem> {

    private static final long serialVersionUID = 1L;

    /** Where the rows come from: the service, for the signed-in user, the selected account and {@link #filter()}. */
    @FunctionalInterface
    public interface Source extends Serializable {
        ActivityResults list(int page, int size);
    }

    private final Source source;
    private String actor;
    private String action;
    private LocalDate from;
    private LocalDate to;

    public ActivityLazyModel(Source source) {
        this.source = source;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return (int) source.list(0, 1).total();
    }

    @Override
    public List<ActivityItem> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        int size = pageSize <= 0 ? 50 : pageSize;
        ActivityResults page = source.list(first / size, size);
        setRowCount((int) page.total());
        return page.items();
    }

    @Override
    public String getRowKey(ActivityItem item) {
        return item.getId();
    }

    @Override
    public ActivityItem getRowData(String rowKey) {
        List<ActivityItem> shown = getWrappedData();
        return shown == null ? null : shown.stream().filter(i -> i.getId().equals(rowKey)).findFirst().orElse(null);
    }

    /** The toolbar's filters; invalid ones (a range that ends before it starts) are refused by the service's rules. */
    public ActivityFilter filter() {
        return ActivityFilter.ofDates(actor, action, from, to);
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor == null || actor.isBlank() ? null : actor.strip();
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action == null || action.isBlank() ? null : action;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }
}
