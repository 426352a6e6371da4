-- Issue 13, SPEC L7 in bounded transactions: a quota decrease that deactivates more installations than
-- one batch commits the new quota and one row here; the key trimmer then deactivates the excess, least
-- recently contacted first, a batch per transaction, and deletes the row when none is left. A row left
-- by a crash is finished by the trimmer's next run (every minute).
CREATE TABLE key_trims (
    key_id       CHAR(36)    NOT NULL,
    requested_at DATETIME(3) NOT NULL,
    PRIMARY KEY (key_id),
    CONSTRAINT fk_key_trims_key FOREIGN KEY (key_id) REFERENCES license_keys (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
