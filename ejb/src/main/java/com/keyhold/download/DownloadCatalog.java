package com.keyhold.download;

import com.keyhold.activity.ActivityActions;
import com.keyhold.activity.ActivityLog;
import com.keyhold.common.KeyholdException;
import com.keyhold.common.Validation;
import com.keyhold.common.Violation;
import com.keyhold.subscription.OperatorAccess;
import com.keyhold.subscription.Product;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Downloads & Documentation (SPEC T3): what a product's page lists per version (public, as the
 * invitation emails link it for users without an account), and the operators' management of the
 * entries: a link (https) or an uploaded file of at most {@value #MAX_FILE_BYTES} bytes whose type is
 * decided on its content ({@link UploadedFiles}). Operators only; every change is in the activity log.
 */
@Stateless
public class DownloadCatalog {

    public static final int MAX_FILE_BYTES = 20 * 1024 * 1024;

    @PersistenceContext(unitName = "keyhold")
    EntityManager em;

    @Inject
    Clock clock;

    @EJB
    OperatorAccess operators;

    @EJB
    ActivityLog activityLog;

    /** A new entry's fields; {@code url} for a link, none for a file uploaded next ({@link #attachFile}). */
    public record Draft(String product, String version, String kind, String title, String url) {
    }

    /** The product's versions, newest first. */
    public List<String> versions(String productCode) {
        return Versions.newestFirst(em.createQuery("SELECT DISTINCT e.version FROM DownloadEntry e WHERE e.productCode = :p",
                String.class).setParameter("p", normalized(productCode)).getResultList());
    }

    /** The entries of one version (null: the newest), installers first. */
    public List<DownloadView> entries(String productCode, String version) {
        String wanted = version;
        if (wanted == null || wanted.isBlank()) {
            List<String> versions = versions(productCode);
            if (versions.isEmpty()) {
                return List.of();
            }
            wanted = versions.get(0);
        }
        return em.createQuery("SELECT e FROM DownloadEntry e WHERE e.productCode = :p AND e.version = :v"
                        + " ORDER BY e.kind, e.title, e.id", DownloadEntry.class)
                .setParameter("p", normalized(productCode)).setParameter("v", wanted).getResultStream()
                .map(DownloadView::of).toList();
    }

    /** An uploaded file to serve, or empty when this product has no file entry with that id. */
    public Optional<ServedFile> file(String productCode, String entryId) {
        DownloadEntry entry = entryId == null || entryId.length() > 36 ? null : em.find(DownloadEntry.class, entryId);
        if (entry == null || !entry.isFile() || !entry.getProductCode().equals(normalized(productCode))) {
            return Optional.empty();
        }
        DownloadFile file = em.find(DownloadFile.class, entryId);
        return file == null ? Optional.empty()
                : Optional.of(new ServedFile(entry.getFileName(), entry.getContentType(), entry.getSha256(), file.getContent()));
    }

    /** A file as served: its safe name, detected type, digest and bytes. */
    public record ServedFile(String fileName, String contentType, String sha256, byte[] content) {
    }

    public List<DownloadView> all(String productCode) {
        operators.requireOperator();
        return em.createQuery("SELECT e FROM DownloadEntry e WHERE (:p IS NULL OR e.productCode = :p)"
                        + " ORDER BY e.productCode, e.createdAt DESC, e.id", DownloadEntry.class)
                .setParameter("p", productCode == null || productCode.isBlank() ? null : normalized(productCode))
                .setMaxResults(1000).getResultStream().map(DownloadView::of).toList();
    }

    public DownloadView add(Draft draft) {
        operators.requireOperator();
        if (draft == null) {
            throw KeyholdException.badRequest("body", "is required");
        }
        List<Violation> violations = new ArrayList<>();
        Product product = draft.product() == null ? null : em.find(Product.class, normalized(draft.product()));
        if (product == null) {
            violations.add(new Violation("product", "is not a product of the catalogue"));
        }
        String version = draft.version() == null ? "" : draft.version().strip();
        if (!version.matches("[\\p{Alnum}][\\p{Alnum}.\\-_ ]{0,39}")) {
            violations.add(new Violation("version", "is required: letters, digits, dots, dashes, up to 40 characters"));
        }
        DownloadEntry.Kind kind = null;
        try {
            kind = DownloadEntry.Kind.valueOf(draft.kind() == null ? "" : draft.kind().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            violations.add(new Violation("kind", "must be INSTALLER, RELEASE_NOTES, GUIDE or OTHER"));
        }
        String title = draft.title() == null ? "" : draft.title().strip();
        if (title.isEmpty() || title.length() > 200) {
            violations.add(new Violation("title", "is required, up to 200 characters"));
        }
        String url = draft.url() == null || draft.url().isBlank() ? null : draft.url().strip();
        if (url != null && !isHttpsUrl(url)) {
            violations.add(new Violation("url", "must be an https:// address of at most 2000 characters"));
        }
        Validation.require(violations);
        DownloadEntry entry = new DownloadEntry(product.getCode(), version, kind, title, url, clock.instant());
        em.persist(entry);
        activityLog.record(null, ActivityActions.DOWNLOAD_PUBLISHED, ActivityActions.DOWNLOAD, entry.getId(),
                product.getCode() + " " + version + ": " + kind + " '" + title + "'" + (url == null ? " (file to follow)" : " → " + url));
        return DownloadView.of(entry);
    }

    /** Uploads the entry's file (replacing a link or an earlier file); refused unless its content is an accepted type. */
    public DownloadView attachFile(String entryId, String submittedName, byte[] content) {
        operators.requireOperator();
        DownloadEntry entry = entryId == null || entryId.length() > 36 ? null : em.find(DownloadEntry.class, entryId);
        if (entry == null) {
            throw KeyholdException.notFound("Download");
        }
        UploadedFiles.Accepted accepted = UploadedFiles.accept(submittedName, content, MAX_FILE_BYTES,
                "A file may have at most " + MAX_FILE_BYTES / (1024 * 1024) + " MB; publish larger installers as links.");
        String name = accepted.fileName();
        String type = accepted.contentType();
        entry.attach(name, type, content.length, accepted.sha256());
        DownloadFile file = em.find(DownloadFile.class, entryId);
        if (file == null) {
            em.persist(new DownloadFile(entryId, content));
        } else {
            file.replace(content);
        }
        activityLog.record(null, ActivityActions.DOWNLOAD_PUBLISHED, ActivityActions.DOWNLOAD, entry.getId(),
                entry.getProductCode() + " " + entry.getVersion() + ": file '" + name + "' (" + type + ", " + content.length
                        + " bytes) for '" + entry.getTitle() + "'");
        return DownloadView.of(entry);
    }

    public void remove(String entryId) {
        operators.requireOperator();
        DownloadEntry entry = entryId == null || entryId.length() > 36 ? null : em.find(DownloadEntry.class, entryId);
        if (entry == null) {
            throw KeyholdException.notFound("Download");
        }
        em.remove(entry); // its file goes with it (ON DELETE CASCADE)
        activityLog.record(null, ActivityActions.DOWNLOAD_REMOVED, ActivityActions.DOWNLOAD, entry.getId(),
                entry.getProductCode() + " " + entry.getVersion() + ": '" + entry.getTitle() + "' removed");
    }

    private static boolean isHttpsUrl(String url) {
        try {
            URI uri = URI.create(url);
            return url.length() <= 2000 && "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String normalized(String productCode) {
        return productCode == null ? "" : productCode.strip().toUpperCase(Locale.ROOT);
    }
}
