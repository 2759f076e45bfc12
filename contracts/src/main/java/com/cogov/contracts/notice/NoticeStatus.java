package com.cogov.contracts.notice;

/**
 * Where a notice is: written ({@code DRAFT}), waiting for the city's approval ({@code SUBMITTED}), approved with a
 * publishing time still ahead ({@code SCHEDULED}), out ({@code PUBLISHED}), or taken back ({@code WITHDRAWN}, editable
 * and submittable again). SCHEDULED and PUBLISHED are told apart at the time of reading.
 */
public enum NoticeStatus {
    DRAFT,
    SUBMITTED,
    SCHEDULED,
    PUBLISHED,
    WITHDRAWN
}
