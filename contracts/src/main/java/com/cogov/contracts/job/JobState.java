package com.cogov.contracts.job;

/** Where a background job is: waiting for a node, running, or ended (DONE, FAILED, CANCELLED). */
public enum JobState {
    QUEUED,
    RUNNING,
    DONE,
    FAILED,
    CANCELLED;

    /** Whether the job has ended and will not change again. */
    public boolean ended() {
        return this == DONE || this == FAILED || this == CANCELLED;
    }
}
