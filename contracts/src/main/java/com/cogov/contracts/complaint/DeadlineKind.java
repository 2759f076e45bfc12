package com.cogov.contracts.complaint;

/**
 * The legal deadlines of a case (domain-rules.md §4), each counted in working days on the official calendar.
 * {@code ACCEPT_DECISION}: a complaint accepted or rejected within 7 working days of receipt (Art. 14);
 * {@code MEDIATION_END}: mediation ends 45 working days after it starts (Art. 21); {@code CASE_DECISION}: a report's
 * decision on opening a case within 15 working days, extendable once by 15 (Art. 31); {@code REPORTER_NOTICE}: a
 * real-name reporter is told within 5 working days of that decision.
 */
public enum DeadlineKind {
    ACCEPT_DECISION,
    MEDIATION_END,
    CASE_DECISION,
    REPORTER_NOTICE
}
