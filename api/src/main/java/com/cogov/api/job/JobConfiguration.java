package com.cogov.api.job;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * How this node runs background jobs.
 *
 * @param threads      jobs run at once on this node: few, so long work never starves the requests of the core
 * @param pollInterval how often the node looks for queued jobs (a job submitted here starts at once)
 * @param heartbeat    how often the node tells the database that its running jobs are alive
 * @param staleAfter   a RUNNING job whose node has not beaten for this long is re-queued, to resume elsewhere
 */
@ConfigurationProperties("cogov.jobs")
record JobConfiguration(
        @Bindable(defaultValue = "2") int threads,
        @Bindable(defaultValue = "2s") Duration pollInterval,
        @Bindable(defaultValue = "10s") Duration heartbeat,
        @Bindable(defaultValue = "60s") Duration staleAfter) {}
