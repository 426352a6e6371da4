-- Sign-in attempts per email: failed ones throttle guessing (5 within a minute lock the email for a
-- while); they also feed the "recent sign-ins" of the security settings (SPEC A9).
CREATE TABLE sign_in_attempts (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    email_normalized VARCHAR(254) NOT NULL,
    attempted_at     DATETIME(3)  NOT NULL,
    succeeded        BOOLEAN      NOT NULL,
    PRIMARY KEY (id),
    KEY ix_sign_in_attempts_email (email_normalized, attempted_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
