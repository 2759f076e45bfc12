package com.cogov.api.account;

import com.cogov.api.shared.LocalCopies;
import com.cogov.contracts.account.AccountView;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.redisson.api.RBucket;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;

/**
 * Whether an account may still act, checked on every authenticated request. Read through Redis so that a disable
 * on one node reaches every node; the database stays the truth, and is read directly whenever Redis is unreachable.
 * Each node keeps the answer for {@link #NEAR_TTL} (the node that made the change updates its copy at once), so a
 * disabled account is refused everywhere within a second, and a busy counter's requests cost no Redis round trip.
 * The check runs in the security filter on the Netty event loop, so it never waits there for Redis or the database.
 */
@Singleton
class AccountStatusCache {

    private static final Logger LOG = LoggerFactory.getLogger(AccountStatusCache.class);
    private static final Duration TTL = Duration.ofMinutes(10);
    static final Duration NEAR_TTL = Duration.ofSeconds(1);

    private final LocalCopies<Long, Boolean> near = new LocalCopies<>(100_000);

    private final RedissonClient redis;
    private final AccountRepository accounts;
    private final ExecutorService blocking;

    AccountStatusCache(RedissonClient redis, AccountRepository accounts, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.redis = redis;
        this.accounts = accounts;
        this.blocking = blocking;
    }

    /**
     * Answered at once from this node's copy; otherwise by one Redis read that does not hold the calling thread (the
     * Netty event loop, for the security filter). Only with Redis down is the database read, on the blocking pool.
     */
    CompletionStage<Boolean> isActive(long accountId) {
        Boolean known = near.get(accountId);
        if (known != null) {
            return CompletableFuture.completedFuture(known);
        }
        RBucket<String> bucket = redis.getBucket(key(accountId), StringCodec.INSTANCE);
        return inRedis(bucket).thenCompose(cached -> cached != null
                        ? CompletableFuture.completedFuture("1".equals(cached))
                        : fromDatabase(accountId).thenApply(active -> remember(bucket, active)))
                .thenApply(active -> near.put(accountId, active, NEAR_TTL));
    }

    /** Kept in Redis for the other nodes, not awaited: the answer is already known, and Redis may be down. */
    private static boolean remember(RBucket<String> bucket, boolean active) {
        try {
            bucket.setAsync(active ? "1" : "0", TTL);
        } catch (RuntimeException redisDown) {
            // the next check reads the database again
        }
        return active;
    }

    /** The status kept in Redis, or null when there is none or Redis does not answer (the database decides then). */
    private static CompletionStage<String> inRedis(RBucket<String> bucket) {
        try {
            return bucket.getAsync().exceptionally(redisDown -> null);
        } catch (RuntimeException redisDown) {
            return CompletableFuture.completedFuture(null);
        }
    }

    /** After the change commits: before, a concurrent request could re-cache the old status from the database. */
    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    void onChange(AccountStatusChanged change) {
        near.put(change.accountId(), change.active(), NEAR_TTL);
        try {
            redis.<String>getBucket(key(change.accountId()), StringCodec.INSTANCE).set(change.active() ? "1" : "0", TTL);
        } catch (RuntimeException redisDown) {
            // Redis is down, so every node reads the database now; the stale entry must not survive Redis's return.
            LOG.error("Could not update the status of account {} in Redis; remove key {} once Redis is back",
                    change.accountId(), key(change.accountId()));
        }
    }

    private CompletableFuture<Boolean> fromDatabase(long accountId) {
        return CompletableFuture.supplyAsync(() -> accounts.findStatusById(accountId).map(s -> s == AccountView.Status.ACTIVE)
                .orElse(false), blocking);
    }

    private static String key(long accountId) {
        return "cogov:account:active:" + accountId;
    }

    record AccountStatusChanged(long accountId, boolean active) {
    }
}
