package com.keyhold.web.pages;

import com.keyhold.common.KeyholdException;
import com.keyhold.proxy.ProxyAdministration;
import com.keyhold.proxy.ProxyDisplay;
import com.keyhold.proxy.ProxyView;
import com.keyhold.proxy.UsagePoint;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The Proxy Servers page of the fleet product (SPEC S5–S8, seed chapter 4): the lazy list with its
 * Display filter and column chooser, Deactivate and Export CSV, and the details dialog with its
 * General tab (status, Deactivate, Release now for a lost offline proxy, notes) and its Usage tab
 * (the peak of managed Macs per report date as a chart). Every decision is {@link ProxyAdministration}'s.
 */
@Named
@ViewScoped
public class ProxyServersPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    ProxyAdministration proxies;

    @Inject
    SessionUser currentUser;

    private String accountId;
    private boolean allowed;
    private ProxyLazyModel model;
    private List<ProxyView> selected = new ArrayList<>();
    private ProxyView details;
    private String notes;
    private String usageChart;
    private boolean usageEmpty;

    @PostConstruct
    void load() {
        accountId = currentUser.getSelectedAccountId();
        String userId = currentUser.getUserId();
        ProxyAdministration service = proxies;
        String account = accountId;
        model = new ProxyLazyModel((display, page, size) -> service.list(userId, account, display, page, size));
        try {
            proxies.list(userId, accountId, ProxyDisplay.ALL, 0, 1);
            allowed = true;
        } catch (KeyholdException refused) {
            allowed = false;
        }
    }

    public boolean isAllowed() {
        return allowed;
    }

    public ProxyLazyModel getModel() {
        return model;
    }

    public ProxyDisplay[] getDisplays() {
        return ProxyDisplay.values();
    }

    public List<ProxyView> getSelected() {
        return selected;
    }

    public void setSelected(List<ProxyView> selected) {
        this.selected = selected == null ? new ArrayList<>() : selected;
    }

    /** Deactivates the selected proxies (S7); an offline one waits for its deactivation file. */
    public void deactivateSelected() {
        int deactivated = 0;
        int pending = 0;
        for (ProxyView proxy : selected) {
            try {
                String status = proxies.deactivate(currentUser.getUserId(), accountId, proxy.id());
                if ("PENDING_RELEASE".equals(status)) {
                    pending++;
                } else {
                    deactivated++;
                }
            } catch (KeyholdException refused) {
                Messages.error(refused);
            }
        }
        selected = new ArrayList<>();
        Messages.info("proxies.deactivated", deactivated, pending);
    }

    public void openDetails(String proxyId) {
        try {
            details = proxies.get(currentUser.getUserId(), accountId, proxyId);
            notes = details.notes();
            List<UsagePoint> usage = proxies.usage(currentUser.getUserId(), accountId, proxyId);
            usageEmpty = usage.isEmpty();
            usageChart = chart(usage, details.maxManagedComputers());
        } catch (KeyholdException refused) {
            details = null;
            Messages.error(refused);
        }
    }

    public void deactivateDetails() {
        act(() -> proxies.deactivate(currentUser.getUserId(), accountId, details.id()));
    }

    /** S7 "Release now": the dialog's confirmation is the administrator's confirm. */
    public void releaseDetails() {
        act(() -> proxies.release(currentUser.getUserId(), accountId, details.id(), true));
    }

    public void saveNotes() {
        try {
            details = proxies.changeNotes(currentUser.getUserId(), accountId, details.id(), notes);
            Messages.info("proxies.notesSaved");
        } catch (KeyholdException refused) {
            Messages.error(refused);
        }
    }

    private void act(java.util.function.Supplier<String> action) {
        try {
            action.get();
            openDetails(details.id());
        } catch (KeyholdException refused) {
            Messages.error(refused);
        }
    }

    /** Export CSV (S8): the filtered list, every cell safe to open in a spreadsheet. */
    public void exportCsv() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        String csv = proxies.exportCsv(currentUser.getUserId(), accountId, model.getDisplay(), java.util.stream.Stream.of(
                "serverName", "key", "siteCode", "siteDescription", "status", "offlineUse", "appVersion", "activatedAt",
                "lastReport", "maxManaged", "registered", "notes").map(column -> Messages.text("proxies." + column)).toList());
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        external.responseReset();
        external.setResponseContentType("text/csv; charset=UTF-8");
        external.setResponseHeader("Content-Disposition", "attachment; filename=\"proxy-servers.csv\"");
        external.setResponseContentLength(bytes.length);
        try (OutputStream out = external.getResponseOutputStream()) {
            out.write(bytes);
        }
        faces.responseComplete();
    }

    /** The Usage tab's chart (Chart.js, as PrimeFaces' p:chart takes it): managed Macs per report date and the maximum. */
    static String chart(List<UsagePoint> usage, int maxManaged) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder managed = Json.createArrayBuilder();
        JsonArrayBuilder limit = Json.createArrayBuilder();
        for (UsagePoint point : usage) {
            labels.add(point.reportDate().toString());
            managed.add(point.managedComputers());
            limit.add(maxManaged);
        }
        return Json.createObjectBuilder()
                .add("type", "bar")
                .add("data", Json.createObjectBuilder()
                        .add("labels", labels)
                        .add("datasets", Json.createArrayBuilder()
                                .add(Json.createObjectBuilder().add("type", "bar").add("label", Messages.text("proxies.usage.managed"))
                                        .add("data", managed).add("backgroundColor", "#3b82f6"))
                                .add(Json.createObjectBuilder().add("type", "line").add("label", Messages.text("proxies.usage.max"))
                                        .add("data", limit).add("borderColor", "#ef4444").add("pointRadius", 0))))
                .add("options", Json.createObjectBuilder().add("animation", false)
                        .add("scales", Json.createObjectBuilder().add("y", Json.createObjectBuilder().add("beginAtZero", true))))
                .build().toString();
    }

    /** A moment as the page shows it: in the view's language, UTC, to the minute. */
    public String when(java.time.Instant instant) {
        if (instant == null) {
            return "";
        }
        return java.time.format.DateTimeFormatter.ofLocalizedDateTime(java.time.format.FormatStyle.MEDIUM,
                        java.time.format.FormatStyle.SHORT)
                .withLocale(FacesContext.getCurrentInstance().getViewRoot().getLocale())
                .withZone(java.time.ZoneOffset.UTC).format(instant);
    }

    public ProxyView getDetails() {
        return details;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }

    public String getUsageChart() {
        return usageChart;
    }

    public boolean isUsageEmpty() {
        return usageEmpty;
    }
}
