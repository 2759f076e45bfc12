-- Enterprises (by unified social credit code) and the accounts of every role.
-- Sign-in credentials, tokens and audit come with the identity feature; this is who exists and in which scope.

CREATE TABLE enterprise (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    credit_code   CHAR(18)     NOT NULL,
    name          VARCHAR(128) NOT NULL,
    kind          VARCHAR(32)  NOT NULL, -- DRUG_WHOLESALE | RETAIL_CHAIN | VACCINE_DISTRIBUTION
    district_code CHAR(6)      NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_enterprise_credit_code (credit_code),
    CONSTRAINT fk_enterprise_district FOREIGN KEY (district_code) REFERENCES district (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE account (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    username       VARCHAR(64)  NULL,  -- portal sign-in
    wechat_openid  VARCHAR(64)  NULL,  -- mini-program sign-in
    role           VARCHAR(32)  NOT NULL,
    display_name   VARCHAR(64)  NOT NULL,
    pharmacy_id    BIGINT       NULL,
    district_code  CHAR(6)      NULL,
    enterprise_id  BIGINT       NULL,
    status         VARCHAR(16)  NOT NULL DEFAULT 'ACTIVE',
    created_at     TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at     TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (id),
    UNIQUE KEY uk_account_username (username),
    UNIQUE KEY uk_account_openid (wechat_openid),
    KEY ix_account_pharmacy (pharmacy_id),
    CONSTRAINT fk_account_pharmacy FOREIGN KEY (pharmacy_id) REFERENCES pharmacy (id),
    CONSTRAINT fk_account_district FOREIGN KEY (district_code) REFERENCES district (code),
    CONSTRAINT fk_account_enterprise FOREIGN KEY (enterprise_id) REFERENCES enterprise (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
