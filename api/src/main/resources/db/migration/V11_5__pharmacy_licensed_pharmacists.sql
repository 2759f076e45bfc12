-- Licensed pharmacists (执业药师) of a pharmacy, as the public register shows them (name and licence number: public
-- facts of a licensed profession, not staff personal data), and who is on duty now (issue 20 §1). A duty mark is a
-- time it lapses at (the end of that day's opening hours), so it lapses by itself without a job. Managers add them
-- from the mini-program (docs/public-search.md).
CREATE TABLE pharmacy_pharmacist (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    pharmacy_id    BIGINT       NOT NULL,
    name           VARCHAR(32)  NOT NULL,
    license_number VARCHAR(32)  NOT NULL, -- 执业药师注册证编号
    on_duty_until  TIMESTAMP(6) NULL,     -- on duty while now < on_duty_until
    created_at     TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (id),
    UNIQUE KEY uk_pharmacy_pharmacist_license (license_number),
    KEY ix_pharmacy_pharmacist_pharmacy (pharmacy_id),
    CONSTRAINT fk_pharmacy_pharmacist_pharmacy FOREIGN KEY (pharmacy_id) REFERENCES pharmacy (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Whether the pharmacy sells special compound preparations (含特殊药品复方制剂): shown to the public so a citizen knows
-- where to go (and that ID is asked for there). Most of the city's pharmacies do.
ALTER TABLE pharmacy ADD COLUMN sells_special_compounds BOOLEAN NOT NULL DEFAULT TRUE;
