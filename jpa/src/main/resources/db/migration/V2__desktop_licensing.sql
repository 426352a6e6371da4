-- Desktop licensing: the product catalogue, subscriptions, license keys, activations, blacklist
-- (SPEC L1–L11, C1–C8). Accepted by MySQL 8.0+ and MariaDB 10.6+.

ALTER TABLE accounts
    ADD COLUMN support_code    CHAR(11)     NULL,
    ADD COLUMN company_country VARCHAR(100) NULL,
    ADD COLUMN company_zip     VARCHAR(20)  NULL,
    ADD COLUMN company_phone   VARCHAR(50)  NULL,
    ADD COLUMN company_street  VARCHAR(200) NULL,
    ADD COLUMN company_city    VARCHAR(100) NULL,
    ADD COLUMN company_state   VARCHAR(100) NULL,
    ADD CONSTRAINT uq_accounts_support_code UNIQUE (support_code);

CREATE TABLE products (
    code     VARCHAR(32)  NOT NULL,
    name     VARCHAR(200) NOT NULL,
    kind     VARCHAR(32)  NOT NULL,
    business BOOLEAN      NOT NULL,
    PRIMARY KEY (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

INSERT INTO products (code, name, kind, business) VALUES
    ('DESKTOP', 'Keyhold Desktop Business Edition', 'PER_COMPUTER', TRUE),
    ('DESKTOP_PERSONAL', 'Keyhold Desktop Home Edition', 'PER_COMPUTER', FALSE),
    ('FLEET', 'Keyhold Fleet Manager for SCCM', 'PER_MANAGED_MAC', TRUE),
    ('TOOLBOX', 'Keyhold Toolbox Business Edition', 'ADD_ON', TRUE);

CREATE TABLE subscriptions (
    id               CHAR(36)      NOT NULL,
    product_code     VARCHAR(32)   NOT NULL,
    account_id       CHAR(36)      NULL,
    name             VARCHAR(200)  COLLATE utf8mb4_unicode_ci NOT NULL,
    seats            INT           NOT NULL,
    starts_on        DATE          NOT NULL,
    ends_on          DATE          NOT NULL,
    auto_renewal     BOOLEAN       NOT NULL,
    trial            BOOLEAN       NOT NULL,
    contract_details VARCHAR(2000) NULL,
    created_at       DATETIME(3)   NOT NULL,
    version          BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    KEY ix_subscriptions_account (account_id, ends_on),
    CONSTRAINT fk_subscriptions_product FOREIGN KEY (product_code) REFERENCES products (code),
    CONSTRAINT fk_subscriptions_account FOREIGN KEY (account_id) REFERENCES accounts (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE subscription_add_ons (
    id              BIGINT      NOT NULL AUTO_INCREMENT,
    subscription_id CHAR(36)    NOT NULL,
    product_code    VARCHAR(32) NOT NULL,
    quantity        INT         NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_add_ons_subscription FOREIGN KEY (subscription_id) REFERENCES subscriptions (id),
    CONSTRAINT fk_add_ons_product FOREIGN KEY (product_code) REFERENCES products (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE subscription_orders (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    subscription_id CHAR(36)     NOT NULL,
    kind            VARCHAR(32)  NOT NULL,
    description     VARCHAR(500) NOT NULL,
    happened_at     DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    KEY ix_orders_subscription (subscription_id, happened_at),
    CONSTRAINT fk_orders_subscription FOREIGN KEY (subscription_id) REFERENCES subscriptions (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE license_keys (
    id                CHAR(36)     NOT NULL,
    subscription_id   CHAR(36)     NOT NULL,
    type              VARCHAR(16)  NOT NULL,
    name              VARCHAR(200) COLLATE utf8mb4_unicode_ci NOT NULL,
    key_value         CHAR(34)     NOT NULL,
    quota             INT          NULL,
    custom_expires_on DATE         NULL,
    created_at        DATETIME(3)  NOT NULL,
    version           BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uq_license_keys_value UNIQUE (key_value),
    KEY ix_license_keys_subscription (subscription_id),
    CONSTRAINT fk_license_keys_subscription FOREIGN KEY (subscription_id) REFERENCES subscriptions (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE activations (
    id              CHAR(36)      NOT NULL,
    subscription_id CHAR(36)      NOT NULL,
    key_id          CHAR(36)      NOT NULL,
    hardware_id     VARCHAR(128)  NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    token_hash      CHAR(64)      NOT NULL,
    computer_name   VARCHAR(200)  COLLATE utf8mb4_unicode_ci NULL,
    alias           VARCHAR(200)  COLLATE utf8mb4_unicode_ci NULL,
    serial_number   VARCHAR(100)  NULL,
    mac_addresses   VARCHAR(1000) NULL,
    ip_addresses    VARCHAR(1000) NULL,
    host_os         VARCHAR(100)  NULL,
    app_version     VARCHAR(100)  NULL,
    user_name       VARCHAR(200)  COLLATE utf8mb4_unicode_ci NULL,
    notes           VARCHAR(2000) NULL,
    activated_by    VARCHAR(254)  NULL,
    activated_at    DATETIME(3)   NOT NULL,
    last_contact_at DATETIME(3)   NOT NULL,
    deactivated_at  DATETIME(3)   NULL,
    version         BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uq_activations_subscription_hardware UNIQUE (subscription_id, hardware_id),
    KEY ix_activations_key_status (key_id, status, last_contact_at),
    KEY ix_activations_subscription_status (subscription_id, status, key_id),
    CONSTRAINT fk_activations_subscription FOREIGN KEY (subscription_id) REFERENCES subscriptions (id),
    CONSTRAINT fk_activations_key FOREIGN KEY (key_id) REFERENCES license_keys (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE blacklist (
    key_id      CHAR(36)     NOT NULL,
    hardware_id VARCHAR(128) NOT NULL,
    created_at  DATETIME(3)  NOT NULL,
    PRIMARY KEY (key_id, hardware_id),
    CONSTRAINT fk_blacklist_key FOREIGN KEY (key_id) REFERENCES license_keys (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
