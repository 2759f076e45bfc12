package com.cogov.portal.job;

import com.cogov.api.job.JobService;
import com.cogov.api.shared.Actor;
import com.cogov.api.web.ProblemResponse;
import com.cogov.contracts.job.JobView;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.sse.Event;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** A user's own background jobs (docs/platform: jobs): progress, a live stream of it, cancel. */
@Controller("/portal/v1/jobs")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@SecurityRequirement(name = "bearer")
@Tag(name = "Jobs")
class JobController {

    /** How often the stream reads the job row: progress is written about twice a second. */
    private static final Duration POLL = Duration.ofMillis(500);
    /** A stream ends after this even if the job has not: the page reconnects if it still cares. */
    private static final Duration LONGEST_STREAM = Duration.ofHours(1);

    private final JobService jobs;

    JobController(JobService jobs) {
        this.jobs = jobs;
    }

    @Get("/{id}")
    @Operation(operationId = "getJob", summary = "One of the caller's jobs: state and progress")
    @ProblemResponse(status = "404", codes = "JOB_NOT_FOUND (no such job, or another user's)")
    JobView get(long id, @Parameter(hidden = true) Actor caller) {
        return jobs.view(caller, id);
    }

    @Get(value = "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM)
    @Operation(
            operationId = "streamJobEvents",
            summary = "The job's progress as Server-Sent Events",
            description = "An event `job` with the job's view now and at each change; the stream ends when the job"
                    + " ends (DONE, FAILED or CANCELLED), or after an hour.")
    @ApiResponse(
            responseCode = "200",
            description = "Events named `job`, each with the job as its JSON data",
            content =
                    @Content(mediaType = MediaType.TEXT_EVENT_STREAM, schema = @Schema(implementation = JobView.class)))
    @ProblemResponse(status = "404", codes = "JOB_NOT_FOUND (no such job, or another user's)")
    Publisher<Event<JobView>> events(long id, @Parameter(hidden = true) Actor caller) {
        JobView first = jobs.view(caller, id); // refused here, before the stream starts, with a problem answer
        Flux<JobView> later = Flux.interval(POLL)
                .onBackpressureDrop() // a tick while the last read is still running is skipped, not an error
                .concatMap(tick ->
                        Mono.fromCallable(() -> jobs.view(caller, id)).subscribeOn(Schedulers.boundedElastic()));
        return Flux.concat(Flux.just(first), first.state().ended() ? Flux.empty() : later)
                .distinctUntilChanged()
                .takeUntil(job -> job.state().ended())
                .take(LONGEST_STREAM)
                .map(job -> Event.of(job).name("job"));
    }

    @Post("/{id}/cancel")
    @Operation(
            operationId = "cancelJob",
            summary = "Cancel the job: a queued one ends at once, a running one within a second or two")
    @ProblemResponse(status = "404", codes = "JOB_NOT_FOUND (no such job, or another user's)")
    @ProblemResponse(status = "409", codes = "JOB_NOT_CANCELLABLE (it has ended)")
    JobView cancel(long id, @Parameter(hidden = true) Actor caller) {
        return jobs.cancel(caller, id);
    }
}
