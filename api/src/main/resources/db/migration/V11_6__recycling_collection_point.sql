-- Collection points of the expired-drug recycling scheme (issue 23 §1): a pharmacy that takes part. Owned by the
-- recycling feature (issue 23 adds its routes: POST /portal/v1/collection-points, .../{id}/status); the public
-- pharmacy search reads it for acceptsExpiredDrugs. One point per pharmacy.
CREATE TABLE collection_point (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    pharmacy_id    BIGINT       NOT NULL,
    status         VARCHAR(16)  NOT NULL DEFAULT 'ACTIVE', -- ACTIVE | SUSPENDED
    accepted_kinds VARCHAR(64)  NOT NULL,                  -- comma-separated: BOX, BOTTLE, OTHER
    created_at     TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at     TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (id),
    UNIQUE KEY uk_collection_point_pharmacy (pharmacy_id),
    KEY ix_collection_point_status (status),
    CONSTRAINT fk_collection_point_pharmacy FOREIGN KEY (pharmacy_id) REFERENCES pharmacy (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
