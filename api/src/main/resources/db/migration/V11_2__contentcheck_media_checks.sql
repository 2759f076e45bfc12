-- The content check's image checks (WeChat media_check_async v2): one row per file sent, matched to WeChat's callback
-- by trace_id. state: UNSENT (to send, or WeChat was down: sent again at next_attempt_at), PENDING (sent, awaiting the
-- callback; sent again when none came by the callback timeout), PASS, RISKY or REVIEW (the verdict, final). The
-- filer's account is kept, not the openid: the openid is looked up when sending.
CREATE TABLE content_check_media (
    file_id          VARCHAR(64)  NOT NULL,
    purpose          VARCHAR(32)  NOT NULL,   -- whose file: the feature hears the verdict by it
    account_id       BIGINT       NOT NULL,
    state            VARCHAR(8)   NOT NULL,
    trace_id         VARCHAR(64)  NULL,
    attempts         INT          NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMP(6) NOT NULL,
    sent_at          TIMESTAMP(6) NULL,
    decided_at       TIMESTAMP(6) NULL,
    label            INT          NULL,
    created_at       TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (file_id),
    UNIQUE KEY uq_content_check_media_trace (trace_id),
    KEY ix_content_check_media_due (state, next_attempt_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
