package com.cogov.api.job;

import com.cogov.api.shared.Actor;
import com.cogov.contracts.job.JobView;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Map;

/**
 * The jobs feature's entry (docs/platform: jobs): long work submitted by a user or the platform, run off the request
 * thread by a {@link JobHandler} of its type on some node, resumed from its checkpoint if that node dies, cancellable,
 * its progress readable by its owner. Only the owner sees a job: for anyone else it does not exist (404).
 */
@Singleton
public class JobService {

    private final JobStore store;
    private final JobRunner runner;
    private final JsonMapper json;
    private final Clock clock;

    JobService(JobStore store, JobRunner runner, JsonMapper json, Clock clock) {
        this.store = store;
        this.runner = runner;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Queues a job and starts it at once if this node has a free slot.
     *
     * @param owner  who it runs as; their scope is kept with the job. The platform's own jobs ({@link Actor#system})
     *               have no owner account, so no user sees them
     * @param type   a {@link JobHandler#type()}
     * @param params what the handler reads back with {@link JobContext#params}; JSON-serialisable
     */
    public JobView submit(Actor owner, String type, Object params) {
        String text;
        try {
            text = json.writeValueAsString(params);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long id = store.insert(type, owner, text, clock.instant());
        runner.dispatch();
        return view(owner, id);
    }

    /** The caller's own job. */
    public JobView view(Actor caller, long id) {
        return view(owned(caller, id));
    }

    /** The caller's own job, if it is of the given type (an export's id names an EXPORT job, nothing else). */
    public JobView view(Actor caller, long id, String type) {
        StoredJob job = owned(caller, id);
        if (!job.type().equals(type)) {
            throw new JobNotFoundException();
        }
        return view(job);
    }

    /** A queued job ends at once; a running one stops at its next progress report. */
    public JobView cancel(Actor caller, long id) {
        StoredJob job = owned(caller, id);
        if (job.state().ended() || !store.cancel(id, caller.accountId(), clock.instant())) {
            throw new JobNotCancellableException();
        }
        return view(caller, id);
    }

    /**
     * Re-queues the jobs whose node stopped beating and starts what this node can take. Scheduled on every node; public
     * so operations (and tests) can run it at once instead of waiting for the next round.
     *
     * @return how many jobs were re-queued or, if their owner had asked to cancel, ended
     */
    public int recoverStalled() {
        return runner.recoverStalled();
    }

    private StoredJob owned(Actor caller, long id) {
        return store.find(id)
                .filter(j -> caller.accountId() != null
                        && caller.accountId().equals(j.owner().accountId()))
                .orElseThrow(JobNotFoundException::new);
    }

    private JobView view(StoredJob job) {
        return new JobView(
                job.id(),
                job.type(),
                job.state(),
                job.total(),
                job.done(),
                job.errors(),
                job.percent(),
                job.message(),
                result(job.result()),
                job.createdAt(),
                job.startedAt(),
                job.finishedAt());
    }

    private Map<String, Object> result(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readValue(text, Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
