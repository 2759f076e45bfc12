package com.cogov.contracts.complaint;

/**
 * How a closed case ended: a complaint's mediation {@code AGREED}, {@code NOT_AGREED} or {@code WITHDRAWN} by the
 * complainant; a report's decision {@code CASE_OPENED} or {@code CASE_NOT_OPENED}.
 */
public enum ComplaintOutcome {
    AGREED,
    NOT_AGREED,
    WITHDRAWN,
    CASE_OPENED,
    CASE_NOT_OPENED
}
