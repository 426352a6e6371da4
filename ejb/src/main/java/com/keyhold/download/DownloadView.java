package com.keyhold.download;

import java.time.Instant;

/** An entry as the Downloads page and the operator API show it; {@code href} is where to get it. */
public record DownloadView(String id, String product, String version, DownloadEntry.Kind kind, String title, String href,
        String fileName, Long sizeBytes, String sha256, Instant createdAt) implements java.io.Serializable {

    static DownloadView of(DownloadEntry e) {
        String href = e.isFile() ? "/downloads/" + e.getProductCode() + "/files/" + e.getId() : e.getUrl();
        return new DownloadView(e.getId(), e.getProductCode(), e.getVersion(), e.getKind(), e.getTitle(), href,
                e.getFileName(), e.getSizeBytes(), e.getSha256(), e.getCreatedAt());
    }
}
