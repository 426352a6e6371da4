-- Issue 16, SPEC T1/T2: support tickets of an account's members, their conversation with the
-- vendor's agents (operators) and their watchers. number is the ticket id people quote on the phone.
CREATE TABLE support_tickets (
    id            CHAR(36)     NOT NULL,
    number        BIGINT       NOT NULL AUTO_INCREMENT,
    account_id    CHAR(36)     NOT NULL,
    owner_id      CHAR(36)     NOT NULL,
    product_code  VARCHAR(32)  NOT NULL,
    category      VARCHAR(100) NOT NULL,
    subject       VARCHAR(200) COLLATE utf8mb4_unicode_ci NOT NULL,
    status        VARCHAR(16)  NOT NULL,
    survey_rating INT          NULL,
    survey_text   VARCHAR(2000) COLLATE utf8mb4_unicode_ci NULL,
    created_at    DATETIME(3)  NOT NULL,
    updated_at    DATETIME(3)  NOT NULL,
    version       BIGINT       NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_support_tickets_number UNIQUE (number),
    KEY ix_support_tickets_account (account_id, status, updated_at),
    KEY ix_support_tickets_owner (owner_id, status, updated_at),
    KEY ix_support_tickets_status (status, updated_at),
    CONSTRAINT fk_support_tickets_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin AUTO_INCREMENT = 100001;

CREATE TABLE ticket_messages (
    id          CHAR(36)     NOT NULL,
    ticket_id   CHAR(36)     NOT NULL,
    author_id   CHAR(36)     NULL,
    author_name VARCHAR(254) NOT NULL,
    from_agent  BOOLEAN      NOT NULL,
    internal    BOOLEAN      NOT NULL,
    body        TEXT         COLLATE utf8mb4_unicode_ci NOT NULL,
    created_at  DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    KEY ix_ticket_messages_ticket (ticket_id, created_at),
    CONSTRAINT fk_ticket_messages_ticket FOREIGN KEY (ticket_id) REFERENCES support_tickets (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE ticket_watchers (
    ticket_id CHAR(36) NOT NULL,
    user_id   CHAR(36) NOT NULL,
    PRIMARY KEY (ticket_id, user_id),
    CONSTRAINT fk_ticket_watchers_ticket FOREIGN KEY (ticket_id) REFERENCES support_tickets (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
