package com.cogov.api.shared;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way a feature that keeps state in Redis lives through Redis going away. The database stays the truth
 * throughout; what Redis held may be stale afterwards, because while it was down this node's changes could not be
 * written or announced there. So every user keeps its Redis state under a counter (a version or an epoch) and, after an
 * outage, increments it once: all nodes then read afresh from the database.
 * <ul>
 *   <li>{@link #failed}: Redis failed or timed out. The outage starts (logged once); for the pause, {@link #skipping}
 *       tells hot paths to go straight to the database instead of waiting for Redis's timeout again.</li>
 *   <li>{@link #recovering}: true once, for the first caller after an outage whose Redis call may go ahead: it must
 *       increment its counter now (and call {@link #failed} if that fails, so a later caller tries again).</li>
 * </ul>
 * Each user has its own (a cache's tight timeout says nothing about another feature's calls).
 */
public final class RedisOutage {

    private static final Logger LOG = LoggerFactory.getLogger(RedisOutage.class);

    private final String what;
    private final long pauseNanos;
    private final AtomicBoolean down = new AtomicBoolean();
    /** System.nanoTime() until which Redis is skipped. */
    private volatile long skipUntil = System.nanoTime();

    /**
     * @param what  what lives in Redis, for the log ("catalog cache", "velocity counters", ...)
     * @param pause how long after a failure hot paths skip Redis (zero: never skip, try every time)
     */
    public RedisOutage(String what, Duration pause) {
        this.what = what;
        this.pauseNanos = pause.toNanos();
    }

    /** Whether Redis failed less than the pause ago. */
    public boolean skipping() {
        return System.nanoTime() < skipUntil;
    }

    /** Whether Redis has failed and no caller has recovered from it yet (writes meanwhile would only wait and fail). */
    public boolean down() {
        return down.get();
    }

    /** Redis failed just now. */
    public void failed(Throwable cause) {
        skipUntil = System.nanoTime() + pauseNanos;
        if (down.compareAndSet(false, true)) {
            LOG.warn(
                    "Redis unavailable for the {} ({}); the database answers until it is back",
                    what,
                    cause.getClass().getSimpleName());
        }
    }

    /** True for one caller after an outage: it must now increment its counter, so every node reads afresh. */
    public boolean recovering() {
        if (down.compareAndSet(true, false)) {
            LOG.info("Redis is back for the {}: its entries are read afresh from the database", what);
            return true;
        }
        return false;
    }
}
