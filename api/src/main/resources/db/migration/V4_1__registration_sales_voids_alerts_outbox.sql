-- Special-drug sale registrations: append-only. A correction is a new row (a void), never an update or delete.
-- Scale: ~120 M sales a year (6,400 pharmacies x ~50 a day). Every read path is one of the three indexes below
-- (pharmacy + time, district + time, buyer blind index + time); the README says how old data is partitioned.

CREATE TABLE registration (
    id                      BIGINT       NOT NULL AUTO_INCREMENT,
    pharmacy_id             BIGINT       NOT NULL,
    district_code           CHAR(6)      NOT NULL,
    clerk_id                BIGINT       NOT NULL,
    sold_at                 TIMESTAMP(6) NOT NULL, -- the counter's time of sale (offline sales arrive later)
    recorded_at             TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    buyer_document_type     VARCHAR(32)  NOT NULL,
    buyer_number_sealed     VARCHAR(255) NOT NULL, -- SM4
    buyer_number_index      CHAR(64)     NOT NULL, -- HMAC-SM3 blind index
    buyer_name_sealed       VARCHAR(512) NOT NULL, -- a sealed 40-character name can exceed 255
    buyer_birth_date        DATE         NULL,
    buyer_sex               VARCHAR(8)   NULL,
    prescription_number     VARCHAR(64)  NULL,
    prescriber              VARCHAR(32)  NULL,
    prescribing_institution VARCHAR(128) NULL,
    warnings                VARCHAR(1000) NULL,    -- the rule codes that warned, comma separated
    PRIMARY KEY (id),
    KEY ix_registration_pharmacy_time (pharmacy_id, sold_at),
    KEY ix_registration_district_time (district_code, sold_at),
    KEY ix_registration_buyer_time (buyer_number_index, sold_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE registration_item (
    id                    BIGINT      NOT NULL AUTO_INCREMENT,
    registration_id       BIGINT      NOT NULL,
    drug_id               BIGINT      NOT NULL,
    special_category_code VARCHAR(32) NOT NULL,
    quantity              INT         NOT NULL,
    batch_number          VARCHAR(32) NOT NULL,
    prescribed_quantity   INT         NULL,
    PRIMARY KEY (id),
    KEY ix_registration_item_registration (registration_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A traceability code is one sales package: the same code in a later sale is a re-sale (回流) signal.
CREATE TABLE registration_trace_code (
    trace_code      CHAR(20) NOT NULL,
    registration_id BIGINT   NOT NULL,
    PRIMARY KEY (trace_code, registration_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The voiding record: one per registration at most (the primary key), never removed.
CREATE TABLE registration_void (
    registration_id BIGINT       NOT NULL,
    voided_at       TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    voided_by       BIGINT       NOT NULL,
    reason          VARCHAR(200) NOT NULL,
    PRIMARY KEY (registration_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Idempotency: a claim per (pharmacy, key), committed before the work so a concurrent duplicate sees it (409), and
-- marked DONE with the answer in the same transaction as the registration, so a retry replays the answer.
CREATE TABLE registration_request (
    pharmacy_id     BIGINT       NOT NULL,
    idempotency_key VARCHAR(64)  NOT NULL,
    request_hash    CHAR(64)     NOT NULL,
    status          VARCHAR(8)   NOT NULL, -- PENDING | DONE
    registration_id BIGINT       NULL,
    response        TEXT         NULL,
    claimed_at      TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (pharmacy_id, idempotency_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- What district inspectors will work: every WARN or BLOCK of a rule. A BLOCK has no registration.
CREATE TABLE rule_alert (
    id                 BIGINT       NOT NULL AUTO_INCREMENT,
    district_code      CHAR(6)      NOT NULL,
    pharmacy_id        BIGINT       NOT NULL,
    registration_id    BIGINT       NULL,
    buyer_number_index CHAR(64)     NOT NULL,
    rule_code          VARCHAR(32)  NOT NULL,
    severity           VARCHAR(8)   NOT NULL,
    category_code      VARCHAR(32)  NULL,
    detail             VARCHAR(255) NOT NULL,
    created_at         TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    status             VARCHAR(16)  NOT NULL DEFAULT 'OPEN',
    PRIMARY KEY (id),
    KEY ix_rule_alert_district (district_code, status, created_at),
    KEY ix_rule_alert_buyer (buyer_number_index, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Changes the bureau's data centre must see, written in the same transaction as the change.
CREATE TABLE outbox (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    aggregate_type VARCHAR(32)  NOT NULL,
    aggregate_id   BIGINT       NOT NULL,
    version        INT          NOT NULL,
    event_type     VARCHAR(32)  NOT NULL,
    payload        TEXT         NOT NULL,
    created_at     TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    published_at   TIMESTAMP(6) NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_outbox_aggregate_version (aggregate_type, aggregate_id, version),
    KEY ix_outbox_unpublished (published_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
