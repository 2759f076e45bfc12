-- The content check's local word list (docs/complaints.md, "Content check"): what the same policy refuses or holds
-- when WeChat's msg_sec_check cannot be asked: web filings (no openid) and mini-program filings while WeChat is down.
-- Kept as data so the city can extend it without a release. suggest is RISKY (refused with the word named) or REVIEW
-- (accepted, held for a person). Words are matched as substrings, case-insensitively for Latin letters.
CREATE TABLE content_check_word (
    word       VARCHAR(50)  NOT NULL,
    suggest    VARCHAR(8)   NOT NULL,
    created_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (word)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

INSERT INTO content_check_word (word, suggest) VALUES
    ('冰毒', 'RISKY'),
    ('海洛因', 'RISKY'),
    ('摇头丸', 'RISKY'),
    ('代购麻黄碱', 'RISKY'),
    ('出售枪支', 'RISKY'),
    ('代开发票', 'REVIEW'),
    ('办证', 'REVIEW');
