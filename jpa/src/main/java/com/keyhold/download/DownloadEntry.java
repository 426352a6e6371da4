package com.keyhold.download;

import com.keyhold.persistence.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One entry of a product's Downloads & Documentation page (SPEC T3): an installer, release notes or
 * a guide of one version, either a link or an uploaded file ({@link DownloadFile} holds its bytes).
 */
@Entity
@Table(name = "download_entries")
public class DownloadEntry {

    /** What an entry is; the page groups entries by it, in this order. */
    public enum Kind {
        INSTALLER, RELEASE_NOTES, GUIDE, OTHER
    }

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "product_code", nullable = false, length = 32)
    private String productCode;

    @Column(nullable = false, length = 40)
    private String version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Kind kind;

    @Column(nullable = false, length = 200)
    private String title;

    @Column(length = 2000)
    private String url;

    @Column(name = "file_name", length = 200)
    private String fileName;

    @Column(name = "content_type", length = 100)
    private String contentType;

    @Column(name = "size_bytes")
    private Long sizeBytes;

    @Column(length = 64)
    private String sha256;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected DownloadEntry() {
    }

    public DownloadEntry(String productCode, String version, Kind kind, String title, String url, Instant now) {
        this.id = Ids.newId();
        this.productCode = productCode;
        this.version = version;
        this.kind = kind;
        this.title = title;
        this.url = url;
        this.createdAt = now;
    }

    /** The entry is an uploaded file from now on (its bytes are in {@link DownloadFile}). */
    public void attach(String safeFileName, String detectedContentType, long size, String sha256Hex) {
        this.url = null;
        this.fileName = safeFileName;
        this.contentType = detectedContentType;
        this.sizeBytes = size;
        this.sha256 = sha256Hex;
    }

    public boolean isFile() {
        return fileName != null;
    }

    public String getId() {
        return id;
    }

    public String getProductCode() {
        return productCode;
    }

    public String getVersion() {
        return version;
    }

    public Kind getKind() {
        return kind;
    }

    public String getTitle() {
        return title;
    }

    public String getUrl() {
        return url;
    }

    public String getFileName() {
        return fileName;
    }

    public String getContentType() {
        return contentType;
    }

    public Long getSizeBytes() {
        return sizeBytes;
    }

    public String getSha256() {
        return sha256;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
