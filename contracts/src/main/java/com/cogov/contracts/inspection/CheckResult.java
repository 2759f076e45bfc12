package com.cogov.contracts.inspection;

/** One checklist item's answer; a PROBLEM needs a note or a photo. */
public enum CheckResult {
    OK,
    PROBLEM,
    NOT_APPLICABLE
}
