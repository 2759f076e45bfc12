package com.cogov.contracts.notice;

/** Who a notice is for: the public (mini-program and public web), pharmacies' staff, or enterprises. */
public enum NoticeAudience {
    PUBLIC,
    PHARMACIES,
    ENTERPRISES
}
