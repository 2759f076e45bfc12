package com.cogov.api.registration;

import com.cogov.contracts.registration.RegistrationResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits accepted sales in groups. At the busy hour, a sale alone in its transaction costs the database about nine
 * round trips and a commit; sales that arrive while earlier ones are being written wait and go together, so a group
 * costs the same eight statements and one commit however many sales it holds (one read of the sales' idempotency keys,
 * which finds the retries among them, then one multi-row insert per table). A group commits whole, or on any failure
 * (a key answered meanwhile, a lock wait, a deadlock) each of its sales is written again alone in its own transaction,
 * so every request still gets exactly its own outcome; a group that failed only because a random public number drawn
 * was taken is written again whole with new numbers ({@link RegistrationNumbers}). A sale is answered only
 * after its commit and after it is counted in its buyer's velocity (one Redis round trip for the group). A quiet
 * counter's sale finds nobody to wait for and goes alone at once.
 */
@Singleton
class GroupCommit {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);
    /** Writes of a group with fresh public numbers before a taken number fails it. */
    private static final int NUMBER_ATTEMPTS = 3;

    private record Pending(RegistrationWriter.Accepted sale, CompletableFuture<RegistrationResult> answer) {}

    private final RegistrationWriter writer;
    private final Velocity velocity;
    private final DistributionSummary groups;
    private final Counter fallbacks;
    private final Counter numbersRedrawn;
    private final int groupSize;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean open = true;

    GroupCommit(RegistrationWriter writer, Velocity velocity, RegistrationConfiguration config, MeterRegistry meters) {
        this.writer = writer;
        this.velocity = velocity;
        this.groups = DistributionSummary.builder("cogov.registration.commit.sales")
                .description("Sales written in one transaction")
                .register(meters);
        this.fallbacks = Counter.builder("cogov.registration.commit.fallbacks")
                .description("Groups of sales rolled back and written again sale by sale")
                .register(meters);
        Gauge.builder("cogov.registration.commit.queued", queue, BlockingQueue::size)
                .description("Sales accepted and waiting for a commit writer")
                .register(meters);
        this.numbersRedrawn = Counter.builder("cogov.registration.commit.numbers-redrawn")
                .description("Groups written again because a public number drawn was taken")
                .register(meters);
        this.groupSize = Math.max(1, config.commitGroupSize());
        for (int i = 0; i < Math.max(1, config.commitWriters()); i++) {
            Thread thread = new Thread(this::writeGroups, "registration-commit-" + i);
            thread.setDaemon(true);
            writers.add(thread);
            thread.start();
        }
    }

    /**
     * Queues the sale for writing. The answer completes on a commit writer once the sale is committed (or with what
     * writing it alone threw): the caller's thread is not held meanwhile, so a few request threads keep many sales in
     * the queue and the groups full.
     */
    CompletableFuture<RegistrationResult> submit(RegistrationWriter.Accepted sale) {
        Pending pending = new Pending(sale, new CompletableFuture<>());
        queue.add(pending);
        if (!open && queue.remove(pending)) {
            write(List.of(pending)); // closing, and no writer took it
        }
        return pending.answer();
    }

    private void writeGroups() {
        List<Pending> group = new ArrayList<>(groupSize);
        while (open || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                queue.drainTo(group, groupSize - 1);
                write(group);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                // write() completes every sale; this is only a last guard so the writer thread itself never dies.
                group.forEach(p -> p.answer().completeExceptionally(e));
                LOG.error("Registration commit writer failed", e);
            } finally {
                group.clear();
            }
        }
    }

    private void write(List<Pending> group) {
        if (group.isEmpty()) {
            return;
        }
        List<RegistrationWriter.Outcome> outcomes = null;
        for (int attempt = 1; outcomes == null; attempt++) {
            try {
                outcomes = writer.accept(group.stream().map(Pending::sale).toList());
            } catch (RegistrationStore.NumberTaken e) {
                // A random public number hit one already taken (rare: nine random digits a day): drawn again, the same
                // group, in a new transaction. Only after several misses in a row does it fail like any other error.
                numbersRedrawn.increment();
                if (attempt >= NUMBER_ATTEMPTS) {
                    failed(group, e);
                    return;
                }
            } catch (RuntimeException e) {
                failed(group, e);
                return;
            }
        }
        long written = outcomes.stream()
                .filter(RegistrationWriter.Written.class::isInstance)
                .count();
        if (written > 0) { // a group of retries only wrote nothing
            groups.record(written);
        }
        answer(group, outcomes);
    }

    /** A group that rolled back: one sale gets the failure, several are written again each alone. */
    private void failed(List<Pending> group, RuntimeException e) {
        if (group.size() == 1) {
            group.get(0).answer().completeExceptionally(e);
            return;
        }
        fallbacks.increment();
        LOG.debug("A group of {} sales rolled back ({}); writing each alone", group.size(), e.toString());
        group.forEach(p -> write(List.of(p)));
    }

    /**
     * Counts the sales written in their buyers' velocity first, in one round trip, then answers: a clerk's next sale
     * to the same buyer is checked against this one. A retry is answered as its key was before.
     */
    private void answer(List<Pending> group, List<RegistrationWriter.Outcome> outcomes) {
        List<Velocity.Recorded> recorded = new ArrayList<>();
        for (int k = 0; k < group.size(); k++) {
            if (outcomes.get(k) instanceof RegistrationWriter.Written written) {
                long id = written.id();
                group.get(k).sale().counted().forEach(c -> recorded.add(new Velocity.Recorded(c, id)));
            }
        }
        velocity.recorded(recorded);
        for (int k = 0; k < group.size(); k++) {
            Pending p = group.get(k);
            if (outcomes.get(k) instanceof RegistrationWriter.Written written) {
                p.answer().complete(written.result());
                continue;
            }
            try {
                IdempotencyRecords.Answered earlier = ((RegistrationWriter.AnsweredBefore) outcomes.get(k)).earlier();
                p.answer().complete(writer.replay(p.sale().key(), p.sale().requestHash(), earlier));
            } catch (RuntimeException e) {
                p.answer().completeExceptionally(e);
            }
        }
    }

    /** Writes what is queued before the pool closes: the clerks waiting for those sales get their answers. */
    @PreDestroy
    void close() throws InterruptedException {
        open = false;
        for (Thread thread : writers) {
            thread.join(10_000);
        }
        List<Pending> left = new ArrayList<>();
        queue.drainTo(left);
        write(left);
    }
}
