package com.cogov.portal;

import com.cogov.api.job.JobContext;
import com.cogov.api.job.JobHandler;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * A job for the tests ({@code TEST_COUNT}): counts to {@code to}, setting a checkpoint at each step, and says in its
 * result where this run began: a job resumed after its node died begins at its checkpoint, not at 0.
 */
@Singleton
@Requires(env = Environment.TEST)
class TestCountJob implements JobHandler {

    static final String TYPE = "TEST_COUNT";

    @Serdeable
    record Params(long to) {}

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public void run(JobContext context) {
        long to = context.params(Params.class).to();
        long from = context.checkpoint().map(Long::parseLong).orElse(0L);
        for (long i = from; i < to && !context.isCancelled(); i++) {
            context.checkpoint(Long.toString(i + 1), i + 1);
            context.progress(i + 1, to);
        }
        context.result(Map.of("startedFrom", from));
    }
}
