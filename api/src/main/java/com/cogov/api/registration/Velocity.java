package com.cogov.api.registration;

import jakarta.inject.Singleton;
import org.redisson.api.RBucket;
import org.redisson.api.RScoredSortedSet;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What one buyer bought of one category, city-wide, before a sale: packages in the last 24 h and 7 d and distinct
 * pharmacies in 7 d. Redis holds each buyer's recent sales for speed; the database is the truth. A buyer's set in
 * Redis is trusted only once loaded from the database (a marker key says so), and only within the current epoch:
 * a node that failed to write Redis (an outage) bumps the epoch once Redis answers again, so every set that may
 * have missed a sale is rebuilt from the database. While Redis is down, the rule is evaluated from the database.
 */
@Singleton
class Velocity {

    private static final Logger LOG = LoggerFactory.getLogger(Velocity.class);
    private static final Duration WEEK = Duration.ofDays(7);
    private static final Duration KEEP = Duration.ofDays(8);

    record Window(int packages24h, int packages7d, int pharmacies7d) {
        static final Window EMPTY = new Window(0, 0, 0);
    }

    /** One earlier sale of a category to a buyer. */
    record Purchase(long registrationId, long pharmacyId, int packages, Instant soldAt) {
        String member() {
            return registrationId + ":" + pharmacyId + ":" + packages;
        }

        static Purchase parse(String member, double score) {
            String[] p = member.split(":");
            return new Purchase(Long.parseLong(p[0]), Long.parseLong(p[1]), Integer.parseInt(p[2]), Instant.ofEpochMilli((long) score));
        }
    }

    private final RedissonClient redis;
    private final RegistrationStore store;
    private final AtomicBoolean missedWrites = new AtomicBoolean();

    Velocity(RedissonClient redis, RegistrationStore store) {
        this.redis = redis;
        this.store = store;
    }

    /** The window ending at {@code soldAt}, counting the current pharmacy as one of the pharmacies. */
    Window before(String buyerIndex, String category, Instant soldAt, long currentPharmacy) {
        List<Purchase> purchases = purchases(buyerIndex, category, soldAt);
        int day = 0;
        int week = 0;
        Set<Long> pharmacies = new HashSet<>();
        pharmacies.add(currentPharmacy);
        for (Purchase p : purchases) {
            if (p.soldAt().isAfter(soldAt.minus(WEEK)) && !p.soldAt().isAfter(soldAt)) {
                week += p.packages();
                pharmacies.add(p.pharmacyId());
                if (p.soldAt().isAfter(soldAt.minus(Duration.ofDays(1)))) {
                    day += p.packages();
                }
            }
        }
        return new Window(day, week, pharmacies.size());
    }

    /** After the sale committed: add it to a loaded set (an unloaded one will be read from the database anyway). */
    void recorded(String buyerIndex, String category, Purchase purchase) {
        try {
            String key = key(epoch(), buyerIndex, category);
            if (redis.getBucket(key + ":loaded", StringCodec.INSTANCE).isExists()) {
                RScoredSortedSet<String> set = redis.getScoredSortedSet(key, StringCodec.INSTANCE);
                set.add(purchase.soldAt().toEpochMilli(), purchase.member());
                set.expire(KEEP);
            }
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    /** After a void committed: the sale no longer counts. */
    void voided(String buyerIndex, String category, Purchase purchase) {
        try {
            redis.getScoredSortedSet(key(epoch(), buyerIndex, category), StringCodec.INSTANCE).remove(purchase.member());
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    private List<Purchase> purchases(String buyerIndex, String category, Instant soldAt) {
        try {
            long epoch = epoch();
            String key = key(epoch, buyerIndex, category);
            RBucket<String> loaded = redis.getBucket(key + ":loaded", StringCodec.INSTANCE);
            RScoredSortedSet<String> set = redis.getScoredSortedSet(key, StringCodec.INSTANCE);
            if (loaded.isExists()) {
                List<Purchase> cached = new ArrayList<>();
                set.entryRange(soldAt.minus(WEEK).toEpochMilli(), false, soldAt.toEpochMilli(), true)
                        .forEach(e -> cached.add(Purchase.parse(e.getValue(), e.getScore())));
                return cached;
            }
            List<Purchase> fromDb = store.purchases(buyerIndex, category, Instant.now().minus(KEEP));
            fromDb.forEach(p -> set.add(p.soldAt().toEpochMilli(), p.member()));
            set.expire(KEEP);
            loaded.set("1", KEEP);
            return fromDb.stream().filter(p -> p.soldAt().isAfter(soldAt.minus(WEEK))).toList();
        } catch (RuntimeException e) {
            failed(e);
            return store.purchases(buyerIndex, category, soldAt.minus(WEEK));
        }
    }

    private long epoch() {
        var epoch = redis.getAtomicLong("cogov:velocity:epoch");
        if (missedWrites.compareAndSet(true, false)) {
            LOG.warn("Redis is back: rebuilding velocity counters from the database (new epoch)");
            return epoch.incrementAndGet();
        }
        return epoch.get();
    }

    private void failed(RuntimeException e) {
        if (missedWrites.compareAndSet(false, true)) {
            LOG.warn("Velocity counters unavailable in Redis ({}); using the database", e.getClass().getSimpleName());
        }
    }

    private static String key(long epoch, String buyerIndex, String category) {
        return "cogov:velocity:" + epoch + ":" + buyerIndex + ":" + category;
    }
}
