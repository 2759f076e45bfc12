-- The regulator's record queries (issue 16 §1): every filter combination reads an index range, newest first, at city
-- scale (120 M sales a year). A city-wide window without a district or pharmacy reads registrations by time alone.
CREATE INDEX ix_registration_time ON registration (sold_at);

-- The purchase-details list (one row per item) is filtered by drug, barcode (a drug) and category, and ordered by the
-- sale's time: an item-side index led by the filter and then the time needs the time on the item. The sale's time,
-- pharmacy and district are copied onto its items when they are written (the same multi-row insert, no extra round
-- trip), and never change: a registration is append-only.
ALTER TABLE registration_item
    ADD COLUMN sold_at       TIMESTAMP(6) NULL,
    ADD COLUMN pharmacy_id   BIGINT       NULL,
    ADD COLUMN district_code CHAR(6)      NULL;

UPDATE registration_item i JOIN registration r ON r.id = i.registration_id
SET i.sold_at = r.sold_at, i.pharmacy_id = r.pharmacy_id, i.district_code = r.district_code;

ALTER TABLE registration_item
    MODIFY sold_at       TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    MODIFY pharmacy_id   BIGINT       NOT NULL,
    MODIFY district_code CHAR(6)      NOT NULL,
    ADD KEY ix_registration_item_time (sold_at),
    ADD KEY ix_registration_item_district_time (district_code, sold_at),
    ADD KEY ix_registration_item_pharmacy_time (pharmacy_id, sold_at),
    ADD KEY ix_registration_item_drug_time (drug_id, sold_at),
    ADD KEY ix_registration_item_category_time (special_category_code, sold_at);
