package com.cogov.api.job;

import com.cogov.api.shared.Actor;
import com.cogov.contracts.job.JobState;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/** A job row as read. */
record StoredJob(
        long id,
        String type,
        Actor owner,
        JobState state,
        long total,
        long done,
        long errors,
        @Nullable String message,
        String params,
        @Nullable String checkpoint,
        @Nullable String result,
        Instant createdAt,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt) {

    int percent() {
        if (state == JobState.DONE) {
            return 100;
        }
        return total <= 0 ? 0 : (int) Math.min(100, done * 100 / total);
    }
}
