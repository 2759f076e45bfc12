-- Identities read from ID-card photos, kept for 10 minutes under a random reference the mini-program hands back when
-- it registers the sale. In the database rather than Redis, so a scan survives a Redis outage. Only the reference's
-- SHA-256 is stored (it is a bearer secret); number and name are SM4-sealed with HMAC-SM3 blind indexes, like every
-- personal value. Expired rows are deleted by the app (ExpiredIdentityReferenceCleanup), using ix_..._expires_at.

CREATE TABLE buyer_identity_reference (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    ref_hash      CHAR(64)     NOT NULL,
    pharmacy_id   BIGINT       NOT NULL, -- only this pharmacy may use the reference
    account_id    BIGINT       NOT NULL, -- who scanned
    document_type VARCHAR(32)  NOT NULL,
    number_sealed VARCHAR(255) NOT NULL,
    number_index  CHAR(64)     NOT NULL,
    name_sealed   VARCHAR(512) NOT NULL, -- 40 characters of up to 4 bytes, sealed and base64-encoded
    name_index    CHAR(64)     NULL,
    birth_date    DATE         NULL,
    sex           VARCHAR(8)   NULL,
    created_at    TIMESTAMP(6) NOT NULL,
    expires_at    TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_buyer_identity_reference_hash (ref_hash),
    KEY ix_buyer_identity_reference_expires_at (expires_at),
    CONSTRAINT fk_buyer_identity_reference_pharmacy FOREIGN KEY (pharmacy_id) REFERENCES pharmacy (id),
    CONSTRAINT fk_buyer_identity_reference_account FOREIGN KEY (account_id) REFERENCES account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
