package com.cogov.api.job;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs scheduled work on one node of many (docs/platform: jobs): every node's scheduler fires, the first to take the
 * named Redisson lock runs, the others skip. The lock has a lease, so a node that dies mid-run frees it. Work run this
 * way must be incremental and idempotent: a run skipped (Redis down, lease lost) is made up by the next one.
 */
@Singleton
public class SingleNode {

    private static final Logger LOG = LoggerFactory.getLogger(SingleNode.class);

    private final RedissonClient redis;

    SingleNode(RedissonClient redis) {
        this.redis = redis;
    }

    /**
     * @param name  the work's name, e.g. {@code alerts.detect}
     * @param lease longer than a run can take; the lock is freed after it even if the node hangs
     * @return whether this node ran the work
     */
    public boolean run(String name, Duration lease, Runnable work) {
        RLock lock = redis.getLock("cogov:single-node:" + name);
        boolean held;
        try {
            held = lock.tryLock(0, lease.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (RedisException e) { // unreachable or timed out
            LOG.warn("Skipped {}: Redis unavailable ({}), the next run makes up for it", name, e.toString());
            return false;
        }
        if (!held) {
            return false;
        }
        try {
            work.run();
            return true;
        } finally {
            try {
                if (lock.isHeldByCurrentThread()) {
                    lock.unlock();
                }
            } catch (RuntimeException e) {
                LOG.warn("Could not release {} (its lease frees it): {}", name, e.toString());
            }
        }
    }
}
