-- Why a case waits in PENDING_CONTENT_CHECK (docs/complaints.md, "Content check"). text_check: PASS, REVIEW (held
-- for a person), RISKY (flagged on a re-check after the filing was accepted: held for a person) or RETRY (WeChat was
-- down: re-checked at text_check_next_at, with backoff). NULL for cases filed before the content check existed.
-- content_hold: the case waits for a person (a text or an image flagged), not only for WeChat.
ALTER TABLE complaint
    ADD COLUMN text_check            VARCHAR(8)   NULL,
    ADD COLUMN text_check_attempts   INT          NOT NULL DEFAULT 0,
    ADD COLUMN text_check_next_at    TIMESTAMP(6) NULL,
    ADD COLUMN content_hold          BOOLEAN      NOT NULL DEFAULT FALSE,
    ADD KEY ix_complaint_text_recheck (text_check, text_check_next_at);
