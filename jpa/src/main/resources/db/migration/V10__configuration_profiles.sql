-- Configuration profiles (issue 10, SPEC P1, P2, CONTRACT section 6): named per account, two payloads
-- with an enable switch each; a disabled payload keeps its settings. A key refers to at most one
-- profile; NULL is the built-in Default (no payloads), which has no row.
--
-- The name is unique per account without regard to case (utf8mb4_unicode_ci), as administrators read
-- names. Deleting a profile puts its keys back on Default: the service does so explicitly in the same
-- transaction; ON DELETE SET NULL only guards the rule.
CREATE TABLE configuration_profiles (
    id                      CHAR(36)      NOT NULL,
    account_id              CHAR(36)      NOT NULL,
    name                    VARCHAR(100)  COLLATE utf8mb4_unicode_ci NOT NULL,
    vm_image_enabled        BOOLEAN       NOT NULL DEFAULT FALSE,
    vm_image_url            VARCHAR(2000) NULL,
    vm_image_checksum       VARCHAR(200)  NULL,
    vm_name                 VARCHAR(200)  COLLATE utf8mb4_unicode_ci NULL,
    upgrades_enabled        BOOLEAN       NOT NULL DEFAULT FALSE,
    upgrades_allowed        BOOLEAN       NOT NULL DEFAULT FALSE,
    upgrades_target_version VARCHAR(50)   NULL,
    created_at              DATETIME(3)   NOT NULL,
    updated_at              DATETIME(3)   NOT NULL,
    version                 BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uq_configuration_profiles_account_name UNIQUE (account_id, name),
    CONSTRAINT fk_configuration_profiles_account FOREIGN KEY (account_id) REFERENCES accounts (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

ALTER TABLE license_keys
    ADD COLUMN profile_id CHAR(36) NULL,
    ADD KEY ix_license_keys_profile (profile_id),
    ADD CONSTRAINT fk_license_keys_profile FOREIGN KEY (profile_id) REFERENCES configuration_profiles (id)
        ON DELETE SET NULL;
