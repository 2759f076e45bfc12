package com.cogov.api.job;

/**
 * One kind of long work (docs/platform: jobs). A feature implements it as a {@code @Singleton} in its own package and
 * submits jobs of its {@link #type()} through {@link JobService#submit}. The work runs off the request thread on a
 * small pool, possibly on another node, and again from its last checkpoint if a node died while running it: so it
 * reads everything it needs from {@link JobContext#params} and the owner, never from the request that submitted it.
 */
public interface JobHandler {

    /** Unique among handlers, upper case, e.g. {@code EXPORT}. */
    String type();

    /**
     * Does the work. Report progress often (it is also the job's sign of life), stop soon after
     * {@link JobContext#isCancelled()} turns true, and set a checkpoint where a resumed run can continue. Throw a
     * {@code CogovException} to fail with its message; any other exception fails the job with a generic message.
     */
    void run(JobContext context) throws Exception;
}
