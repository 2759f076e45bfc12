-- Imports (docs/imports.md): the rows a job refused, with their cells as the file had them and the reason, written in
-- the same transaction as the chunk they belong to (and its checkpoint), so a resumed job neither loses nor repeats
-- one. The error workbook is made from them when the job ends.
CREATE TABLE import_rejected_row (
    job_id     BIGINT        NOT NULL,
    row_no     INT           NOT NULL,                      -- the row number as Excel shows it
    cells      MEDIUMTEXT    NOT NULL,                      -- JSON list, in the file's column order; each cut at 32,767
    reason     VARCHAR(2000) NOT NULL,                      -- Chinese, with the row number and the column names
    PRIMARY KEY (job_id, row_no),
    CONSTRAINT fk_import_rejected_row_job FOREIGN KEY (job_id) REFERENCES job (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
