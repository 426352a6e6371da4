package com.keyhold.web.pages;

import com.keyhold.download.DownloadCatalog;
import com.keyhold.download.DownloadEntry;
import com.keyhold.download.DownloadView;
import com.keyhold.subscription.ProductService;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Downloads & Documentation page of a product (SPEC T3, seed "Downloads and Documentation"),
 * where invitations to install send their users: the version selector (newest first; {@code ?version=}
 * chooses another, a plain GET form so the address can be shared) and that version's installers,
 * release notes and guides. Public: users invited to install have no account. While nothing is
 * published, it tells the user to ask their administrator for the installer.
 */
@Named
@RequestScoped
public class DownloadPage {

    @EJB
    ProductService products;

    @EJB
    DownloadCatalog catalog;

    private String productCode;
    private String productName;
    private List<String> versions = List.of();
    private String version;
    private Map<DownloadEntry.Kind, List<DownloadView>> entries = Map.of();

    @PostConstruct
    void load() {
        ExternalContext context = FacesContext.getCurrentInstance().getExternalContext();
        Object code = context.getRequestMap().get(DownloadsServlet.PRODUCT_ATTRIBUTE);
        productName = code instanceof String c ? products.publicName(c).orElse(null) : null;
        if (productName == null) {
            return;
        }
        productCode = ((String) code).toUpperCase(java.util.Locale.ROOT);
        versions = catalog.versions(productCode);
        String asked = context.getRequestParameterMap().get("version");
        version = asked != null && versions.contains(asked) ? asked : versions.isEmpty() ? null : versions.get(0);
        if (version != null) {
            Map<DownloadEntry.Kind, List<DownloadView>> grouped = new TreeMap<>();
            for (DownloadView entry : catalog.entries(productCode, version)) {
                grouped.computeIfAbsent(entry.kind(), k -> new java.util.ArrayList<>()).add(entry);
            }
            entries = grouped;
        }
    }

    /** The product's name, or null when the address names no product. */
    public String getProductName() {
        return productName;
    }

    public String getProductCode() {
        return productCode;
    }

    public List<String> getVersions() {
        return versions;
    }

    public String getVersion() {
        return version;
    }

    public List<Map.Entry<DownloadEntry.Kind, List<DownloadView>>> getGroups() {
        return List.copyOf(entries.entrySet());
    }

    /** A file's size for people: KB or MB. */
    public String size(Long bytes) {
        if (bytes == null) {
            return "";
        }
        return bytes >= 1024 * 1024 ? String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024))
                : Math.max(1, bytes / 1024) + " KB";
    }
}
