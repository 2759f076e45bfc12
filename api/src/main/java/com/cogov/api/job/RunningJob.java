package com.cogov.api.job;

import com.cogov.api.shared.Actor;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** One run of a job on this node: what its handler reads and reports through. */
final class RunningJob implements JobContext {

    /** Progress is written at most this often: a handler may report every row. */
    private static final Duration WRITE_EVERY = Duration.ofMillis(500);

    private final StoredJob job;
    private final JobStore store;
    private final String node;
    private final Clock clock;
    private final JsonMapper json;

    private long done;
    private long total;
    private long errors;

    @Nullable
    private String message;

    @Nullable
    private String checkpoint;

    @Nullable
    private String result;

    private Instant lastWrite = Instant.EPOCH;
    private volatile boolean cancelled;
    private volatile boolean lost;

    RunningJob(StoredJob job, JobStore store, String node, Clock clock, JsonMapper json) {
        this.job = job;
        this.store = store;
        this.node = node;
        this.clock = clock;
        this.json = json;
        this.done = job.done();
        this.total = job.total();
        this.errors = job.errors();
        this.checkpoint = job.checkpoint();
    }

    @Override
    public long jobId() {
        return job.id();
    }

    @Override
    public <T> T params(Class<T> type) {
        try {
            return json.readValue(job.params(), type);
        } catch (IOException e) {
            throw new UncheckedIOException("job " + job.id() + " has unreadable params", e);
        }
    }

    @Override
    public Actor owner() {
        return job.owner();
    }

    @Override
    public void progress(long done, long total) {
        this.done = done;
        this.total = total;
        Instant now = clock.instant();
        if (Duration.between(lastWrite, now).compareTo(WRITE_EVERY) >= 0) {
            write(now);
        }
    }

    @Override
    public void errors(long errors) {
        this.errors = errors;
    }

    @Override
    public Optional<String> checkpoint() {
        return Optional.ofNullable(checkpoint);
    }

    @Override
    public void checkpoint(String checkpoint, long done) {
        this.checkpoint = checkpoint;
        this.done = done;
        if (!store.checkpoint(job.id(), node, checkpoint, done, errors, clock.instant())) {
            lost = true;
        }
    }

    @Override
    public boolean isCancelled() {
        return cancelled || lost;
    }

    @Override
    public void message(@Nullable String message) {
        this.message = message;
    }

    @Override
    public void result(Object result) {
        try {
            this.result = json.writeValueAsString(result);
        } catch (IOException e) {
            throw new UncheckedIOException("job " + job.id() + " has an unwritable result", e);
        }
    }

    private void write(Instant now) {
        lastWrite = now;
        if (!store.progress(job.id(), node, done, total, errors, message, now)) {
            lost = true; // re-queued (this node stalled) or ended elsewhere: another run owns it now
            return;
        }
        cancelled = store.cancelRequested(job.id());
    }

    /** This node no longer holds the job: its outcome must not be written. */
    boolean lost() {
        return lost;
    }

    /** Whether the handler was told to stop because its owner cancelled. */
    boolean cancelled() {
        return cancelled;
    }

    long done() {
        return done;
    }

    long total() {
        return total;
    }

    long errors() {
        return errors;
    }

    @Nullable
    String message() {
        return message;
    }

    @Nullable
    String result() {
        return result;
    }
}
