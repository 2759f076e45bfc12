package com.cogov.contracts.inspection;

/** What the inspector decided on site (现场处置). */
public enum Disposition {
    /** Nothing to correct. */
    COMPLIANT,
    /** The pharmacy must correct what was found by {@code rectifyBy} (责令整改). */
    RECTIFY,
    /** A case was opened (立案), named by {@code caseNumber}. */
    CASE_OPENED
}
