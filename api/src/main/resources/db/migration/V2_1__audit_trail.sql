-- The audit trail (domain-rules.md §7): every write, sign-in, sign-in failure, permission denial, unmask and read of a
-- buyer's personal data. Append-only and hash-chained (SM3), so that a changed or removed row shows up in verification.
-- Nothing ever deletes from it: keeping everything meets the ≥ 6 months retention of 网络安全法 Art. 21.
-- Plain SQL that runs on MySQL 8 and MariaDB 10.11.

CREATE TABLE audit_event (
    -- Assigned by the application as audit_chain_head.last_id + 1 under the head lock, not taken from AUTO_INCREMENT:
    -- a rolled-back append would otherwise burn an id and look like a deleted row to the verification.
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    occurred_at      TIMESTAMP(6) NOT NULL,
    actor_account_id BIGINT       NULL,  -- NULL for the system itself and anonymous callers
    actor_role       VARCHAR(32)  NULL,
    actor_scope      VARCHAR(64)  NOT NULL, -- pharmacy:12 | district:420106 | city | system | ...
    action           VARCHAR(64)  NOT NULL, -- dotted lowercase, e.g. account.login.failed, privacy.unmask
    target_type      VARCHAR(32)  NULL,
    target_id        VARCHAR(64)  NULL,  -- a key, never a personal value
    outcome          VARCHAR(16)  NOT NULL, -- SUCCESS | FAILURE | DENIED
    source_address   VARCHAR(64)  NULL,
    trace_id         VARCHAR(64)  NULL,
    details          TEXT         NULL,  -- canonical JSON of a string map (sorted keys), never plaintext personal data
    prev_hash        CHAR(64)     NOT NULL, -- hash of the row before (64 zeros for the first)
    hash             CHAR(64)     NOT NULL, -- hex SM3(prev_hash + "\n" + canonical content), see AuditHashing
    PRIMARY KEY (id),
    -- The admin search filters by actor, action or target, each within a time window, newest first.
    KEY ix_audit_event_actor (actor_account_id, occurred_at),
    KEY ix_audit_event_action (action, occurred_at),
    KEY ix_audit_event_target (target_type, target_id, occurred_at),
    KEY ix_audit_event_time (occurred_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The end of the chain. Every append locks this one row (SELECT ... FOR UPDATE) in the writer's transaction, reads the
-- last hash, inserts the next row and moves the head. The row lock is what makes the chain linear across app nodes:
-- two nodes appending at once queue here instead of both linking to the same previous hash. The lock is held until the
-- writer's transaction ends, and a rolled-back append rolls the head back with it.
CREATE TABLE audit_chain_head (
    id        TINYINT  NOT NULL, -- always 1
    last_id   BIGINT   NOT NULL,
    last_hash CHAR(64) NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO audit_chain_head (id, last_id, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Append-only at the database too, not only in the code: the application has no update or delete path, and these
-- refuse one from anyone else using the application's account. A DBA can still drop them; the hash chain is what
-- reveals the change then. TRUNCATE fires no trigger: the application's account needs no DROP privilege on this table.
-- On MySQL 8 with binary logging on (the default), the migrating user needs the TRIGGER privilege, and also
-- log_bin_trust_function_creators = 1 unless it has SUPER (or SYSTEM_VARIABLES_ADMIN); otherwise CREATE TRIGGER fails.
CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
    FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_event is append-only';

CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
    FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_event is append-only';
