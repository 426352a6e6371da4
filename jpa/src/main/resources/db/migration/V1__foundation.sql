-- Keyhold foundation schema: users, accounts, memberships, credentials, the signing key.
-- Accepted by MySQL 8.0+ and MariaDB 10.6+. Times are UTC (the pool sets the session time zone).
-- Identifiers and hashes compare byte for byte (utf8mb4_bin, also required for the foreign keys to
-- match); names people type sort and search case-insensitively (utf8mb4_unicode_ci).

CREATE TABLE users (
    id                   CHAR(36)     NOT NULL,
    email                VARCHAR(254) NOT NULL,
    email_normalized     VARCHAR(254) NOT NULL,
    first_name           VARCHAR(100) COLLATE utf8mb4_unicode_ci NOT NULL,
    last_name            VARCHAR(100) COLLATE utf8mb4_unicode_ci NOT NULL,
    password_hash        VARCHAR(512) NOT NULL,
    language             CHAR(2)      NOT NULL,
    operator             BOOLEAN      NOT NULL DEFAULT FALSE,
    must_change_password BOOLEAN      NOT NULL DEFAULT FALSE,
    terms_accepted_at    DATETIME(3)  NULL,
    created_at           DATETIME(3)  NOT NULL,
    version              BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uq_users_email UNIQUE (email_normalized)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE accounts (
    id         CHAR(36)     NOT NULL,
    type       VARCHAR(16)  NOT NULL,
    name       VARCHAR(200) COLLATE utf8mb4_unicode_ci NOT NULL,
    created_at DATETIME(3)  NOT NULL,
    version    BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE memberships (
    id           BIGINT      NOT NULL AUTO_INCREMENT,
    account_id   CHAR(36)    NOT NULL,
    user_id      CHAR(36)    NOT NULL,
    role         VARCHAR(32) NOT NULL,
    member_since DATETIME(3) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_memberships_account_user UNIQUE (account_id, user_id),
    KEY ix_memberships_user (user_id),
    CONSTRAINT fk_memberships_account FOREIGN KEY (account_id) REFERENCES accounts (id),
    CONSTRAINT fk_memberships_user FOREIGN KEY (user_id) REFERENCES users (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE api_tokens (
    id           CHAR(36)     NOT NULL,
    user_id      CHAR(36)     NOT NULL,
    name         VARCHAR(100) NOT NULL,
    token_hash   CHAR(64)     NOT NULL,
    scope        VARCHAR(16)  NOT NULL,
    created_at   DATETIME(3)  NOT NULL,
    expires_at   DATETIME(3)  NULL,
    last_used_at DATETIME(3)  NULL,
    revoked_at   DATETIME(3)  NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_api_tokens_hash UNIQUE (token_hash),
    KEY ix_api_tokens_user (user_id),
    CONSTRAINT fk_api_tokens_user FOREIGN KEY (user_id) REFERENCES users (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE remember_me_tokens (
    token_hash CHAR(64)    NOT NULL,
    user_id    CHAR(36)    NOT NULL,
    created_at DATETIME(3) NOT NULL,
    expires_at DATETIME(3) NOT NULL,
    PRIMARY KEY (token_hash),
    KEY ix_remember_me_user (user_id),
    CONSTRAINT fk_remember_me_user FOREIGN KEY (user_id) REFERENCES users (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE signing_keys (
    id                    INT         NOT NULL,
    algorithm             VARCHAR(16) NOT NULL,
    public_key            BLOB        NOT NULL,
    private_key_encrypted BLOB        NOT NULL,
    created_at            DATETIME(3) NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
