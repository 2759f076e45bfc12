-- The pharmacy lifecycle (issue 17 §3, docs/pharmacy-lifecycle.md): three statuses instead of ACTIVE | DISABLED, a
-- version per pharmacy (each change is one version, the data centre's outbox row is keyed by it), and the history of
-- every change with its old and new values.

-- The old "disable" (POST …/disable) closed a pharmacy's staff until someone acted, and had no way back: that is a
-- suspension (reversible), not a closure (final). Closing one of them is now a decision a person makes.
UPDATE pharmacy SET status = 'SUSPENDED' WHERE status = 'DISABLED';

ALTER TABLE pharmacy
    ADD COLUMN version           INT          NOT NULL DEFAULT 1,
    ADD COLUMN status_reason     VARCHAR(200) NULL,
    ADD COLUMN status_changed_at TIMESTAMP(6) NULL,
    ADD CONSTRAINT ck_pharmacy_status CHECK (status IN ('ACTIVE', 'SUSPENDED', 'CLOSED')),
    -- the regulators' list, newest first on (created_at, id): the city, or one district
    ADD KEY ix_pharmacy_created (created_at, id),
    ADD KEY ix_pharmacy_district_created (district_code, created_at, id);

-- One row per change of a pharmacy, never updated: what changed from what to what (JSON), why, who, when.
CREATE TABLE pharmacy_change (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    pharmacy_id BIGINT       NOT NULL,
    version     INT          NOT NULL,
    kind        VARCHAR(16)  NOT NULL, -- CREATED | EDITED | TRANSFERRED | STATUS_CHANGED
    changes     TEXT         NOT NULL, -- [{"field", "from", "to"}]
    reason      VARCHAR(200) NULL,
    actor_id    BIGINT       NULL,
    changed_at  TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (id),
    UNIQUE KEY uk_pharmacy_change_version (pharmacy_id, version),
    CONSTRAINT fk_pharmacy_change_pharmacy FOREIGN KEY (pharmacy_id) REFERENCES pharmacy (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Staff disabled because their pharmacy was suspended or closed, so that reopening gives back exactly what the
-- suspension took (an account disabled on its own stays disabled). An administrator's enable or disable clears it.
-- Staff of pharmacies disabled before this migration are not marked: nobody can tell now which of them were
-- disabled on their own, so reopening such a pharmacy restores no account (the administrator enables them).
ALTER TABLE account
    ADD COLUMN disabled_with_pharmacy BOOLEAN NOT NULL DEFAULT FALSE;
