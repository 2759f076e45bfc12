-- Notifications (docs/notifications.md): every recipient's in-app inbox, the topics a mini-program user agreed to
-- receive as WeChat subscribe messages, and the outbox of those messages. A notice's inbox entries and outbox rows are
-- written in the transaction of the change they report, so a rolled-back change tells no one and a committed one is
-- never lost; the sender works the outbox afterwards.

-- One entry per notice and recipient: the unique key makes a notice raised twice (same key) one entry.
CREATE TABLE notification_inbox (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    account_id  BIGINT        NOT NULL,
    notice_key  VARCHAR(128)  NOT NULL,
    topic       VARCHAR(32)   NOT NULL,
    title       VARCHAR(64)   NOT NULL,
    body        VARCHAR(500)  NOT NULL,
    link        VARCHAR(255)  NULL,
    created_at  TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    read_at     TIMESTAMP(6)  NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_notification_inbox_notice (account_id, notice_key),
    -- a reader's list, newest first, all entries or only the unread ones
    KEY ix_notification_inbox_reader (account_id, created_at, id),
    KEY ix_notification_inbox_unread (account_id, read_at, created_at, id),
    CONSTRAINT fk_notification_inbox_account FOREIGN KEY (account_id) REFERENCES account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A mini-program user's consent to a topic's subscribe messages (wx.requestSubscribeMessage accepted).
CREATE TABLE notification_subscription (
    account_id    BIGINT       NOT NULL,
    topic         VARCHAR(32)  NOT NULL,
    subscribed_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (account_id, topic),
    CONSTRAINT fk_notification_subscription_account FOREIGN KEY (account_id) REFERENCES account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One WeChat subscribe message per inbox entry of an opted-in recipient. state: PENDING (due at next_attempt_at),
-- SENDING (claimed by one sender until claimed_until; a sender that died mid-send is retried after it), SENT, FAILED
-- (given up; last_error says why). Every change of state is one conditional UPDATE, so two senders never both send.
CREATE TABLE notification_outbox (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    inbox_entry_id  BIGINT        NOT NULL,
    state           VARCHAR(16)   NOT NULL DEFAULT 'PENDING',
    attempts        INT           NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    claimed_until   TIMESTAMP(6)  NULL,
    last_error      VARCHAR(255)  NULL,
    created_at      TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    sent_at         TIMESTAMP(6)  NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_notification_outbox_entry (inbox_entry_id),
    KEY ix_notification_outbox_due (state, next_attempt_at, id),
    KEY ix_notification_outbox_claimed (state, claimed_until),
    CONSTRAINT fk_notification_outbox_entry FOREIGN KEY (inbox_entry_id) REFERENCES notification_inbox (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Who receives a district's notices: its active inspectors.
CREATE INDEX ix_account_district_role ON account (district_code, role, status);
