package com.cogov.api.account;

import com.cogov.api.shared.LocalCopies;
import com.cogov.contracts.account.AccountView;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether an account may still act, checked on every authenticated request. Read through Redis so that a disable
 * on one node reaches every node; the database stays the truth, and is read directly whenever Redis is unreachable.
 * <p>
 * Statuses are kept under the status version ({@value #VERSION_KEY}, a counter that every change increments), in Redis
 * ({@code cogov:account:active:<version>:<account>}, filled from the database by the first node that needs one) and on
 * each node. A node asks Redis for the version at most every {@link #VERSION_CHECK}: a change reaches every node
 * within a second, and a counter's requests cost no Redis round trip in between (a clerk's sales are minutes apart,
 * so a copy kept for a second, as before, was almost never used). A change makes every status be read afresh from the
 * database, once; changes are rare. The version moves only after the change has committed, so whoever reads the
 * database under the new version reads the change.
 * <p>
 * While Redis does not answer, the database is read, its answers kept for a second only. A node that saw Redis fail
 * increments the version once Redis answers again: a change made meanwhile, on any node, could not be announced.
 * The check runs in a server filter, so it never waits on the Netty event loop for Redis or the database.
 */
@Singleton
class AccountStatusCache {

    private static final Logger LOG = LoggerFactory.getLogger(AccountStatusCache.class);
    static final String VERSION_KEY = "cogov:account:status-version";
    private static final Duration TTL = Duration.ofMinutes(10);
    /** How long a node goes on with the version it has read; with Redis's round trip, the bound on a change's delay. */
    static final Duration VERSION_CHECK = Duration.ofMillis(500);
    /** A status read from the database while Redis is down: no version will tell when it changes. */
    private static final Duration WITHOUT_VERSION = Duration.ofSeconds(1);
    private static final long UNKNOWN = -1;

    /** A status as read under a version ({@link #UNKNOWN} when read from the database with Redis down). */
    private record Known(boolean active, long version) {
    }

    private final LocalCopies<Long, Known> near = new LocalCopies<>(100_000);
    private final RedissonClient redis;
    private final AccountRepository accounts;
    private final ExecutorService blocking;
    private final AtomicBoolean sawOutage = new AtomicBoolean();
    private volatile long version = UNKNOWN;
    private volatile long versionReadAt = System.nanoTime() - VERSION_CHECK.toNanos();
    /** The one version read in flight, shared by the requests that arrive meanwhile. */
    private CompletableFuture<Long> versionRead;

    AccountStatusCache(RedissonClient redis, AccountRepository accounts, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.redis = redis;
        this.accounts = accounts;
        this.blocking = blocking;
    }

    /**
     * Answered at once from this node's copy while the version is fresh; otherwise after one Redis read of the
     * version (shared) and, for an account this node has not read under it, one of its entry. Neither holds the
     * calling thread. The database is read on the blocking pool, when Redis has no entry or does not answer.
     */
    CompletionStage<Boolean> isActive(long accountId) {
        if (System.nanoTime() - versionReadAt < VERSION_CHECK.toNanos()) {
            Known known = near.get(accountId);
            if (known != null && known.version() == version) {
                return CompletableFuture.completedFuture(known.active());
            }
            return lookUp(accountId, version);
        }
        return currentVersion().thenCompose(current -> {
            Known known = near.get(accountId);
            return known != null && known.version() == current ? CompletableFuture.completedFuture(known.active())
                    : lookUp(accountId, current);
        });
    }

    private CompletionStage<Boolean> lookUp(long accountId, long version) {
        if (version == UNKNOWN) {
            return fromDatabase(accountId).thenApply(active -> remember(accountId, active, UNKNOWN));
        }
        return inRedis(accountId, version).thenCompose(cached -> cached != null
                ? CompletableFuture.completedFuture("1".equals(cached))
                : fromDatabase(accountId).thenApply(active -> writeBack(accountId, active, version)))
                .thenApply(active -> remember(accountId, active, version));
    }

    private boolean remember(long accountId, boolean active, long version) {
        near.put(accountId, new Known(active, version), version == UNKNOWN ? WITHOUT_VERSION : TTL);
        return active;
    }

    /** The status version, read from Redis by one request at a time; {@link #UNKNOWN} when Redis does not answer. */
    private CompletionStage<Long> currentVersion() {
        CompletableFuture<Long> read;
        synchronized (this) {
            if (versionRead != null) {
                return versionRead;
            }
            read = versionRead = new CompletableFuture<>();
        }
        readVersion().whenComplete((value, failure) -> {
            long current = failure != null || value == null ? UNKNOWN : value;
            if (current == UNKNOWN && sawOutage.compareAndSet(false, true)) {
                LOG.warn("Redis unavailable: account statuses are read from the database");
            }
            if (current != version) {
                near.clear();
            }
            version = current;
            versionReadAt = System.nanoTime();
            synchronized (this) {
                versionRead = null;
            }
            read.complete(current);
        });
        return read;
    }

    /** After an outage, a new version: a change made meanwhile on any node could not be announced. */
    private CompletionStage<Long> readVersion() {
        try {
            if (sawOutage.get()) {
                return redis.getAtomicLong(VERSION_KEY).incrementAndGetAsync().thenApply(bumped -> {
                    sawOutage.set(false);
                    LOG.info("Redis is back: account statuses are read afresh (version {})", bumped);
                    return bumped;
                });
            }
            return redis.getAtomicLong(VERSION_KEY).getAsync();
        } catch (RuntimeException redisDown) {
            return CompletableFuture.failedFuture(redisDown);
        }
    }

    /** The status kept in Redis, or null when there is none or Redis does not answer (the database decides then). */
    private CompletionStage<String> inRedis(long accountId, long version) {
        try {
            return redis.<String>getBucket(key(accountId, version), StringCodec.INSTANCE).getAsync().exceptionally(redisDown -> null);
        } catch (RuntimeException redisDown) {
            return CompletableFuture.completedFuture(null);
        }
    }

    /** Kept in Redis for the other nodes, not awaited: the answer is already known, and Redis may be down. */
    private boolean writeBack(long accountId, boolean active, long version) {
        try {
            redis.<String>getBucket(key(accountId, version), StringCodec.INSTANCE).setAsync(active ? "1" : "0", TTL);
        } catch (RuntimeException redisDown) {
            // the next check reads the database again
        }
        return active;
    }

    /** After the change commits: a node that reads the database under the new version reads the change. */
    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    void onChange(AccountStatusChanged change) {
        long changed;
        try {
            changed = redis.getAtomicLong(VERSION_KEY).incrementAndGet();
            writeBack(change.accountId(), change.active(), changed);
        } catch (RuntimeException redisDown) {
            // Every node reads the database while Redis is down; this one announces the change when Redis is back.
            sawOutage.set(true);
            changed = UNKNOWN;
            LOG.error("Could not announce the status change of account {} in Redis; it is announced when Redis answers again",
                    change.accountId());
        }
        near.clear();
        version = changed;
        versionReadAt = System.nanoTime();
        remember(change.accountId(), change.active(), changed);
    }

    private CompletableFuture<Boolean> fromDatabase(long accountId) {
        return CompletableFuture.supplyAsync(() -> accounts.findStatusById(accountId).map(s -> s == AccountView.Status.ACTIVE)
                .orElse(false), blocking);
    }

    private static String key(long accountId, long version) {
        return "cogov:account:active:" + version + ":" + accountId;
    }

    record AccountStatusChanged(long accountId, boolean active) {
    }
}
