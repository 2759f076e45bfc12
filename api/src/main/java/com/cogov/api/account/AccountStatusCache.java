package com.cogov.api.account;

import com.cogov.api.shared.LocalCopies;
import com.cogov.api.shared.RedisOutage;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a token may still act, checked on every authenticated request: its account must be active and its sign-in
 * ({@code sid}) not ended (signed out, revoked as a stolen refresh token, closed by a disable, reset or re-bind).
 * Read through Redis so that a change on one node reaches every node; the database stays the truth, and is read
 * directly whenever Redis is unreachable.
 * <p>
 * Answers are kept under the status version ({@value #VERSION_KEY}, a counter that every change increments), in Redis
 * ({@code cogov:access:<version>:<account>:<sid>}, filled from the database by the first node that needs one) and on
 * each node. A node asks Redis for the version at most every {@link #VERSION_CHECK}: a change reaches every node
 * within a second, and a counter's requests cost no Redis round trip in between (a clerk's sales are minutes apart).
 * A change makes every answer be read afresh from the database, once; changes (disables, sign-outs, revocations)
 * are rare next to requests. The version moves only after the change has committed, so whoever reads the database
 * under the new version reads the change.
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

    /** An answer as read under a version ({@link #UNKNOWN} when read from the database with Redis down). */
    private record Known(boolean active, long version) {}

    /** A token's account and sign-in. */
    private record Access(long accountId, String sessionId) {}

    private final LocalCopies<Access, Known> near = new LocalCopies<>(100_000);
    private final RedissonClient redis;
    private final AccountRepository accounts;
    private final ExecutorService blocking;
    /** Zero pause: the version is read at most twice a second anyway, and asynchronously. */
    private final RedisOutage outage = new RedisOutage("account statuses and sign-ins", Duration.ZERO);

    private volatile long version = UNKNOWN;
    private volatile long versionReadAt = System.nanoTime() - VERSION_CHECK.toNanos();
    /** The one version read in flight, shared by the requests that arrive meanwhile. */
    private CompletableFuture<Long> versionRead;

    AccountStatusCache(
            RedissonClient redis, AccountRepository accounts, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.redis = redis;
        this.accounts = accounts;
        this.blocking = blocking;
    }

    /**
     * Answered at once from this node's copy while the version is fresh; otherwise after one Redis read of the
     * version (shared) and, for an account this node has not read under it, one of its entry. Neither holds the
     * calling thread. The database is read on the blocking pool, when Redis has no entry or does not answer.
     */
    CompletionStage<Boolean> isActive(long accountId, String sessionId) {
        Access access = new Access(accountId, sessionId);
        if (System.nanoTime() - versionReadAt < VERSION_CHECK.toNanos()) {
            Known known = near.get(access);
            if (known != null && known.version() == version) {
                return CompletableFuture.completedFuture(known.active());
            }
            return lookUp(access, version);
        }
        return currentVersion().thenCompose(current -> {
            Known known = near.get(access);
            return known != null && known.version() == current
                    ? CompletableFuture.completedFuture(known.active())
                    : lookUp(access, current);
        });
    }

    private CompletionStage<Boolean> lookUp(Access access, long version) {
        if (version == UNKNOWN) {
            return fromDatabase(access).thenApply(active -> remember(access, active, UNKNOWN));
        }
        return inRedis(access, version)
                .thenCompose(cached -> cached != null
                        ? CompletableFuture.completedFuture("1".equals(cached))
                        : fromDatabase(access).thenApply(active -> writeBack(access, active, version)))
                .thenApply(active -> remember(access, active, version));
    }

    private boolean remember(Access access, boolean active, long version) {
        near.put(access, new Known(active, version), version == UNKNOWN ? WITHOUT_VERSION : TTL);
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
            if (failure != null) {
                outage.failed(failure);
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
            if (outage.recovering()) {
                return redis.getAtomicLong(VERSION_KEY).incrementAndGetAsync();
            }
            return redis.getAtomicLong(VERSION_KEY).getAsync();
        } catch (RuntimeException redisDown) {
            return CompletableFuture.failedFuture(redisDown);
        }
    }

    /** The status kept in Redis, or null when there is none or Redis does not answer (the database decides then). */
    private CompletionStage<String> inRedis(Access access, long version) {
        try {
            return redis.<String>getBucket(key(access, version), StringCodec.INSTANCE)
                    .getAsync()
                    .exceptionally(redisDown -> null);
        } catch (RuntimeException redisDown) {
            return CompletableFuture.completedFuture(null);
        }
    }

    /** Kept in Redis for the other nodes, not awaited: the answer is already known, and Redis may be down. */
    private boolean writeBack(Access access, boolean active, long version) {
        try {
            redis.<String>getBucket(key(access, version), StringCodec.INSTANCE).setAsync(active ? "1" : "0", TTL);
        } catch (RuntimeException redisDown) {
            // the next check reads the database again
        }
        return active;
    }

    /** After the change commits: a node that reads the database under the new version reads the change. */
    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    void onChange(AccessChanged change) {
        long changed;
        try {
            changed = redis.getAtomicLong(VERSION_KEY).incrementAndGet();
        } catch (RuntimeException redisDown) {
            // Every node reads the database while Redis is down; this one announces the change when Redis is back.
            outage.failed(redisDown);
            changed = UNKNOWN;
            LOG.error(
                    "Could not announce the access change of account {} in Redis; it is announced when Redis answers again",
                    change.accountId());
        }
        near.clear();
        version = changed;
        versionReadAt = System.nanoTime();
    }

    private CompletableFuture<Boolean> fromDatabase(Access access) {
        return CompletableFuture.supplyAsync(
                () -> accounts.countLiveAccess(access.accountId(), access.sessionId()) > 0, blocking);
    }

    private static String key(Access access, long version) {
        return "cogov:access:" + version + ":" + access.accountId() + ":" + access.sessionId();
    }

    /** An account's status or one of its sign-ins changed; published inside the change's transaction. */
    record AccessChanged(long accountId) {}
}
