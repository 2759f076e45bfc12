-- Notices (通知通告, docs/notices.md). A notice is written by the city or a district, submitted, approved by the city
-- (never by its own author) and then published: at approval, or at publish_at if that is later. Whether an approved
-- notice is out yet is decided when it is read (published_at <= now), so scheduled publishing needs no job; the
-- pharmacies are told once, by whichever of the approval or the one-node sweep first sets notified_at.
-- body holds the sanitised HTML: what is stored is what is served.
CREATE TABLE notice (
    id                  BIGINT       NOT NULL AUTO_INCREMENT,
    title               VARCHAR(100) NOT NULL,
    body                MEDIUMTEXT   NOT NULL,
    audience            VARCHAR(12)  NOT NULL,   -- PUBLIC, PHARMACIES or ENTERPRISES
    district_code       CHAR(6)      NULL,       -- NULL: city-wide
    pinned              BOOLEAN      NOT NULL DEFAULT FALSE,
    status              VARCHAR(12)  NOT NULL,   -- DRAFT, SUBMITTED, APPROVED, WITHDRAWN
    publish_at          TIMESTAMP(6) NULL,       -- asked for by the author; NULL: on approval
    published_at        TIMESTAMP(6) NULL,       -- set at approval: the later of publish_at and the approval
    author_account_id   BIGINT       NOT NULL,
    approver_account_id BIGINT       NULL,
    notified_at         TIMESTAMP(6) NULL,       -- pharmacies told (PHARMACIES notices only)
    created_at          TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at          TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (id),
    KEY ix_notice_reading (status, audience, pinned, published_at, id),
    KEY ix_notice_desk (district_code, created_at, id),
    KEY ix_notice_desk_city (created_at, id),
    KEY ix_notice_unannounced (notified_at, status, audience),
    CONSTRAINT fk_notice_district FOREIGN KEY (district_code) REFERENCES district (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Files attached to a notice, through the files piece: uploaded by an author first (expiring after a day), then
-- claimed by a notice of that author's, which keeps them.
CREATE TABLE notice_attachment (
    file_id           VARCHAR(64)  NOT NULL,
    owner_account_id  BIGINT       NOT NULL,
    notice_id         BIGINT       NULL,
    content_type      VARCHAR(64)  NOT NULL,
    size_bytes        BIGINT       NOT NULL,
    created_at        TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (file_id),
    KEY ix_notice_attachment_notice (notice_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Required reading (信息接收): one row per clerk or manager who confirmed a PHARMACIES notice; a second confirmation
-- changes nothing. pharmacy_id is the reader's pharmacy when they confirmed: the city counts pharmacies.
CREATE TABLE notice_read (
    notice_id   BIGINT       NOT NULL,
    account_id  BIGINT       NOT NULL,
    pharmacy_id BIGINT       NOT NULL,
    read_at     TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (notice_id, account_id),
    KEY ix_notice_read_pharmacy (notice_id, pharmacy_id, read_at),
    CONSTRAINT fk_notice_read_notice FOREIGN KEY (notice_id) REFERENCES notice (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
