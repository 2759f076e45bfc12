-- Macau-licensed pharmacists registered to practise in the cooperation zone (跨境执业, docs/notices.md). The register
-- is public by purpose: names are shown as the bureau registers them, so they are not sealed. search_text folds the
-- names and the licence number (lower case, accents removed) so that "joao" finds "João" on any database collation.
-- The status (VALID, EXPIRED, REVOKED, NOT_YET_VALID) is computed from the dates on the day asked, never stored.
CREATE TABLE cross_border_pharmacist (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    name_zh        VARCHAR(64)  NOT NULL,
    name_pt        VARCHAR(128) NOT NULL,
    license_number VARCHAR(32)  NOT NULL,
    pharmacy_id    BIGINT       NOT NULL,
    valid_from     DATE         NOT NULL,
    valid_to       DATE         NOT NULL,
    revoked_at     TIMESTAMP(6) NULL,
    revoke_reason  VARCHAR(200) NULL,
    search_text    VARCHAR(300) NOT NULL,
    created_at     TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at     TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (id),
    UNIQUE KEY uk_cross_border_license (license_number),
    KEY ix_cross_border_pharmacy (pharmacy_id),
    CONSTRAINT fk_cross_border_pharmacy FOREIGN KEY (pharmacy_id) REFERENCES pharmacy (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
