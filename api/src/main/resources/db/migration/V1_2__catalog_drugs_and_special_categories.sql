-- The drug catalog, its commodity barcodes, and the special compound categories of domain-rules.md §1.

CREATE TABLE special_category (
    code                      VARCHAR(32)  NOT NULL,
    name                      VARCHAR(64)  NOT NULL,
    psychotropic_category_two BOOLEAN      NOT NULL,
    prescription_required     BOOLEAN      NOT NULL,
    -- Default most smallest packages per sale without a prescription; NULL = no national per-sale cap.
    default_per_sale_limit    INT          NULL,
    legal_basis               VARCHAR(255) NOT NULL,
    PRIMARY KEY (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO special_category (code, name, psychotropic_category_two, prescription_required, default_per_sale_limit, legal_basis) VALUES
    ('EPHEDRINE_COMPOUND',     '含麻黄碱类复方制剂',         FALSE, FALSE, 2,
        '关于进一步加强含麻黄碱类复方制剂管理的通知（2012）：查验身份证，每次不超过2个最小包装'),
    ('CODEINE_ORAL_LIQUID',    '含可待因复方口服液体制剂',   TRUE,  TRUE,  NULL,
        '第二类精神药品（2015）；麻醉药品和精神药品管理条例第32条：凭处方，不得向未成年人销售'),
    ('DEXTROMETHORPHAN',       '右美沙芬口服单方制剂',       TRUE,  TRUE,  NULL,
        '国家药监局等 2024年第54号公告：2024-07-01起列入第二类精神药品'),
    ('DIPHENOXYLATE_COMPOUND', '复方地芬诺酯片',             TRUE,  TRUE,  NULL,
        '第二类精神药品；麻醉药品和精神药品管理条例第32条');

CREATE TABLE drug (
    id                    BIGINT       NOT NULL AUTO_INCREMENT,
    name                  VARCHAR(128) NOT NULL,
    generic_name          VARCHAR(128) NOT NULL,
    maker                 VARCHAR(128) NOT NULL,
    strength              VARCHAR(128) NOT NULL,
    dosage_form           VARCHAR(32)  NOT NULL,
    package_unit          VARCHAR(16)  NOT NULL,
    approval_number       VARCHAR(32)  NOT NULL,
    special_category_code VARCHAR(32)  NULL,
    prescription_only     BOOLEAN      NOT NULL,
    per_sale_limit        INT          NULL,
    product_identifier    CHAR(7)      NULL, -- first 7 digits of the drug's 20-digit traceability codes
    created_at            TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at            TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (id),
    UNIQUE KEY uk_drug_product_identifier (product_identifier),
    KEY ix_drug_special_category (special_category_code),
    CONSTRAINT fk_drug_special_category FOREIGN KEY (special_category_code) REFERENCES special_category (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE drug_barcode (
    barcode VARCHAR(14) NOT NULL, -- EAN-13, EAN-8 or UPC-A, check digit validated before insert
    format  VARCHAR(8)  NOT NULL,
    drug_id BIGINT      NOT NULL,
    PRIMARY KEY (barcode),
    KEY ix_drug_barcode_drug (drug_id),
    CONSTRAINT fk_drug_barcode_drug FOREIGN KEY (drug_id) REFERENCES drug (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
