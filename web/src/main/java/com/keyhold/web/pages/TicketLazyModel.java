package com.keyhold.web.pages;

import com.keyhold.support.SupportTicket;
import com.keyhold.support.SupportTickets;
import com.keyhold.support.TicketView;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** A table of tickets a page at a time from the database, for a status (null: all): My Tickets and the Support Desk. */
public class TicketLazyModel extends LazyDataModel<TicketView> {

    private static final long serialVersionUID = 1L;

    /** Where the rows come from: the customer's or the agents' view of the service. */
    @FunctionalInterface
    public interface Source extends Serializable {
        SupportTickets.TicketPage page(SupportTicket.Status status, int first, int size);
    }

    private final Source source;
    private SupportTicket.Status status;

    public TicketLazyModel(Source source) {
        this.source = source;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return (int) source.page(status, 0, 1).total();
    }

    @Override
    public List<TicketView> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        SupportTickets.TicketPage page = source.page(status, first, Math.max(1, Math.min(pageSize, SupportTickets.MAX_LIST)));
        setRowCount((int) page.total());
        return page.rows();
    }

    @Override
    public String getRowKey(TicketView row) {
        return row.id();
    }

    @Override
    public TicketView getRowData(String rowKey) {
        return getWrappedData() == null ? null
                : ((List<TicketView>) getWrappedData()).stream().filter(t -> t.id().equals(rowKey)).findFirst().orElse(null);
    }

    public void setStatus(SupportTicket.Status status) {
        this.status = status;
    }
}
