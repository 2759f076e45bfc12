-- Search text (docs/platform.md: search text; api search.SearchKeys): one row per suffix of an entity's normalised
-- name and of its pinyin initials, so "the name contains q" is the indexed prefix match suffix LIKE 'q%' rather than a
-- scan with LIKE '%q%'. A 12-character name costs 24 short rows; 6,400 pharmacies about 150,000. Generic: an entity type
-- (PHARMACY, later DRUG) and id, searched within a scope (a district code, '' for none). Binary collation: the keys
-- are normalised in Java (NFKC, lower case), and two spellings must not collide in the primary key.
CREATE TABLE search_key (
    entity_type VARCHAR(32)  NOT NULL,
    scope       VARCHAR(32)  NOT NULL DEFAULT '',
    suffix      VARCHAR(64)  NOT NULL COLLATE utf8mb4_bin,
    entity_id   BIGINT       NOT NULL,
    kind        CHAR(1)      NOT NULL,  -- T: the text, I: its initials
    position    SMALLINT     NOT NULL,  -- where the suffix starts in the key (0: the key itself, for exact and prefix)
    full_length SMALLINT     NOT NULL,  -- the whole key's length (exact = position 0 and as long as the query)
    PRIMARY KEY (entity_type, scope, suffix, entity_id, kind, position),
    KEY ix_search_key_type (entity_type, suffix),
    KEY ix_search_key_entity (entity_type, entity_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
