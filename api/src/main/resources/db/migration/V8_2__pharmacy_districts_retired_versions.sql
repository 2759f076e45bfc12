-- Administrative divisions change (行政区划调整): a district code is added, renamed or retired, never deleted, since
-- past sales, alerts and accounts keep naming it. A retired district is no longer offered in pickers and takes no new
-- pharmacy; one that still holds pharmacies cannot be retired until they are transferred.
ALTER TABLE district
    ADD COLUMN retired_at TIMESTAMP(6) NULL,
    ADD COLUMN version    INT          NOT NULL DEFAULT 1,
    ADD COLUMN updated_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6);
