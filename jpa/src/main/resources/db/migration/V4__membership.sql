-- Membership (SPEC A5–A8, A10) and outgoing email.
-- A membership can be blocked (kept, but refused everywhere) and carries the administrators' notes;
-- a license administrator's keys are rows of membership_keys. Invitations to join and password
-- resets keep only the SHA-256 of their single-use token. Emails are written to an outbox in the
-- transaction that causes them and sent after it commits, with retry (SPEC "Emails").

ALTER TABLE memberships
    ADD COLUMN status VARCHAR(16) NOT NULL DEFAULT 'ACTIVE',
    ADD COLUMN notes  VARCHAR(2000) COLLATE utf8mb4_unicode_ci NULL;

CREATE TABLE membership_keys (
    membership_id BIGINT   NOT NULL,
    key_id        CHAR(36) NOT NULL,
    PRIMARY KEY (membership_id, key_id),
    KEY ix_membership_keys_key (key_id),
    CONSTRAINT fk_membership_keys_membership FOREIGN KEY (membership_id) REFERENCES memberships (id) ON DELETE CASCADE,
    CONSTRAINT fk_membership_keys_key FOREIGN KEY (key_id) REFERENCES license_keys (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

ALTER TABLE users
    ADD COLUMN sessions_valid_after DATETIME(3) NULL;

CREATE TABLE member_invitations (
    id               CHAR(36)     NOT NULL,
    account_id       CHAR(36)     NOT NULL,
    email            VARCHAR(254) NOT NULL,
    email_normalized VARCHAR(254) NOT NULL,
    language         CHAR(2)      NOT NULL,
    license_key_id   CHAR(36)     NULL,
    token_hash       CHAR(64)     NOT NULL,
    invited_by       CHAR(36)     NOT NULL,
    created_at       DATETIME(3)  NOT NULL,
    expires_at       DATETIME(3)  NOT NULL,
    accepted_at      DATETIME(3)  NULL,
    accepted_by      CHAR(36)     NULL,
    revoked_at       DATETIME(3)  NULL,
    email_id         CHAR(36)     NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_member_invitations_token UNIQUE (token_hash),
    KEY ix_member_invitations_account (account_id, created_at),
    CONSTRAINT fk_member_invitations_account FOREIGN KEY (account_id) REFERENCES accounts (id),
    CONSTRAINT fk_member_invitations_key FOREIGN KEY (license_key_id) REFERENCES license_keys (id) ON DELETE SET NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE password_resets (
    token_hash CHAR(64)    NOT NULL,
    user_id    CHAR(36)    NOT NULL,
    created_at DATETIME(3) NOT NULL,
    expires_at DATETIME(3) NOT NULL,
    used_at    DATETIME(3) NULL,
    PRIMARY KEY (token_hash),
    KEY ix_password_resets_user (user_id),
    CONSTRAINT fk_password_resets_user FOREIGN KEY (user_id) REFERENCES users (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE outgoing_emails (
    id              CHAR(36)      NOT NULL,
    kind            VARCHAR(40)   NOT NULL,
    recipient       VARCHAR(254)  NOT NULL,
    language        CHAR(2)       NOT NULL,
    subject         VARCHAR(300)  COLLATE utf8mb4_unicode_ci NOT NULL,
    body            TEXT          COLLATE utf8mb4_unicode_ci NOT NULL,
    created_at      DATETIME(3)   NOT NULL,
    next_attempt_at DATETIME(3)   NULL,
    attempts        INT           NOT NULL DEFAULT 0,
    sent_at         DATETIME(3)   NULL,
    last_error      VARCHAR(1000) NULL,
    PRIMARY KEY (id),
    KEY ix_outgoing_emails_due (next_attempt_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
