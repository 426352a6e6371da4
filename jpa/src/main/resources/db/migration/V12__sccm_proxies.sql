-- The fleet product (SPEC S1–S9): SCCM proxy servers activated with a key, online over SOAP or
-- offline with request files; their weekly usage reports; the nonces of honoured request files;
-- the daily over-limit notices; and the operator's switch for offline operations per account.

ALTER TABLE accounts ADD COLUMN offline_operations BOOLEAN NOT NULL DEFAULT FALSE;

CREATE TABLE proxy_servers (
    id                   CHAR(36)     NOT NULL,
    account_id           CHAR(36)     NULL,
    subscription_id      CHAR(36)     NOT NULL,
    key_id               CHAR(36)     NOT NULL,
    -- S1: the key a proxy holds while ACTIVE or PENDING_RELEASE, NULL once released. Unique, so the
    -- database itself refuses a second proxy on one key whatever the service does.
    holds_key_id         CHAR(36)     NULL,
    activation_key_hash  CHAR(64)     NOT NULL,
    activation_key_hint  VARCHAR(16)  NOT NULL,
    status               VARCHAR(16)  NOT NULL,
    offline_use          BOOLEAN      NOT NULL,
    server_name          VARCHAR(200) COLLATE utf8mb4_unicode_ci NOT NULL,
    site_code            VARCHAR(16)  COLLATE utf8mb4_unicode_ci NOT NULL,
    site_description     VARCHAR(500) COLLATE utf8mb4_unicode_ci NULL,
    app_version          VARCHAR(64)  NULL,
    activated_at         DATETIME(3)  NOT NULL,
    deactivated_at       DATETIME(3)  NULL,
    last_refresh_at      DATETIME(3)  NULL,
    last_report_at       DATETIME(3)  NULL,
    last_report_date     DATE         NULL,
    used_managed         INT          NULL,
    silent_since         DATETIME(3)  NULL,
    notes                VARCHAR(2000) COLLATE utf8mb4_unicode_ci NULL,
    version              BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uq_proxy_servers_activation_key UNIQUE (activation_key_hash),
    CONSTRAINT uq_proxy_servers_holds_key UNIQUE (holds_key_id),
    KEY ix_proxy_servers_account (account_id, activated_at),
    KEY ix_proxy_servers_key (key_id),
    KEY ix_proxy_servers_status (status, last_report_at),
    CONSTRAINT fk_proxy_servers_subscription FOREIGN KEY (subscription_id) REFERENCES subscriptions (id),
    CONSTRAINT fk_proxy_servers_key FOREIGN KEY (key_id) REFERENCES license_keys (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- S5: one row per proxy and report date, holding that date's peak of managed Macs.
CREATE TABLE proxy_usage_reports (
    proxy_id          CHAR(36)    NOT NULL,
    report_date       DATE        NOT NULL,
    managed_computers INT         NOT NULL,
    reported_at       DATETIME(3) NOT NULL,
    PRIMARY KEY (proxy_id, report_date),
    CONSTRAINT fk_proxy_usage_proxy FOREIGN KEY (proxy_id) REFERENCES proxy_servers (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- S9: one request file is honoured once. The nonce is inserted in the transaction that honours it,
-- so two uploads of one file at once queue on the primary key and the second finds it taken.
CREATE TABLE offline_request_nonces (
    nonce       VARCHAR(128) NOT NULL,
    account_id  CHAR(36)     NOT NULL,
    received_at DATETIME(3)  NOT NULL,
    PRIMARY KEY (nonce),
    KEY ix_offline_request_nonces_received (received_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- S6: the over-limit email goes out once per proxy and day, claimed (INSERT IGNORE) before it is written.
CREATE TABLE proxy_over_limit_notices (
    proxy_id   CHAR(36)    NOT NULL,
    notice_day DATE        NOT NULL,
    claimed_at DATETIME(3) NOT NULL,
    PRIMARY KEY (proxy_id, notice_day),
    CONSTRAINT fk_proxy_notices_proxy FOREIGN KEY (proxy_id) REFERENCES proxy_servers (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
