-- Idempotency keys of the writes other than the counter's sale (docs/platform.md: one way of doing each). A key belongs
-- to one owner and one kind of write; the row is written in the write's own transaction, so a key is used exactly when
-- what it created exists. The counter's sales keep registration_request, written by the group commit in its batches.
CREATE TABLE idempotent_request (
    scope           VARCHAR(32)  NOT NULL,   -- the kind of write, e.g. inspection, complaint
    owner           VARCHAR(64)  NOT NULL,   -- whose key: an account id, or a client address for anonymous filings
    idempotency_key VARCHAR(64)  NOT NULL,   -- compared without regard to case, as the column's collation does
    request_hash    CHAR(64)     NOT NULL,   -- SHA-256 of the request body: the same key with another body is refused
    result_id       BIGINT       NULL,       -- what the first request created
    created_at      TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (scope, owner, idempotency_key),
    KEY ix_idempotent_request_created (created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
