-- Issue 16, SPEC T3: Downloads & Documentation per product and version, managed by operators.
-- An entry is a link (an installer on the vendor's CDN) or a file uploaded into the database, so
-- that every instance serves it alike; the file's bytes live in their own table, read only to serve them.
CREATE TABLE download_entries (
    id           CHAR(36)      NOT NULL,
    product_code VARCHAR(32)   NOT NULL,
    version      VARCHAR(40)   NOT NULL,
    kind         VARCHAR(16)   NOT NULL,
    title        VARCHAR(200)  NOT NULL,
    url          VARCHAR(2000) NULL,
    file_name    VARCHAR(200)  NULL,
    content_type VARCHAR(100)  NULL,
    size_bytes   BIGINT        NULL,
    sha256       CHAR(64)      NULL,
    created_at   DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    KEY ix_download_entries_product (product_code, version),
    CONSTRAINT fk_download_entries_product FOREIGN KEY (product_code) REFERENCES products (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE download_files (
    entry_id CHAR(36)    NOT NULL,
    content  LONGBLOB    NOT NULL,
    PRIMARY KEY (entry_id),
    CONSTRAINT fk_download_files_entry FOREIGN KEY (entry_id) REFERENCES download_entries (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
