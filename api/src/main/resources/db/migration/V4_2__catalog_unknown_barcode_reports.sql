-- Codes a pharmacy scanned that the catalog lacks, for the regulator to attach to a drug (the regulator's side comes
-- later and adds its own columns). One report per code and pharmacy: a repeat report answers the existing one.

CREATE TABLE unknown_barcode_report (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    barcode     VARCHAR(20)  NOT NULL, -- as validated: EAN-13, EAN-8, UPC-A or a 20-digit traceability code
    pharmacy_id BIGINT       NOT NULL, -- the reporter's pharmacy, from their sign-in, never from the request
    reported_by BIGINT       NOT NULL, -- account id of the clerk or manager who reported it first
    note        VARCHAR(200) NULL,
    status      VARCHAR(16)  NOT NULL DEFAULT 'NEW',
    reported_at TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_unknown_barcode_report_code_pharmacy (barcode, pharmacy_id),
    KEY ix_unknown_barcode_report_status (status, reported_at), -- the regulator's queue, oldest first
    KEY ix_unknown_barcode_report_pharmacy (pharmacy_id),
    CONSTRAINT fk_unknown_barcode_report_pharmacy FOREIGN KEY (pharmacy_id) REFERENCES pharmacy (id),
    CONSTRAINT fk_unknown_barcode_report_account FOREIGN KEY (reported_by) REFERENCES account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
