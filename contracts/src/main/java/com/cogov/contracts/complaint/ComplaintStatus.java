package com.cogov.contracts.complaint;

/**
 * Where a case stands. {@code PENDING_CONTENT_CHECK}: held until WeChat's content check clears it (or re-checked while
 * WeChat is down); {@code MEDIATING}: complaints only; {@code CASE_DECISION}: reports awaiting the decision to open a
 * case; {@code CLOSED}: see its outcome.
 */
public enum ComplaintStatus {
    PENDING_CONTENT_CHECK,
    RECEIVED,
    ACCEPTED,
    REJECTED,
    MEDIATING,
    CASE_DECISION,
    CLOSED
}
