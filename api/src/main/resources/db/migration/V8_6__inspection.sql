-- On-site inspection (docs/inspection.md). An inspection is append-only: a correction is a new inspection that names
-- the one it supersedes. What happens after it (the manager's acknowledgement, a rectification and its review) is
-- written in rows of its own, so the inspection row itself never changes.

-- The checklist is data the city maintains: an item retired (active = 0) is no longer asked, and past inspections keep
-- the label they were answered with (inspection_answer.label).
CREATE TABLE inspection_checklist_item (
    code        VARCHAR(32)  NOT NULL,
    label       VARCHAR(64)  NOT NULL,
    description VARCHAR(255) NOT NULL,
    sort_order  INT          NOT NULL,
    active      BOOLEAN      NOT NULL DEFAULT TRUE,
    PRIMARY KEY (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO inspection_checklist_item (code, label, description, sort_order) VALUES
    ('ID_CHECKED', '销售时查验购买人身份证件', '含麻黄碱类复方制剂等销售时核对购买人有效身份证件并登记', 10),
    ('RECORDS_COMPLETE', '销售登记完整', '药品名称、规格、数量、批号、购买人姓名与证件号码逐项登记，可追溯', 20),
    ('QUANTITY_LIMIT', '单次销售不超过规定数量', '含麻黄碱类复方制剂每次不超过2个最小包装（凭处方除外）', 30),
    ('PRESCRIPTIONS_KEPT', '处方留存', '处方药凭处方销售，处方按规定期限留存', 40),
    ('STORAGE', '专柜存放、专人管理', '含特殊药品复方制剂设专柜或专区陈列，由专人管理', 50),
    ('STAFF_TRAINED', '从业人员经过培训', '销售人员知晓含特殊药品复方制剂的销售规定', 60),
    ('SIGNAGE', '警示标识张贴', '在醒目位置张贴限购及查验证件的告示', 70);

CREATE TABLE inspection (
    id                   BIGINT        NOT NULL AUTO_INCREMENT,
    pharmacy_id          BIGINT        NOT NULL,
    district_code        CHAR(6)       NOT NULL,  -- the pharmacy's district when inspected: the inspection stays there
    inspector_account_id BIGINT        NOT NULL,
    recorded_at          TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    findings             VARCHAR(2000) NOT NULL,
    disposition          VARCHAR(16)   NOT NULL,  -- COMPLIANT | RECTIFY | CASE_OPENED
    rectify_by           DATE          NULL,
    case_number          VARCHAR(64)   NULL,
    latitude             DECIMAL(9, 6) NOT NULL,  -- GCJ-02, as the phone gave it
    longitude            DECIMAL(9, 6) NOT NULL,
    accuracy_meters      INT           NULL,
    distance_meters      INT           NULL,      -- from the pharmacy's coordinates; null when it has none
    off_site             BOOLEAN       NOT NULL DEFAULT FALSE,
    supersedes_id        BIGINT        NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_inspection_supersedes (supersedes_id),  -- a correction is corrected by a newer one, not twice
    KEY ix_inspection_district (district_code, recorded_at, id),
    KEY ix_inspection_pharmacy (pharmacy_id, recorded_at, id),
    CONSTRAINT fk_inspection_pharmacy FOREIGN KEY (pharmacy_id) REFERENCES pharmacy (id),
    CONSTRAINT fk_inspection_inspector FOREIGN KEY (inspector_account_id) REFERENCES account (id),
    CONSTRAINT fk_inspection_supersedes FOREIGN KEY (supersedes_id) REFERENCES inspection (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE inspection_answer (
    inspection_id BIGINT       NOT NULL,
    item_code     VARCHAR(32)  NOT NULL,
    label         VARCHAR(64)  NOT NULL,
    result        VARCHAR(16)  NOT NULL,  -- OK | PROBLEM | NOT_APPLICABLE
    note          VARCHAR(500) NULL,
    sort_order    INT          NOT NULL,
    PRIMARY KEY (inspection_id, item_code),
    CONSTRAINT fk_inspection_answer FOREIGN KEY (inspection_id) REFERENCES inspection (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Evidence photos (stored by api file.FileService). A photo belongs to its uploader until an inspection or a
-- rectification uses it; then whoever may read that may read the photo.
CREATE TABLE inspection_photo (
    file_id           VARCHAR(64) NOT NULL,
    inspection_id     BIGINT      NOT NULL,
    rectification_id  BIGINT      NULL,  -- set for the photos of a rectification
    PRIMARY KEY (file_id),
    KEY ix_inspection_photo_inspection (inspection_id),
    CONSTRAINT fk_inspection_photo FOREIGN KEY (inspection_id) REFERENCES inspection (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE inspection_acknowledgement (
    inspection_id   BIGINT       NOT NULL,
    account_id      BIGINT       NOT NULL,
    acknowledged_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (inspection_id),
    CONSTRAINT fk_inspection_acknowledgement FOREIGN KEY (inspection_id) REFERENCES inspection (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Where an inspection's rectification stands (one row per RECTIFY inspection): OPEN (awaiting the pharmacy),
-- SUBMITTED (awaiting review), ACCEPTED, OVERDUE (the date passed without an accepted rectification), SUPERSEDED
-- (a correcting inspection replaced it). reminded_at: the manager was reminded the day before (once).
CREATE TABLE inspection_rectification_state (
    inspection_id BIGINT       NOT NULL,
    district_code CHAR(6)      NOT NULL,
    pharmacy_id   BIGINT       NOT NULL,
    due_on        DATE         NOT NULL,
    state         VARCHAR(16)  NOT NULL DEFAULT 'OPEN',
    reminded_at   TIMESTAMP(6) NULL,
    updated_at    TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (inspection_id),
    KEY ix_rectification_due (state, due_on),
    KEY ix_rectification_district (district_code, state, due_on, inspection_id),
    CONSTRAINT fk_rectification_state FOREIGN KEY (inspection_id) REFERENCES inspection (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- What the pharmacy submitted, and the inspector's verdict on it (written once).
CREATE TABLE inspection_rectification (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    inspection_id BIGINT        NOT NULL,
    description   VARCHAR(2000) NOT NULL,
    submitted_by  BIGINT        NOT NULL,
    submitted_at  TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    accepted      BOOLEAN       NULL,
    review_note   VARCHAR(500)  NULL,
    reviewed_by   BIGINT        NULL,
    reviewed_at   TIMESTAMP(6)  NULL,
    PRIMARY KEY (id),
    KEY ix_inspection_rectification (inspection_id, id),
    CONSTRAINT fk_inspection_rectification FOREIGN KEY (inspection_id) REFERENCES inspection (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
