-- Complaints and reports (投诉举报, docs/complaints.md): one row per case. A filing of kind BOTH becomes two linked
-- rows (Art. 7). The complainant's name, phone and address are sealed (SM4-GCM) as buyers' are; the phone also has a
-- blind index. The query code is kept only as its hash. Deadlines are dates counted on the official calendar (the
-- calendar piece); due_date is the deadline running now, kept by each transition, so the DUE_SOON/OVERDUE job reads
-- an index, not every case.
CREATE TABLE complaint (
    id                         BIGINT        NOT NULL AUTO_INCREMENT,
    tracking_number            VARCHAR(20)   NOT NULL,
    query_code_hash            CHAR(64)      NOT NULL,
    kind                       VARCHAR(10)   NOT NULL,   -- COMPLAINT or REPORT
    linked_id                  BIGINT        NULL,       -- the other half of a BOTH filing
    channel                    VARCHAR(12)   NOT NULL,   -- MINIPROGRAM or WEB
    filer_account_id           BIGINT        NULL,       -- the mini-program user; NULL for web filings
    category                   VARCHAR(16)   NOT NULL,
    status                     VARCHAR(24)   NOT NULL,
    outcome                    VARCHAR(16)   NULL,
    district_code              CHAR(6)       NOT NULL,   -- the handling district (the target's, or as assigned)
    target_pharmacy_id         BIGINT        NULL,
    target_name                VARCHAR(100)  NOT NULL,
    target_address             VARCHAR(200)  NULL,
    facts                      TEXT          NOT NULL,
    claim                      TEXT          NULL,
    occurred_on                DATE          NULL,
    late_filing                BOOLEAN       NOT NULL DEFAULT FALSE, -- harm known > 3 years before (Art. 15)
    complainant_name_sealed    VARCHAR(255)  NULL,
    complainant_phone_sealed   VARCHAR(255)  NULL,
    complainant_phone_index    CHAR(64)      NULL,
    complainant_address_sealed VARCHAR(1000) NULL,
    received_at                TIMESTAMP(6)  NOT NULL,
    received_on                DATE          NOT NULL,   -- the city's date of receipt: deadlines count from it
    decision_due               DATE          NOT NULL,   -- ACCEPT_DECISION (complaint) or CASE_DECISION (report)
    decision_due_provisional   BOOLEAN       NOT NULL DEFAULT FALSE,
    extended                   BOOLEAN       NOT NULL DEFAULT FALSE,
    mediation_started_on       DATE          NULL,
    mediation_due              DATE          NULL,
    mediation_due_provisional  BOOLEAN       NOT NULL DEFAULT FALSE,
    decided_on                 DATE          NULL,       -- a report's decision; REPORTER_NOTICE counts from it
    notice_due                 DATE          NULL,
    notice_due_provisional     BOOLEAN       NOT NULL DEFAULT FALSE,
    due_date                   DATE          NULL,       -- the deadline running now; NULL when none is
    due_flag                   VARCHAR(10)   NULL,       -- DUE_SOON or OVERDUE, set by the deadline job
    closed_at                  TIMESTAMP(6)  NULL,
    closed_on_time             BOOLEAN       NULL,
    updated_at                 TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
    PRIMARY KEY (id),
    UNIQUE KEY uq_complaint_tracking_number (tracking_number),
    KEY ix_complaint_district_received (district_code, received_at, id),
    KEY ix_complaint_received (received_at, id),
    KEY ix_complaint_filer (filer_account_id, received_at, id),
    KEY ix_complaint_due (due_date, due_flag),
    KEY ix_complaint_status (status, received_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The case's timeline: every step with who, when and a note. public_text is what the filer is told (a reply, a
-- decision); note is for the handlers only and never leaves the portal.
CREATE TABLE complaint_event (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    complaint_id     BIGINT       NOT NULL,
    at               TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    actor_account_id BIGINT       NULL,       -- NULL: the filer or the platform
    action           VARCHAR(24)  NOT NULL,   -- FILED, CONTENT_CLEARED, ACCEPT, REJECT, ASSIGN, EXTEND, ...
    from_status      VARCHAR(24)  NULL,
    to_status        VARCHAR(24)  NULL,
    note             TEXT         NULL,
    public_text      TEXT         NULL,
    PRIMARY KEY (id),
    KEY ix_complaint_event_case (complaint_id, id),
    CONSTRAINT fk_complaint_event_case FOREIGN KEY (complaint_id) REFERENCES complaint (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Attachments uploaded before the filing that uses them. owner is who uploaded (an account id, or addr:<client
-- address> for the public web), so a filing claims only its own uploads. content_check: NULL for PDFs and portal
-- filings' images; PENDING, PASS or RISKY for mini-program images (WeChat's media_check_async).
CREATE TABLE complaint_attachment (
    file_id          VARCHAR(64)  NOT NULL,
    owner            VARCHAR(64)  NOT NULL,
    complaint_id     BIGINT       NULL,
    content_type     VARCHAR(64)  NOT NULL,
    size_bytes       BIGINT       NOT NULL,
    content_check    VARCHAR(8)   NULL,
    check_trace_id   VARCHAR(64)  NULL,
    created_at       TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (file_id),
    KEY ix_complaint_attachment_case (complaint_id),
    KEY ix_complaint_attachment_trace (check_trace_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
