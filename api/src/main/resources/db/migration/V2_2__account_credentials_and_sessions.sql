-- Sign-in credentials, lockout, second factor, bound phone, and the sessions (refresh-token families) of accounts.

ALTER TABLE account
    ADD COLUMN password_hash            VARCHAR(255) NULL,  -- Argon2id, PHC string format
    ADD COLUMN password_change_required BOOLEAN      NOT NULL DEFAULT FALSE,
    ADD COLUMN failed_sign_ins          INT          NOT NULL DEFAULT 0,
    ADD COLUMN first_failed_at          TIMESTAMP(6) NULL,
    ADD COLUMN locked_until             TIMESTAMP(6) NULL,
    ADD COLUMN totp_secret_sealed       VARCHAR(255) NULL,  -- SM4-sealed, like personal data
    ADD COLUMN totp_enrolled            BOOLEAN      NOT NULL DEFAULT FALSE,
    ADD COLUMN totp_last_step           BIGINT       NULL,  -- a TOTP code is accepted once
    ADD COLUMN phone_sealed             VARCHAR(255) NULL,
    ADD COLUMN phone_index              CHAR(64)     NULL,  -- HMAC-SM3 blind index
    ADD COLUMN deleted_at               TIMESTAMP(6) NULL,
    ADD KEY ix_account_phone_index (phone_index),
    ADD KEY ix_account_role_status (role, status);

-- One row per issued refresh token. A family is one sign-in: rotation issues the next token of the family, and
-- presenting an already-used token (a stolen copy) revokes the whole family.
CREATE TABLE refresh_token (
    id                BIGINT       NOT NULL AUTO_INCREMENT,
    token_hash        CHAR(64)     NOT NULL,
    family_id         CHAR(32)     NOT NULL,
    account_id        BIGINT       NOT NULL,
    issued_at         TIMESTAMP(6) NOT NULL,
    expires_at        TIMESTAMP(6) NOT NULL, -- idle limit
    family_expires_at TIMESTAMP(6) NOT NULL, -- absolute limit of the sign-in
    used_at           TIMESTAMP(6) NULL,
    revoked_at        TIMESTAMP(6) NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_refresh_token_hash (token_hash),
    KEY ix_refresh_token_family (family_id),
    KEY ix_refresh_token_account (account_id),
    CONSTRAINT fk_refresh_token_account FOREIGN KEY (account_id) REFERENCES account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Staff accounts are issued, not self-registered: a single-use code binds a WeChat identity to the account.
CREATE TABLE activation_code (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    code_hash  CHAR(64)     NOT NULL,
    account_id BIGINT       NOT NULL,
    issued_by  BIGINT       NULL,
    issued_at  TIMESTAMP(6) NOT NULL,
    expires_at TIMESTAMP(6) NOT NULL,
    used_at    TIMESTAMP(6) NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_activation_code_hash (code_hash),
    KEY ix_activation_code_account (account_id),
    CONSTRAINT fk_activation_code_account FOREIGN KEY (account_id) REFERENCES account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
