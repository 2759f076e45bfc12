-- The idempotency record is now written in the sale's own transaction, with the answer, instead of being claimed
-- (PENDING) in a transaction of its own first: one commit per sale instead of two, and a retry that arrives while
-- the first request is still running waits for its commit and gets its answer instead of a 409.
-- A row still PENDING has no sale (the sale and its DONE mark committed together), so it goes: a retry with its key
-- registers the sale.
DELETE FROM registration_request WHERE status <> 'DONE';

ALTER TABLE registration_request
    DROP COLUMN status,
    MODIFY registration_id BIGINT NOT NULL,
    MODIFY response TEXT NOT NULL;
