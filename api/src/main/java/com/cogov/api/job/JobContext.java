package com.cogov.api.job;

import com.cogov.api.shared.Actor;
import io.micronaut.core.annotation.Nullable;
import java.util.Optional;

/** What a running {@link JobHandler} gets: its input and owner, and the ways to report back. */
public interface JobContext {

    long jobId();

    /** The parameters given to {@link JobService#submit}, read back into their type. */
    <T> T params(Class<T> type);

    /** Who submitted the job, in their scope at that time: the work reads as them. */
    Actor owner();

    /**
     * Progress so far. Cheap to call per unit of work: it is written to the database at most about twice a second,
     * and each write also refreshes {@link #isCancelled()}.
     */
    void progress(long done, long total);

    /**
     * How many items failed so far (an import's rejected rows): shown as the job's {@code errors}, written with the next
     * progress report or checkpoint.
     */
    void errors(long errors);

    /** Where the previous run of this job stopped, if it was interrupted (a node died) after setting one. */
    Optional<String> checkpoint();

    /** Records where a resumed run should continue, with the progress at that point; written at once. */
    void checkpoint(String checkpoint, long done);

    /** Whether the owner asked to cancel, or the job was taken over by another node: stop soon if so. */
    boolean isCancelled();

    /** A short Chinese sentence for the owner (shown in the job's view); null to clear it. */
    void message(@Nullable String message);

    /** What the job produced, kept as JSON and shown to the owner (so nothing personal in it). */
    void result(Object result);
}
