package com.cogov.contracts.buyer;

/**
 * The identity documents a pharmacy records a buyer's number from (docs/domain-rules.md §2). The first three are numbered
 * under GB 11643 and checked in full (check character, birth date); the last two are only format-checked, since their
 * numbering has no public check.
 */
public enum DocumentType {
    /** 居民身份证, also the residence permits of Hong Kong, Macao and Taiwan residents (prefixes 81, 82, 83). */
    RESIDENT_ID,
    /** 社会保障卡: its number is the holder's citizen ID number (社会保险法 Art. 58), validated identically. */
    SOCIAL_SECURITY,
    /** 外国人永久居留身份证, 2023 version: 18 characters starting with 9, GB 11643 check character. */
    FOREIGN_PERMANENT_RESIDENCE,
    /** 港澳居民来往内地通行证: H or M and 8 digits (10 digits on older permits). */
    HK_MACAO_PERMIT,
    /** Any passport: 5 to 17 letters or digits. */
    PASSPORT
}
