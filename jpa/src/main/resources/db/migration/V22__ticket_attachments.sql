-- Issue 16, SPEC T1: files attached to a ticket, stored in the database (two instances serve them
-- alike) under a generated id; the name is the uploader's, made safe, and the type decided on content.
CREATE TABLE ticket_attachments (
    id           CHAR(36)     NOT NULL,
    ticket_id    CHAR(36)     NOT NULL,
    file_name    VARCHAR(200) NOT NULL,
    content_type VARCHAR(100) NOT NULL,
    size_bytes   BIGINT       NOT NULL,
    sha256       CHAR(64)     NOT NULL,
    content      LONGBLOB     NOT NULL,
    uploaded_by  CHAR(36)     NOT NULL,
    created_at   DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    KEY ix_ticket_attachments_ticket (ticket_id, created_at),
    CONSTRAINT fk_ticket_attachments_ticket FOREIGN KEY (ticket_id) REFERENCES support_tickets (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
