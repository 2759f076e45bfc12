package com.cogov.api.shared;

import java.time.Duration;

/**
 * After Redis failed, how long a caller goes straight to the database instead of waiting for Redis's timeout again:
 * the database stays the truth, and while Redis is down a hot path should not pay the timeout on every call. Each
 * user keeps its own (a cache's tight timeout says nothing about another feature's calls).
 */
public final class RedisBackoff {

    private final long pauseNanos;
    /** System.nanoTime() until which Redis is skipped. */
    private volatile long skipUntil = System.nanoTime();

    public RedisBackoff(Duration pause) {
        this.pauseNanos = pause.toNanos();
    }

    /** Whether Redis failed less than the pause ago. */
    public boolean skipping() {
        return System.nanoTime() < skipUntil;
    }

    /** Redis failed just now: skip it for the pause. */
    public void failed() {
        skipUntil = System.nanoTime() + pauseNanos;
    }
}
