package com.keyhold.web.pages;

import com.keyhold.common.KeyholdException;
import com.keyhold.download.DownloadCatalog;
import com.keyhold.download.DownloadEntry;
import com.keyhold.download.DownloadView;
import com.keyhold.subscription.Product;
import com.keyhold.subscription.ProductService;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The operators' Downloads editor (issue 16, SPEC T3): a product's entries of every version, newest
 * first; publish an entry (a link, or a file uploaded next by the form that posts to
 * {@link OperatorFilesServlet}, up to 20 MB) and remove one. The page {@code /downloads/{product}}
 * shows what is here.
 */
@Named
@ViewScoped
public class DownloadsEditorPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    DownloadCatalog catalog;

    @EJB
    ProductService products;

    private String product = "DESKTOP";
    private List<DownloadView> entries = List.of();
    private String version;
    private String kind = DownloadEntry.Kind.INSTALLER.name();
    private String title;
    private String url;

    @PostConstruct
    void load() {
        String asked = jakarta.faces.context.FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap()
                .get("product");
        if (asked != null && asked.matches("[A-Za-z][A-Za-z0-9_]{1,31}")) {
            product = asked.toUpperCase(java.util.Locale.ROOT);
        }
        reload();
    }

    /** The page's view action (before it renders): the outcome of a file's upload, as the page's message. */
    public void showUploadOutcome() {
        PageUploads.showOutcome("downloadsEditor.uploaded");
    }

    public void reload() {
        try {
            entries = catalog.all(product);
        } catch (KeyholdException refused) {
            entries = List.of();
            Messages.error(refused);
        }
    }

    public void add() {
        DownloadCatalog.Draft draft = new DownloadCatalog.Draft(product, version, kind, title, url);
        DownloadView[] added = new DownloadView[1];
        if (Messages.attempt(() -> added[0] = catalog.add(draft))) {
            Messages.info(added[0].href() == null ? "downloadsEditor.addedUpload" : "downloadsEditor.added", added[0].title());
            title = null;
            url = null;
        }
        reload();
    }

    public void remove(String entryId) {
        if (Messages.attempt(() -> catalog.remove(entryId))) {
            Messages.info("downloadsEditor.removed");
        }
        reload();
    }

    /** Where the upload form posts ({@link OperatorFilesServlet}); the product comes back in the query. */
    public String getUploadPath() {
        return "/app/operator/files/downloads?product=" + product;
    }

    public int getMaxFileBytes() {
        return DownloadCatalog.MAX_FILE_BYTES;
    }

    public String size(Long bytes) {
        return bytes == null ? "" : TicketsPage.formatSize(bytes);
    }

    public List<Product> getProducts() {
        return products.catalogue();
    }

    public List<String> getKinds() {
        return java.util.Arrays.stream(DownloadEntry.Kind.values()).map(Enum::name).toList();
    }

    public List<DownloadView> getEntries() {
        return entries;
    }

    public String getProduct() {
        return product;
    }

    public void setProduct(String product) {
        this.product = product;
    }

    public String getVersion() {
        return version;
    }

    public void setVersion(String version) {
        this.version = version;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }
}
