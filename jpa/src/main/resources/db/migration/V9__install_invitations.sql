-- Invitations to install (SPEC I1-I4): a personal temporary activation code per email address for
-- one license key. Only the code's hash is kept. The expiry instant decides whether a code works
-- (E2); expired_at records when the invitation sweep marked it, for the list and the history.
CREATE TABLE install_invitations (
    id            CHAR(36)     NOT NULL,
    key_id        CHAR(36)     NOT NULL,
    email         VARCHAR(254) NOT NULL,
    language      CHAR(2)      NOT NULL,
    code_hash     CHAR(64)     NOT NULL,
    invited_by    CHAR(36)     NOT NULL,
    created_at    DATETIME(3)  NOT NULL,
    expires_at    DATETIME(3)  NOT NULL,
    used_at       DATETIME(3)  NULL,
    activation_id CHAR(36)     NULL,
    revoked_at    DATETIME(3)  NULL,
    expired_at    DATETIME(3)  NULL,
    email_id      CHAR(36)     NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_install_invitations_code UNIQUE (code_hash),
    KEY ix_install_invitations_key (key_id, created_at),
    KEY ix_install_invitations_pending (expired_at, used_at, revoked_at, expires_at),
    CONSTRAINT fk_install_invitations_key FOREIGN KEY (key_id) REFERENCES license_keys (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- E2 for invitations to join: when the sweep marked an expired one.
ALTER TABLE member_invitations ADD COLUMN expired_at DATETIME(3) NULL;
