-- The alert worklist (issue 16 §3): pattern alerts next to the per-sale ones, what each alert is about, the sales
-- behind it, and every triage step with who and when.

-- A pattern alert (no single sale shows it) has no one buyer or sale: a pharmacy's surge has neither.
-- occurrence_key makes raising idempotent: one row per pattern occurrence, so a detection run repeated (or re-scanning
-- an overlap) raises nothing twice; NULL (any number of them) for the per-sale alerts, which are raised once by the
-- sale's own transaction. For a trace code resold, the key is the code while its alert is open, so every repeat joins
-- that alert; triage that closes it renames the key (suffix '#id'), and the next repeat opens a new one.
-- subject_key and last_seen_at find the open episode of a pattern (one buyer, one code) that a new sale extends.
-- The buyer is kept sealed as on the registration, so a blocked sale (no registration) still shows a masked buyer.
ALTER TABLE rule_alert
    MODIFY buyer_number_index CHAR(64) NULL,
    ADD COLUMN buyer_document_type VARCHAR(32)  NULL,
    ADD COLUMN buyer_number_sealed VARCHAR(255) NULL,
    ADD COLUMN buyer_name_sealed   VARCHAR(512) NULL,
    ADD COLUMN occurrence_key      VARCHAR(190) CHARACTER SET ascii COLLATE ascii_bin NULL,
    ADD COLUMN subject_key         VARCHAR(120) CHARACTER SET ascii COLLATE ascii_bin NULL,
    ADD COLUMN last_seen_at        TIMESTAMP(6) NULL,
    ADD COLUMN occurrences         INT          NOT NULL DEFAULT 1,
    ADD COLUMN updated_at          TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    ADD UNIQUE KEY uk_rule_alert_occurrence (occurrence_key),
    -- The worklist reads newest first, by (created_at, id), in one of these orders: the city, a district (with or
    -- without a status), a pharmacy, a rule.
    ADD KEY ix_rule_alert_time (created_at, id),
    ADD KEY ix_rule_alert_district_time (district_code, created_at, id),
    ADD KEY ix_rule_alert_pharmacy_time (pharmacy_id, created_at, id),
    ADD KEY ix_rule_alert_rule_time (rule_code, created_at, id),
    ADD KEY ix_rule_alert_subject (rule_code, subject_key, last_seen_at);

-- The sales behind an alert that has several (a pattern, a code sold again and again).
CREATE TABLE rule_alert_registration (
    alert_id        BIGINT NOT NULL,
    registration_id BIGINT NOT NULL,
    PRIMARY KEY (alert_id, registration_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Every triage step, never updated or removed: who (the account; its name is read with it) moved the alert from what to what, when, and why.
CREATE TABLE rule_alert_history (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    alert_id    BIGINT       NOT NULL,
    from_status VARCHAR(16)  NOT NULL,
    to_status   VARCHAR(16)  NOT NULL,
    note        VARCHAR(500) NULL,
    actor_id    BIGINT       NOT NULL,
    changed_at  TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (id),
    KEY ix_rule_alert_history_alert (alert_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- How far each detection has read the registrations (by id). Ids of a group commit can become visible out of order,
-- so a run re-reads an overlap below the checkpoint (cogov.alerts.overlap-ids); raising is idempotent.
CREATE TABLE alert_detection_checkpoint (
    name       VARCHAR(64)  NOT NULL,
    last_id    BIGINT       NOT NULL,
    updated_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
