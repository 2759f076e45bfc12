package com.cogov.api.catalog;

import com.cogov.api.shared.LocalCopies;
import com.cogov.api.shared.RedisOutage;
import com.cogov.contracts.catalog.DrugView;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.redisson.api.RFuture;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Code lookups served from Redis: the hot path of 6,400 counters, where a lookup through the database costs four
 * queries. Entries live under a catalog version ({@code cogov:catalog:version}, a counter): bumping it makes every
 * node miss at once and read the new catalog, with no key to find and delete. Old versions' entries expire by TTL.
 * <p>
 * Keys: {@code cogov:catalog:<version>:code:<barcode>} for commodity barcodes and
 * {@code cogov:catalog:<version>:pid:<product identifier>} for traceability codes, since each traceability code is
 * printed on one package only: keyed by the full code nearly every lookup would miss and the cache would fill with
 * codes never scanned again. A "not found" is cached too, briefly, so a flood of one unknown code stays off the database.
 * <p>
 * Each node also keeps its own copies of the answers under the version, and asks Redis for the version at most once
 * per {@link CatalogConfiguration#versionCheckInterval()}: a scan then costs no round trip, and another node's change
 * reaches this one within that interval (this node's own change at once).
 * <p>
 * The database stays the truth. When Redis fails or is slower than {@link CatalogConfiguration#redisTimeout()},
 * the lookup reads the database, and for {@link CatalogConfiguration#redisRetryAfter()} the following lookups go
 * there directly instead of each waiting for Redis again ({@link com.cogov.api.shared.RedisOutage}); after the outage
 * the version moves once, so no node serves an entry cached before a change it could not hear of.
 */
@Singleton
class DrugCache {

    static final String VERSION_KEY = "cogov:catalog:version";
    private static final Logger LOG = LoggerFactory.getLogger(DrugCache.class);
    private static final String NOT_FOUND = "-"; // no DrugView serialises to this
    private static final int NEAR_MAX_ENTRIES = 200_000;

    private final RedissonClient redis;
    private final JsonMapper json;
    private final CatalogConfiguration config;
    /** After an outage the version moves once: a catalog change made meanwhile could not be announced. */
    private final RedisOutage outage;
    /**
     * This node's copies of answers, keyed by catalog version and entry, so that a counter's scan costs no round
     * trip at all: the read path's ceiling is then the framework's, not the network's.
     */
    private final LocalCopies<String, Optional<DrugView>> near = new LocalCopies<>(NEAR_MAX_ENTRIES);

    private volatile long nearVersion = -1;
    private volatile long versionCheckedAt;

    DrugCache(RedissonClient redis, JsonMapper json, CatalogConfiguration config) {
        this.redis = redis;
        this.json = json;
        this.config = config;
        this.outage = new RedisOutage("catalog cache", config.redisRetryAfter());
    }

    Optional<DrugView> find(Barcode code, Function<Barcode, Optional<DrugView>> database) {
        if (outage.skipping()) {
            return database.apply(code);
        }
        String key;
        try {
            long version = version();
            Optional<DrugView> copy = near.get(version + ":" + entryName(code));
            if (copy != null) {
                return copy;
            }
            key = "cogov:catalog:" + version + ":" + entryName(code);
            String cached =
                    await(redis.<String>getBucket(key, StringCodec.INSTANCE).getAsync());
            if (NOT_FOUND.equals(cached)) {
                return remember(version, entryName(code), Optional.empty());
            }
            if (cached != null) {
                Optional<DrugView> drug = parse(cached);
                if (drug.isPresent()) {
                    return remember(version, entryName(code), drug);
                }
            }
        } catch (RedisUnavailable e) {
            unavailable(e.getCause());
            return database.apply(code);
        }
        Optional<DrugView> drug = database.apply(code);
        store(key, drug);
        return drug;
    }

    /**
     * A drug by id, as registrations and listings name their items: kept on this node only (ids are not scanned, so
     * there is no flood to share), under the same catalog version as the codes.
     */
    Optional<DrugView> findById(long id, java.util.function.LongFunction<Optional<DrugView>> database) {
        if (outage.skipping()) {
            return database.apply(id);
        }
        long version;
        try {
            version = version();
        } catch (RedisUnavailable e) {
            unavailable(e.getCause());
            return database.apply(id);
        }
        Optional<DrugView> copy = near.get(version + ":id:" + id);
        if (copy != null) {
            return copy;
        }
        Optional<DrugView> drug = database.apply(id);
        return drug.isPresent() ? remember(version, "id:" + id, drug) : drug;
    }

    /**
     * The catalog version, read from Redis at most once per {@link CatalogConfiguration#versionCheckInterval()}:
     * that bounds how long another node's change takes to reach this one. A new version drops this node's copies.
     */
    private long version() {
        if (outage.recovering()) {
            bumpVersion(); // a second node's bump at the same time only costs one more miss
        }
        long now = System.nanoTime();
        long known = nearVersion;
        if (known >= 0 && now - versionCheckedAt < config.versionCheckInterval().toNanos()) {
            return known;
        }
        long version = await(redis.getAtomicLong(VERSION_KEY).getAsync());
        if (version != known) {
            near.clear();
            nearVersion = version;
        }
        versionCheckedAt = now;
        return version;
    }

    /** This node reads the version afresh at its next lookup, and its copies of older versions are gone. */
    private void dropNearCopies() {
        nearVersion = -1;
        near.clear();
    }

    private Optional<DrugView> remember(long version, String entry, Optional<DrugView> drug) {
        return near.put(version + ":" + entry, drug, drug.isPresent() ? config.cacheTtl() : config.notFoundTtl());
    }

    /** Every node misses from now on and reads the catalog afresh. */
    void invalidateAll() {
        try {
            bumpVersion();
        } catch (RedisUnavailable e) {
            outage.failed(e.getCause());
            dropNearCopies(); // this node, at least, reads the database until Redis is back
            // Other nodes read the database while Redis is down; once it is back they would serve entries cached
            // before this change until this node (if it is still running) bumps the version on its next lookup.
            LOG.error(
                    "Redis unavailable: the catalog change is announced when it is back; if this node stops first, "
                            + "run INCR {} in Redis ({})",
                    VERSION_KEY,
                    e.getCause().toString());
        }
    }

    private void bumpVersion() {
        long version = await(redis.getAtomicLong(VERSION_KEY).incrementAndGetAsync());
        dropNearCopies();
        LOG.info("Catalog changed: lookups now use catalog version {}", version);
    }

    /** Awaited (misses are rare): the next lookup, on any node, then finds what this one read. */
    private void store(String key, Optional<DrugView> drug) {
        try {
            String value = drug.isPresent() ? json.writeValueAsString(drug.get()) : NOT_FOUND;
            Duration ttl = drug.isPresent() ? config.cacheTtl() : config.notFoundTtl();
            await(redis.<String>getBucket(key, StringCodec.INSTANCE)
                    .setAsync(value, ttl.toMillis(), TimeUnit.MILLISECONDS));
        } catch (RedisUnavailable e) {
            unavailable(e.getCause()); // the answer is ready all the same; the next lookup reads the database too
        } catch (IOException e) {
            LOG.error("A drug could not be written as JSON for the cache; lookups of it read the database", e);
        }
    }

    private Optional<DrugView> parse(String cached) {
        try {
            return Optional.ofNullable(json.readValue(cached, DrugView.class));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // written by another release: read the database and overwrite it
        }
    }

    private <T> T await(RFuture<T> future) {
        try {
            return future.toCompletableFuture().get(config.redisTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RedisUnavailable(e);
        } catch (ExecutionException e) {
            throw new RedisUnavailable(e.getCause());
        } catch (TimeoutException | RuntimeException e) {
            throw new RedisUnavailable(e);
        }
    }

    private void unavailable(Throwable cause) {
        outage.failed(cause);
    }

    private static String entryName(Barcode code) {
        return code.kind() == Barcode.Kind.TRACEABILITY_CODE
                ? "pid:" + code.productIdentifier()
                : "code:" + code.value();
    }

    /** Redis failed, timed out or answered nonsense: the caller falls back to the database. */
    private static final class RedisUnavailable extends RuntimeException {
        RedisUnavailable(Throwable cause) {
            super(null, cause, false, false); // expected when Redis is down: no stack trace to fill
        }
    }
}
