-- Sign-in throttling that holds under parallel guessing (issue 9): an attempt is claimed, counted
-- and recorded under a row lock of its subject (the email, the client's address) before the
-- password is hashed, so parallel guesses queue at the lock and at most the allowed number are
-- evaluated. sign_in_subjects holds one row per subject only to be locked.
ALTER TABLE sign_in_attempts
    ADD COLUMN client_address VARCHAR(64) NULL,
    ADD KEY ix_sign_in_attempts_address (client_address, attempted_at),
    ADD KEY ix_sign_in_attempts_at (attempted_at);

CREATE TABLE sign_in_subjects (
    subject VARCHAR(330) NOT NULL,
    PRIMARY KEY (subject)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
