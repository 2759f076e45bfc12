package com.cogov.api.audit;

/** How the audited attempt ended. */
public enum AuditOutcome {
    /** It was done. */
    SUCCESS,
    /** It was attempted and failed: a wrong password, an invalid request, a broken audit chain. */
    FAILURE,
    /** It was refused for lack of permission or scope. */
    DENIED
}
