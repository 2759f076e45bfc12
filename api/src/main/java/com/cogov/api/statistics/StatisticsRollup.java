package com.cogov.api.statistics;

import com.cogov.api.job.SingleNode;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the rollup a few seconds behind the counter, on one node of many. It runs beside the registration path rather
 * than inside its transaction: a commit group then writes nothing more than it did, and no two groups meet on a
 * rollup row (every sale of a pharmacy, district and the city would update the same few rows, a lock every group of
 * the city would queue for). It reads the sales after its cursor by primary key, so it also counts registrations
 * written by other means (demo data, the load harness's dataset, an import).
 */
@Singleton
class StatisticsRollup {

    private static final Logger LOG = LoggerFactory.getLogger(StatisticsRollup.class);

    /** One run's budget: the lock is given back this often, so a node's turn is short. */
    private static final Duration RUN = Duration.ofSeconds(20);
    /** Longer than a run can take (its budget plus one batch). */
    private static final Duration LEASE = Duration.ofMinutes(1);

    private final ReentrantLock running = new ReentrantLock();
    private volatile boolean closing;
    private final SingleNode singleNode;
    private final RollupBatch batch;
    private final StatisticsConfiguration config;
    private final Clock clock;

    StatisticsRollup(SingleNode singleNode, RollupBatch batch, StatisticsConfiguration config, Clock clock) {
        this.singleNode = singleNode;
        this.batch = batch;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${cogov.statistics.rollup-interval:2s}", initialDelay = "5s")
    void scheduled() {
        catchUp();
    }

    /** Counts what is new, a batch at a time, for up to {@link #RUN} (the next run goes on). */
    boolean catchUp() {
        return singleNode.run("statistics.rollup", LEASE, () -> {
            running.lock();
            try {
                Instant deadline = clock.instant().plus(RUN);
                repeat(() -> batch.countSales(clock.instant()), deadline);
                repeat(() -> batch.countBlocks(clock.instant()), deadline);
                repeat(batch::countVoids, deadline);
            } catch (RuntimeException e) {
                // Nothing of a failed step committed; the next run counts it again.
                LOG.warn("Statistics rollup stopped, the next run goes on: {}", e.toString(), e);
            } finally {
                running.unlock();
            }
        });
    }

    /**
     * On shutdown, the run in progress stops after its current step and gives the lock back while Redis is still
     * reachable, instead of leaving it to its lease: another node takes over at once.
     */
    @PreDestroy
    void close() throws InterruptedException {
        closing = true;
        if (running.tryLock(RUN.toSeconds(), TimeUnit.SECONDS)) {
            running.unlock();
        }
    }

    private void repeat(BooleanSupplier step, Instant deadline) {
        while (!closing && step.getAsBoolean() && clock.instant().isBefore(deadline)) {
            LOG.debug("Statistics rollup: a full batch of {}, going on", config.batchSize());
        }
    }
}
