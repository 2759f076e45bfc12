-- The calendar piece (docs/platform.md): the State Council's yearly holiday notice as data. Only the exceptions to
-- "Monday to Friday" are stored: holidays (on weekdays or weekends) and make-up working days (调休, weekend days
-- worked). A year with a row in calendar_year has its notice loaded; a year without one counts Monday to Friday and
-- every deadline that crosses it is provisional until the notice is loaded.
CREATE TABLE calendar_year (
    year       SMALLINT     NOT NULL,
    loaded_at  TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    loaded_by  BIGINT       NULL,        -- the account that loaded it; NULL for the shipped years
    PRIMARY KEY (year)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE calendar_day (
    day   DATE        NOT NULL,
    year  SMALLINT    NOT NULL,
    kind  VARCHAR(8)  NOT NULL,          -- HOLIDAY or WORKDAY
    PRIMARY KEY (day),
    KEY ix_calendar_day_year (year),
    CONSTRAINT ck_calendar_day_kind CHECK (kind IN ('HOLIDAY', 'WORKDAY'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- 国务院办公厅关于2025年部分节假日安排的通知 (国办发明电〔2024〕12号)
INSERT INTO calendar_year (year) VALUES (2025), (2026);
INSERT INTO calendar_day (day, year, kind) VALUES
    ('2025-01-01', 2025, 'HOLIDAY'),
    ('2025-01-26', 2025, 'WORKDAY'),
    ('2025-01-28', 2025, 'HOLIDAY'), ('2025-01-29', 2025, 'HOLIDAY'), ('2025-01-30', 2025, 'HOLIDAY'),
    ('2025-01-31', 2025, 'HOLIDAY'), ('2025-02-01', 2025, 'HOLIDAY'), ('2025-02-02', 2025, 'HOLIDAY'),
    ('2025-02-03', 2025, 'HOLIDAY'), ('2025-02-04', 2025, 'HOLIDAY'),
    ('2025-02-08', 2025, 'WORKDAY'),
    ('2025-04-04', 2025, 'HOLIDAY'), ('2025-04-05', 2025, 'HOLIDAY'), ('2025-04-06', 2025, 'HOLIDAY'),
    ('2025-04-27', 2025, 'WORKDAY'),
    ('2025-05-01', 2025, 'HOLIDAY'), ('2025-05-02', 2025, 'HOLIDAY'), ('2025-05-03', 2025, 'HOLIDAY'),
    ('2025-05-04', 2025, 'HOLIDAY'), ('2025-05-05', 2025, 'HOLIDAY'),
    ('2025-05-31', 2025, 'HOLIDAY'), ('2025-06-01', 2025, 'HOLIDAY'), ('2025-06-02', 2025, 'HOLIDAY'),
    ('2025-09-28', 2025, 'WORKDAY'),
    ('2025-10-01', 2025, 'HOLIDAY'), ('2025-10-02', 2025, 'HOLIDAY'), ('2025-10-03', 2025, 'HOLIDAY'),
    ('2025-10-04', 2025, 'HOLIDAY'), ('2025-10-05', 2025, 'HOLIDAY'), ('2025-10-06', 2025, 'HOLIDAY'),
    ('2025-10-07', 2025, 'HOLIDAY'), ('2025-10-08', 2025, 'HOLIDAY'),
    ('2025-10-11', 2025, 'WORKDAY');

-- 国务院办公厅关于2026年部分节假日安排的通知
INSERT INTO calendar_day (day, year, kind) VALUES
    ('2026-01-01', 2026, 'HOLIDAY'), ('2026-01-02', 2026, 'HOLIDAY'), ('2026-01-03', 2026, 'HOLIDAY'),
    ('2026-01-04', 2026, 'WORKDAY'),
    ('2026-02-14', 2026, 'WORKDAY'),
    ('2026-02-15', 2026, 'HOLIDAY'), ('2026-02-16', 2026, 'HOLIDAY'), ('2026-02-17', 2026, 'HOLIDAY'),
    ('2026-02-18', 2026, 'HOLIDAY'), ('2026-02-19', 2026, 'HOLIDAY'), ('2026-02-20', 2026, 'HOLIDAY'),
    ('2026-02-21', 2026, 'HOLIDAY'), ('2026-02-22', 2026, 'HOLIDAY'), ('2026-02-23', 2026, 'HOLIDAY'),
    ('2026-02-28', 2026, 'WORKDAY'),
    ('2026-04-04', 2026, 'HOLIDAY'), ('2026-04-05', 2026, 'HOLIDAY'), ('2026-04-06', 2026, 'HOLIDAY'),
    ('2026-05-01', 2026, 'HOLIDAY'), ('2026-05-02', 2026, 'HOLIDAY'), ('2026-05-03', 2026, 'HOLIDAY'),
    ('2026-05-04', 2026, 'HOLIDAY'), ('2026-05-05', 2026, 'HOLIDAY'),
    ('2026-05-09', 2026, 'WORKDAY'),
    ('2026-06-19', 2026, 'HOLIDAY'), ('2026-06-20', 2026, 'HOLIDAY'), ('2026-06-21', 2026, 'HOLIDAY'),
    ('2026-09-20', 2026, 'WORKDAY'),
    ('2026-09-25', 2026, 'HOLIDAY'), ('2026-09-26', 2026, 'HOLIDAY'), ('2026-09-27', 2026, 'HOLIDAY'),
    ('2026-10-01', 2026, 'HOLIDAY'), ('2026-10-02', 2026, 'HOLIDAY'), ('2026-10-03', 2026, 'HOLIDAY'),
    ('2026-10-04', 2026, 'HOLIDAY'), ('2026-10-05', 2026, 'HOLIDAY'), ('2026-10-06', 2026, 'HOLIDAY'),
    ('2026-10-07', 2026, 'HOLIDAY'),
    ('2026-10-10', 2026, 'WORKDAY');
