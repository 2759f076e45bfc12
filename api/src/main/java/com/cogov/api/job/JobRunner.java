package com.cogov.api.job;

import com.cogov.api.shared.CogovException;
import com.cogov.contracts.job.JobState;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs queued jobs on this node, a few at a time ({@link JobConfiguration#threads()}), off the request threads. A node
 * takes a job with a conditional UPDATE (only while it is QUEUED), beats for its running jobs, and re-queues jobs
 * whose node stopped beating so they resume from their checkpoint; any node may do that, each row moves once.
 */
@Singleton
class JobRunner {

    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);

    private final JobStore store;
    private final JobConfiguration config;
    private final Map<String, JobHandler> handlers;
    private final Clock clock;
    private final JsonMapper json;
    private final String node;
    private final Semaphore slots;
    private final ExecutorService executor;
    private volatile boolean closed;

    JobRunner(JobStore store, JobConfiguration config, List<JobHandler> handlers, Clock clock, JsonMapper json) {
        this.store = store;
        this.config = config;
        this.handlers = handlers.stream().collect(Collectors.toMap(JobHandler::type, Function.identity()));
        this.clock = clock;
        this.json = json;
        this.node = nodeName();
        this.slots = new Semaphore(config.threads());
        AtomicInteger threads = new AtomicInteger();
        // The semaphore bounds the work taken; the queue only bridges a slot freed before its thread is idle again.
        this.executor = new ThreadPoolExecutor(
                config.threads(), config.threads(), 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "cogov-job-" + threads.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    /** Takes queued jobs while this node has free slots. */
    @Scheduled(fixedDelay = "${cogov.jobs.poll-interval:2s}", initialDelay = "${cogov.jobs.poll-interval:2s}")
    void dispatch() {
        if (closed || slots.availablePermits() == 0) {
            return;
        }
        for (long id : store.queued(config.threads() * 2)) {
            if (!slots.tryAcquire()) {
                return;
            }
            if (!store.claim(id, node, clock.instant())) { // another node was faster
                slots.release();
                continue;
            }
            executor.execute(() -> {
                try {
                    run(id);
                } finally {
                    slots.release();
                }
            });
        }
    }

    @Scheduled(fixedDelay = "${cogov.jobs.heartbeat:10s}")
    void heartbeat() {
        if (!closed) {
            store.heartbeat(node, clock.instant());
        }
    }

    @Scheduled(fixedDelay = "${cogov.jobs.heartbeat:10s}", initialDelay = "1s")
    int recoverStalled() {
        if (closed) {
            return 0;
        }
        int moved = store.requeueStalled(clock.instant().minus(config.staleAfter()), clock.instant());
        if (moved > 0) {
            LOG.warn("Re-queued {} job(s) whose node stopped beating", moved);
            dispatch();
        }
        return moved;
    }

    private void run(long id) {
        StoredJob job = store.find(id).orElseThrow();
        RunningJob context = new RunningJob(job, store, node, clock, json);
        JobHandler handler = handlers.get(job.type());
        JobState end;
        String message;
        if (handler == null) {
            LOG.error("Job {} has type {}, which no handler on this node runs", id, job.type());
            end = JobState.FAILED;
            message = "任务类型无法执行，请联系运维（任务号 " + id + "）";
        } else {
            try {
                handler.run(context);
                end = context.cancelled() ? JobState.CANCELLED : JobState.DONE;
                message = context.message();
            } catch (CogovException e) {
                end = JobState.FAILED;
                message = e.getMessage();
            } catch (Exception e) { // a defect or an outage: logged here, a sentence for the owner
                LOG.error("Job {} ({}) failed", id, job.type(), e);
                end = JobState.FAILED;
                message = "任务执行出错，请重新发起；如多次出现请联系运维（任务号 " + id + "）";
            }
        }
        if (context.lost()) {
            LOG.info("Job {} was taken over by another run; this run's outcome is dropped", id);
            return;
        }
        boolean written = store.finish(
                id,
                node,
                end,
                context.done(),
                Math.max(context.total(), context.done()),
                context.errors(),
                message,
                end == JobState.DONE ? context.result() : null,
                clock.instant());
        if (!written) {
            LOG.info("Job {} was taken over before it ended here; this run's outcome is dropped", id);
        }
    }

    /** On an orderly shutdown, this node's jobs go back to the queue at once rather than after the stale time. */
    @PreDestroy
    void close() {
        closed = true;
        executor.shutdownNow();
        try {
            store.requeueOwn(node);
        } catch (RuntimeException e) { // the database may be closing too: the stale check re-queues them later
            LOG.warn("Could not re-queue this node's jobs on shutdown: {}", e.toString());
        }
    }

    private static String nodeName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "node";
        }
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        return (host.length() > 50 ? host.substring(0, 50) : host) + ":" + suffix;
    }
}
