-- Issue 15, SPEC O2/O3/E3: corporate (SSO) activation, SCIM provisioning and inactivity revocation.

-- O2: a subscription is either activated by license key (KEY) or by an ID token of the account's
-- identity provider (SSO; desktop only, at least 50 seats, no sublicenses).
ALTER TABLE subscriptions ADD COLUMN license_type VARCHAR(8) NOT NULL DEFAULT 'KEY';

-- O2: who activated by ID token. sso_subject is the token's oid (Entra) or sub; sso_email and
-- sso_login are its email and preferred_username in lower case: a SCIM user is linked to activations
-- by externalId = subject, or without one by userName = email or login (CONTRACT section 8).
ALTER TABLE activations
    ADD COLUMN sso_subject VARCHAR(255) NULL,
    ADD COLUMN sso_email   VARCHAR(254) NULL,
    ADD COLUMN sso_login   VARCHAR(254) NULL,
    ADD KEY ix_activations_sso_subject (account_id, sso_subject),
    ADD KEY ix_activations_sso_email (account_id, sso_email),
    ADD KEY ix_activations_sso_login (account_id, sso_login);

-- O2: an account's identity provider. An issuer and audience pair belongs to one account only.
-- E3: inactivity_revoke_days (null: off) revokes the account's SSO activations without a check-in.
CREATE TABLE identity_providers (
    account_id             CHAR(36)      NOT NULL,
    issuer                 VARCHAR(255)  NOT NULL,
    audience               VARCHAR(255)  NOT NULL,
    jwks_url               VARCHAR(1000) NULL,
    public_keys            MEDIUMTEXT    NULL,
    per_user_limit         INT           NOT NULL,
    required_group_id      CHAR(36)      NULL,
    inactivity_revoke_days INT           NULL,
    updated_at             DATETIME(3)   NOT NULL,
    version                BIGINT        NOT NULL,
    PRIMARY KEY (account_id),
    CONSTRAINT uq_identity_providers_issuer_audience UNIQUE (issuer, audience),
    KEY ix_identity_providers_inactivity (inactivity_revoke_days),
    CONSTRAINT fk_identity_providers_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- O3: bearer tokens of an account's SCIM client (the identity provider's provisioning); hash only.
CREATE TABLE scim_tokens (
    id           CHAR(36)    NOT NULL,
    account_id   CHAR(36)    NOT NULL,
    name         VARCHAR(100) NOT NULL,
    token_hash   CHAR(64)    NOT NULL,
    created_by   CHAR(36)    NULL,
    created_at   DATETIME(3) NOT NULL,
    last_used_at DATETIME(3) NULL,
    revoked_at   DATETIME(3) NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_scim_tokens_hash UNIQUE (token_hash),
    KEY ix_scim_tokens_account (account_id, created_at),
    CONSTRAINT fk_scim_tokens_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- O3: the users and groups an identity provider provisions (RFC 7643). userName is unique per
-- account without regard to case (its caseExact is false): user_name_key is its lower case.
CREATE TABLE scim_users (
    id            CHAR(36)     NOT NULL,
    account_id    CHAR(36)     NOT NULL,
    user_name     VARCHAR(254) NOT NULL,
    user_name_key VARCHAR(254) NOT NULL,
    external_id   VARCHAR(255) NULL,
    display_name  VARCHAR(254) NULL,
    given_name    VARCHAR(254) NULL,
    family_name   VARCHAR(254) NULL,
    email         VARCHAR(254) NULL,
    email_key     VARCHAR(254) NULL,
    active        BOOLEAN      NOT NULL,
    created_at    DATETIME(3)  NOT NULL,
    modified_at   DATETIME(3)  NOT NULL,
    version       BIGINT       NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_scim_users_user_name UNIQUE (account_id, user_name_key),
    KEY ix_scim_users_external_id (account_id, external_id),
    KEY ix_scim_users_email (account_id, email_key),
    KEY ix_scim_users_created (account_id, created_at),
    CONSTRAINT fk_scim_users_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE scim_groups (
    id           CHAR(36)     NOT NULL,
    account_id   CHAR(36)     NOT NULL,
    display_name VARCHAR(254) NOT NULL,
    external_id  VARCHAR(255) NULL,
    created_at   DATETIME(3)  NOT NULL,
    modified_at  DATETIME(3)  NOT NULL,
    version      BIGINT       NOT NULL,
    PRIMARY KEY (id),
    KEY ix_scim_groups_display_name (account_id, display_name),
    KEY ix_scim_groups_created (account_id, created_at),
    CONSTRAINT fk_scim_groups_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE scim_group_members (
    group_id CHAR(36) NOT NULL,
    user_id  CHAR(36) NOT NULL,
    PRIMARY KEY (group_id, user_id),
    KEY ix_scim_group_members_user (user_id),
    CONSTRAINT fk_scim_group_members_group FOREIGN KEY (group_id) REFERENCES scim_groups (id) ON DELETE CASCADE,
    CONSTRAINT fk_scim_group_members_user FOREIGN KEY (user_id) REFERENCES scim_users (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
