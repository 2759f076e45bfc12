-- Drug maintenance (issue 18 §2, docs/catalog.md): a drug is retired, never deleted once a sale may name it, and is
-- found again by its natural key when a regulator's spreadsheet brings it back.
--
-- Natural key: approval number + strength + package unit. The approval number alone is not unique: packaging
-- variants of one product share it (国药准字H20000037 as a box of 10 and a box of 20 capsules, or as 盒 and 瓶), and
-- a licence may cover several strengths. Variants that differ only in the count inside the same unit are one drug with
-- several barcodes (what the counter's per-sale limit counts is the smallest package, the same for both); a regulator
-- who wants them apart writes the count into the unit (盒(20粒)). The key is compared as the column collation does
-- (case-insensitive), and the writer strips and normalises each part first (catalog.DrugDraft).
ALTER TABLE drug
    ADD COLUMN status VARCHAR(16) NOT NULL DEFAULT 'ACTIVE' AFTER product_identifier, -- ACTIVE or RETIRED
    ADD COLUMN status_changed_at TIMESTAMP(6) NULL AFTER status,
    ADD UNIQUE KEY uk_drug_natural_key (approval_number, strength, package_unit),
    ADD KEY ix_drug_created (created_at, id),                          -- the regulators' list, newest first
    ADD KEY ix_drug_category_created (special_category_code, created_at, id);

-- The regulator's side of the unknown-barcode queue: a report is closed by attaching its code to a drug (RESOLVED) or
-- by rejecting it with a reason (REJECTED); all open reports of a code close together.
ALTER TABLE unknown_barcode_report
    ADD COLUMN resolved_at   TIMESTAMP(6) NULL,
    ADD COLUMN resolved_by   BIGINT       NULL, -- account id of the regulator
    ADD COLUMN drug_id       BIGINT       NULL, -- the drug the code now resolves to (RESOLVED)
    ADD COLUMN reject_reason VARCHAR(200) NULL, -- why not (REJECTED), shown to the pharmacy
    ADD KEY ix_unknown_barcode_report_status_code (status, barcode),
    ADD CONSTRAINT fk_unknown_barcode_report_drug FOREIGN KEY (drug_id) REFERENCES drug (id);
