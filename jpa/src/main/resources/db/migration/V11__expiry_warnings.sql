-- E1: each expiry warning (30, 7 and 1 days before a subscription's end) is sent once per end date.
-- A row is claimed (INSERT IGNORE on the primary key) before the emails are written, so two sweeps,
-- on one instance or two, never send the same warning twice; a renewal (a new end date) warns anew.
CREATE TABLE expiry_warnings (
    subscription_id CHAR(36)    NOT NULL,
    ends_on         DATE        NOT NULL,
    days_before     INT         NOT NULL,
    claimed_at      DATETIME(3) NOT NULL,
    PRIMARY KEY (subscription_id, ends_on, days_before),
    CONSTRAINT fk_expiry_warnings_subscription FOREIGN KEY (subscription_id) REFERENCES subscriptions (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
