package com.keyhold.web.pages;

import com.keyhold.proxy.ProxyAdministration;
import com.keyhold.proxy.ProxyDisplay;
import com.keyhold.proxy.ProxyView;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** The Proxy Servers table's rows, a page at a time from the database for the Display filter (SPEC S8). */
public class ProxyLazyModel extends LazyDataModel<ProxyView> {

    private static final long serialVersionUID = 1L;

    /** Where the rows come from: the service, for the signed-in user and the selected account. */
    @FunctionalInterface
    public interface Source extends Serializable {
        ProxyAdministration.ProxyPage list(ProxyDisplay display, int page, int size);
    }

    private final Source source;
    private ProxyDisplay display = ProxyDisplay.ALL;

    public ProxyLazyModel(Source source) {
        this.source = source;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return (int) source.list(display, 0, 1).total();
    }

    @Override
    public List<ProxyView> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        int size = Math.max(1, Math.min(pageSize, ProxyAdministration.MAX_PAGE_SIZE));
        ProxyAdministration.ProxyPage page = source.list(display, first / size, size);
        setRowCount((int) page.total());
        return page.items();
    }

    @Override
    public String getRowKey(ProxyView row) {
        return row.id();
    }

    @Override
    public ProxyView getRowData(String rowKey) {
        return getWrappedData() == null ? null
                : ((List<ProxyView>) getWrappedData()).stream().filter(p -> p.id().equals(rowKey)).findFirst().orElse(null);
    }

    public ProxyDisplay getDisplay() {
        return display;
    }

    public void setDisplay(ProxyDisplay display) {
        this.display = display == null ? ProxyDisplay.ALL : display;
    }
}
