-- The activity log (issue 9, CONTRACT sections 6 and 7): every administrative and operator action,
-- written in the transaction of the action. The application only inserts rows (ActivityEntry).
--
-- No foreign keys: an entry outlives the user, key or member it names, and keeps the actor's email
-- as it was. seq orders entries of the same millisecond as they were written. The two indexes serve
-- the two lists, newest first: one account's log (administrators) and every account's (operators);
-- both read one page along the index and stop.
CREATE TABLE activity_log (
    id          CHAR(36)      NOT NULL,
    seq         BIGINT        NOT NULL AUTO_INCREMENT,
    at          DATETIME(3)   NOT NULL,
    actor_id    CHAR(36)      NULL,
    actor_email VARCHAR(254)  NULL,
    account_id  CHAR(36)      NULL,
    action      VARCHAR(64)   NOT NULL,
    object_type VARCHAR(40)   NULL,
    object_id   VARCHAR(64)   NULL,
    summary     VARCHAR(1000) COLLATE utf8mb4_unicode_ci NULL,
    ip          VARCHAR(45)   NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_activity_log_seq UNIQUE (seq),
    KEY ix_activity_log_account_at (account_id, at DESC, seq DESC),
    KEY ix_activity_log_at (at DESC, seq DESC)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
