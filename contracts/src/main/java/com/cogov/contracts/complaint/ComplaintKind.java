package com.cogov.contracts.complaint;

/**
 * What was filed (Art. 7): a complaint (投诉) seeks redress for the filer, a report (举报) points at a violation.
 * {@code BOTH} is accepted on filing only and split into a linked complaint and report.
 */
public enum ComplaintKind {
    COMPLAINT,
    REPORT,
    BOTH
}
