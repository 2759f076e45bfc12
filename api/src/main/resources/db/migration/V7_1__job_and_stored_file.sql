-- Long work (docs/platform.md: jobs): exports now, imports, detection and rollups later. A job runs as its owner, so
-- the owner's scope is kept with it: a job resumed on another node after a restart reads exactly what its owner could.
CREATE TABLE job (
    id                  BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    type                VARCHAR(32)  NOT NULL,               -- the handler, e.g. EXPORT
    owner_account_id    BIGINT       NULL,                   -- null for the platform's own jobs
    owner_role          VARCHAR(32)  NULL,
    owner_pharmacy_id   BIGINT       NULL,
    owner_district_code VARCHAR(6)   NULL,
    owner_enterprise_id BIGINT       NULL,
    state               VARCHAR(16)  NOT NULL,               -- QUEUED, RUNNING, DONE, FAILED, CANCELLED
    total               BIGINT       NOT NULL DEFAULT 0,
    done                BIGINT       NOT NULL DEFAULT 0,
    errors              BIGINT       NOT NULL DEFAULT 0,
    message             VARCHAR(500) NULL,                   -- Chinese, shown to the owner
    params              TEXT         NOT NULL,               -- JSON, as submitted
    checkpoint          TEXT         NULL,                   -- where a resumed run continues, the handler's own text
    result              TEXT         NULL,                   -- JSON, shown to the owner
    created_at          TIMESTAMP(6) NOT NULL,
    started_at          TIMESTAMP(6) NULL,
    finished_at         TIMESTAMP(6) NULL,
    claimed_by          VARCHAR(64)  NULL,                   -- the node running it
    heartbeat_at        TIMESTAMP(6) NULL,                   -- a RUNNING job whose node stopped beating is re-queued
    cancel_requested    BOOLEAN      NOT NULL DEFAULT FALSE,
    KEY ix_job_state_heartbeat (state, heartbeat_at),
    KEY ix_job_owner (owner_account_id, created_at)
);

-- Files behind the object-storage port (docs/platform.md: files). The id is random and opaque and is also the object's
-- key in the store; the download name is ours, never a client's, and never a path.
CREATE TABLE stored_file (
    id               VARCHAR(40)  NOT NULL PRIMARY KEY,
    owner_account_id BIGINT       NULL,
    purpose          VARCHAR(32)  NOT NULL,                  -- EXPORT, ...
    content_type     VARCHAR(128) NOT NULL,
    file_name        VARCHAR(200) NOT NULL,
    size_bytes       BIGINT       NOT NULL,
    created_at       TIMESTAMP(6) NOT NULL,
    expires_at       TIMESTAMP(6) NULL,                      -- removed by the cleanup after this
    KEY ix_stored_file_expires (expires_at)
);
