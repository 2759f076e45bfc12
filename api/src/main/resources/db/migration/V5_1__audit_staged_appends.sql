-- Audit entries are staged here in the business transaction they describe and chained into audit_event shortly
-- after, in batches, by one appender at a time (AuditChainer). The head lock is then held for one batch, not for every
-- business transaction in the city until its commit: with the lock held to commit, every audited write of every node
-- queued on it, and a busy city's counters waited on one another's disk flushes.
-- A staged row is never changed; chaining moves it into audit_event and removes it here in one transaction, so every
-- entry is in exactly one of the two tables. The id only orders the staging; audit_event assigns the chain's ids.
CREATE TABLE audit_pending (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    occurred_at      TIMESTAMP(6) NOT NULL,
    actor_account_id BIGINT       NULL,
    actor_role       VARCHAR(32)  NULL,
    actor_scope      VARCHAR(64)  NOT NULL,
    action           VARCHAR(64)  NOT NULL,
    target_type      VARCHAR(32)  NULL,
    target_id        VARCHAR(64)  NULL,
    outcome          VARCHAR(16)  NOT NULL,
    source_address   VARCHAR(64)  NULL,
    trace_id         VARCHAR(64)  NULL,
    details          TEXT         NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
