package com.keyhold.download;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/** The bytes of an uploaded download (SPEC T3), apart from its entry so that listing never reads them. */
@Entity
@Table(name = "download_files")
public class DownloadFile {

    @Id
    @Column(name = "entry_id", length = 36)
    private String entryId;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    private byte[] content;

    protected DownloadFile() {
    }

    public DownloadFile(String entryId, byte[] content) {
        this.entryId = entryId;
        this.content = content;
    }

    public void replace(byte[] newContent) {
        this.content = newContent;
    }

    public byte[] getContent() {
        return content;
    }
}
