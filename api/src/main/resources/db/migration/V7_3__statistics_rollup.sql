-- Statistics rollup (docs/statistics.md): what the regulators' dashboard and statistics tables read instead of the
-- registration table, so a statistics request costs the same at 10 M sales as at 1 M. Maintained by one job a few
-- seconds behind the sales (StatisticsRollup), not inside the registration transaction: the counter's write path stays
-- exactly as fast as it was, and no rollup row becomes a lock every commit group waits for.

-- One row per grain, district, China day and item: the sales of that day as committed so far.
--   grain PHARMACY (item = pharmacy id), PHARMACY_CATEGORY (pharmacy id:category), DRUG (drug id),
--   CATEGORY (category code), DISTRICT (item ''), CITY (district_code = the city's code, item '').
-- sales/packages/warnings count sales not voided; voids counts the voided ones; blocks the BLOCK findings of refused
-- sales. distinct_buyers is exact for the row; buyers is a HyperLogLog sketch (StatisticsSketch) for merging rows of
-- several days or districts, where distinct buyers are not additive.
CREATE TABLE statistics_daily (
    grain           VARCHAR(20) NOT NULL,
    district_code   CHAR(6)     NOT NULL,
    day             DATE        NOT NULL,
    item_key        VARCHAR(48) NOT NULL,
    pharmacy_id     BIGINT      NULL,
    drug_id         BIGINT      NULL,
    category_code   VARCHAR(32) NULL,
    sales           INT         NOT NULL DEFAULT 0,
    packages        INT         NOT NULL DEFAULT 0,
    warnings        INT         NOT NULL DEFAULT 0,
    blocks          INT         NOT NULL DEFAULT 0,
    voids           INT         NOT NULL DEFAULT 0,
    distinct_buyers INT         NOT NULL DEFAULT 0,
    buyers          BLOB        NULL,
    PRIMARY KEY (grain, district_code, day, item_key),
    KEY ix_statistics_daily_city (grain, day),
    KEY ix_statistics_daily_pharmacy (pharmacy_id, day)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The exact buyer set of a day, what makes distinct_buyers exact per row and lets a void take a buyer out again.
-- sales counts the buyer's sales of that drug at that pharmacy that day, not voided.
CREATE TABLE statistics_buyer_day (
    day                DATE        NOT NULL,
    buyer_number_index CHAR(64)    NOT NULL,
    pharmacy_id        BIGINT      NOT NULL,
    drug_id            BIGINT      NOT NULL,
    district_code      CHAR(6)     NOT NULL,
    category_code      VARCHAR(32) NOT NULL,
    sales              INT         NOT NULL,
    PRIMARY KEY (day, buyer_number_index, pharmacy_id, drug_id),
    KEY ix_statistics_buyer_day_district (day, district_code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- How far the job has counted a source table read by id (registration, rule_alert): every id up to counted_through is
-- counted. Ids are handed out before their transaction commits, so under group commit a higher id can be visible
-- before a lower one: rows past a gap are counted at once and remembered in statistics_counted_ahead until the gap is
-- closed (the row committed) or known to be a rollback (older than the longest transaction).
CREATE TABLE statistics_cursor (
    source          VARCHAR(32)  NOT NULL,
    counted_through BIGINT       NOT NULL,
    through_time    TIMESTAMP(6) NULL, -- voids: counted up to this voided_at
    PRIMARY KEY (source)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE statistics_counted_ahead (
    source VARCHAR(32) NOT NULL,
    ref_id  BIGINT       NOT NULL,
    seen_at TIMESTAMP(6) NOT NULL, -- when the job first saw it: a gap below it older than a transaction is a rollback
    PRIMARY KEY (source, ref_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Each void counted once (voids are rare: a few per district a day).
CREATE TABLE statistics_counted_void (
    registration_id BIGINT NOT NULL,
    PRIMARY KEY (registration_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- New voids are found by time.
CREATE INDEX ix_registration_void_time ON registration_void (voided_at);

-- The dashboard's open alerts by rule: a covering index range for the city and for one district.
CREATE INDEX ix_rule_alert_open_rule ON rule_alert (status, district_code, rule_code);
