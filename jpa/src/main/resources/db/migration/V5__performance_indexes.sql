-- Performance (issue 5). Accepted by MySQL 8.0+ and MariaDB 10.6+.

-- The certificate a computer was last given, per activation (SPEC C3: a check-in may return the
-- certificate signed at the activation's last change of state). state_hash fingerprints everything
-- the certificate states except its signing time (CertificateState); a check-in returns the stored
-- document only while the fingerprint equals the current one, so a stale row is merely re-signed.
-- Kept apart from activations so that the list and export scans stay narrow. No foreign key on
-- purpose: the coalesced batch writes (CheckInWriter) would otherwise take shared locks on
-- activation rows that administrators' multi-row changes lock exclusively.
-- activation_id has the character set of activations.id: a join across character sets cannot use the
-- primary key (every check-in would scan the table).
CREATE TABLE activation_certificates (
    activation_id CHAR(36)      NOT NULL,
    state_hash    CHAR(64)      CHARACTER SET ascii NOT NULL,
    certificate   VARCHAR(4000) CHARACTER SET ascii NOT NULL,
    signed_at     DATETIME(3)   NOT NULL,
    PRIMARY KEY (activation_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
