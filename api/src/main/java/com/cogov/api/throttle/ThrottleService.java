package com.cogov.api.throttle;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.redisson.api.RAtomicLong;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The throttle piece: counts in fixed windows, shared by all nodes through Redis, for every per-address or per-object
 * limit (password sign-in per address, complaint filings and wrong query codes, the public endpoints). A window is
 * {@code now / length}; its counter expires a little after it ends, so nothing is ever cleaned up.
 * <p>
 * If Redis is down a count reads 0 and the limit is not applied: failing closed would lock the public, the
 * complainants and every regulator out during a Redis outage; each caller says what still protects it then.
 */
@Singleton
public class ThrottleService {

    private static final Logger LOG = LoggerFactory.getLogger(ThrottleService.class);

    /** What a counted attempt found: how many in the window so far (this one included), and when the window ends. */
    public record Count(long count, Duration retryAfter) {}

    private final RedissonClient redis;
    private final Clock clock;

    ThrottleService(RedissonClient redis, Clock clock) {
        this.redis = redis;
        this.clock = clock;
    }

    /** Counts one attempt under {@code key} in the current window of {@code length}. */
    public Count hit(String key, Duration length) {
        Window w = window(length);
        try {
            RAtomicLong counter = counter(key, w);
            long count = counter.incrementAndGet();
            if (count == 1) {
                counter.expire(length.plusSeconds(5));
            }
            return new Count(count, w.remaining);
        } catch (RuntimeException redisDown) {
            skipped(redisDown);
            return new Count(0, w.remaining);
        }
    }

    /** As {@link #hit}, without holding the caller's thread (an HTTP filter on the event loop). */
    public CompletionStage<Count> hitAsync(String key, Duration length) {
        Window w = window(length);
        try {
            RAtomicLong counter = counter(key, w);
            return counter.incrementAndGetAsync()
                    .thenCompose(count -> count == 1
                            ? counter.expireAsync(length.plusSeconds(5)).thenApply(set -> count)
                            : CompletableFuture.completedFuture(count))
                    .thenApply(count -> new Count(count, w.remaining))
                    .exceptionally(redisDown -> {
                        skipped(redisDown);
                        return new Count(0, w.remaining);
                    });
        } catch (RuntimeException redisDown) {
            skipped(redisDown);
            return CompletableFuture.completedFuture(new Count(0, w.remaining));
        }
    }

    /** The attempts counted under {@code key} in the current window, without counting one. */
    public Count peek(String key, Duration length) {
        Window w = window(length);
        try {
            return new Count(counter(key, w).get(), w.remaining);
        } catch (RuntimeException redisDown) {
            skipped(redisDown);
            return new Count(0, w.remaining);
        }
    }

    private record Window(long index, Duration remaining) {}

    private Window window(Duration length) {
        long seconds = Math.max(1, length.toSeconds());
        long now = clock.instant().getEpochSecond();
        long index = now / seconds;
        return new Window(index, Duration.ofSeconds((index + 1) * seconds - now));
    }

    private RAtomicLong counter(String key, Window w) {
        return redis.getAtomicLong("cogov:throttle:" + key + ":" + w.index);
    }

    private static void skipped(Throwable redisDown) {
        LOG.warn(
                "Throttle skipped: Redis unavailable ({})", redisDown.getClass().getSimpleName());
    }
}
