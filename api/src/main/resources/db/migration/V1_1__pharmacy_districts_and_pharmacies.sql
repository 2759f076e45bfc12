-- Administrative divisions (GB/T 2260) and the pharmacies that register sales.
-- Plain SQL that runs on MySQL 8 and MariaDB 10.11.

CREATE TABLE district (
    code        CHAR(6)      NOT NULL,
    name        VARCHAR(32)  NOT NULL,
    parent_code CHAR(6)      NULL,
    level       VARCHAR(8)   NOT NULL, -- CITY | DISTRICT
    PRIMARY KEY (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Wuhan (420100) and its 13 districts.
INSERT INTO district (code, name, parent_code, level) VALUES
    ('420100', '武汉市',   NULL,     'CITY'),
    ('420102', '江岸区',   '420100', 'DISTRICT'),
    ('420103', '江汉区',   '420100', 'DISTRICT'),
    ('420104', '硚口区',   '420100', 'DISTRICT'),
    ('420105', '汉阳区',   '420100', 'DISTRICT'),
    ('420106', '武昌区',   '420100', 'DISTRICT'),
    ('420107', '青山区',   '420100', 'DISTRICT'),
    ('420111', '洪山区',   '420100', 'DISTRICT'),
    ('420112', '东西湖区', '420100', 'DISTRICT'),
    ('420113', '汉南区',   '420100', 'DISTRICT'),
    ('420114', '蔡甸区',   '420100', 'DISTRICT'),
    ('420115', '江夏区',   '420100', 'DISTRICT'),
    ('420116', '黄陂区',   '420100', 'DISTRICT'),
    ('420117', '新洲区',   '420100', 'DISTRICT');

CREATE TABLE pharmacy (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    license_number VARCHAR(32)  NOT NULL, -- 药品经营许可证编号
    credit_code    CHAR(18)     NOT NULL, -- 统一社会信用代码
    name           VARCHAR(128) NOT NULL,
    district_code  CHAR(6)      NOT NULL,
    address        VARCHAR(255) NOT NULL,
    latitude       DECIMAL(9, 6) NULL,
    longitude      DECIMAL(9, 6) NULL,
    opening_hours  VARCHAR(64)  NULL,
    phone          VARCHAR(32)  NULL,  -- the shop's public number, not personal data
    status         VARCHAR(16)  NOT NULL DEFAULT 'ACTIVE', -- ACTIVE | DISABLED
    created_at     TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at     TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (id),
    UNIQUE KEY uk_pharmacy_license (license_number),
    KEY ix_pharmacy_district (district_code, status),
    CONSTRAINT fk_pharmacy_district FOREIGN KEY (district_code) REFERENCES district (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
