package com.cogov.api.registration;

import com.cogov.api.shared.RedisOutage;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.redisson.api.RBatch;
import org.redisson.api.RScript;
import org.redisson.api.RScriptAsync;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * What one buyer bought of one category, city-wide, before a sale: packages in the last 24 h and 7 d and distinct
 * pharmacies in 7 d. Redis holds each buyer's recent sales for speed; the database is the truth. A buyer's set in
 * Redis is trusted only once loaded from the database (a marker key says so), and only within the current epoch:
 * a node that failed to write Redis (an outage) bumps the epoch once Redis answers again, so every set that may
 * have missed a sale is rebuilt from the database. While Redis is down, the rule is evaluated from the database.
 */
@Singleton
class Velocity {

    private static final Duration WEEK = Duration.ofDays(7);
    private static final Duration KEEP = Duration.ofDays(8);
    private static final String EPOCH_KEY = "cogov:velocity:epoch";

    /**
     * @param unloaded when the buyer's set was not in Redis: what the database held, for {@link #recorded} to load
     *                 together with the new sale in the same round trip
     */
    record Window(
            int packages24h,
            int packages7d,
            int pharmacies7d,
            @Nullable Snapshot unloaded) {
        static final Window EMPTY = new Window(0, 0, 0, null);
    }

    /** The buyer's sales of the category as read from the database, for the set's key at the time of reading. */
    record Snapshot(String key, List<Purchase> purchases) {}

    /** What a sale adds to one category's counts of its buyer, once it has an id: the packages, and the window before it. */
    record Counted(String buyerIndex, String category, Window before, long pharmacyId, int packages, Instant soldAt) {
        Purchase purchase(long registrationId) {
            return new Purchase(registrationId, pharmacyId, packages, soldAt);
        }
    }

    /** A committed sale's counts. */
    record Recorded(Counted counted, long registrationId) {}

    /** One earlier sale of a category to a buyer. */
    record Purchase(long registrationId, long pharmacyId, int packages, Instant soldAt) {
        String member() {
            return registrationId + ":" + pharmacyId + ":" + packages;
        }

        static Purchase parse(String member, double score) {
            String[] p = member.split(":");
            return new Purchase(
                    Long.parseLong(p[0]), Long.parseLong(p[1]), Integer.parseInt(p[2]), Instant.ofEpochMilli((long)
                            score));
        }
    }

    // A single round trip to Redis each: the counter's sale pays for the read before it, and shares the record after it
    // with the sales committed together; a buyer's first sale in the window reads the database in between, and the
    // record loads what it read.
    // KEYS[1] is the epoch counter; ARGV[1] the set's name within the epoch (buyer index and category).
    private static final String SET_KEY =
            "local key = 'cogov:velocity:' .. (redis.call('GET', KEYS[1]) or '0') .. ':' .. ARGV[1]\n";
    /** The set's key, then, when it is loaded, "loaded" and the member, score pairs of (ARGV[2], ARGV[3]]. */
    private static final String RANGE = SET_KEY + """
            if redis.call('EXISTS', key .. ':loaded') == 0 then return {key} end
            local r = redis.call('ZRANGEBYSCORE', key, '(' .. ARGV[2], ARGV[3], 'WITHSCORES')
            table.insert(r, 1, 'loaded')
            table.insert(r, 1, key)
            return r""";
    /**
     * Adds the sale to a loaded set. An unloaded one is loaded with the sales read from the database before this one
     * (score, member pairs from ARGV[6]) and this sale, if they were read for the set's current key (ARGV[5]): a sale
     * committed by another counter meanwhile is in what that counter records. Otherwise the set stays unloaded, to be
     * read from the database when next needed.
     */
    private static final String RECORD = SET_KEY + """
            if redis.call('EXISTS', key .. ':loaded') == 1 then
              redis.call('ZADD', key, ARGV[2], ARGV[3])
              redis.call('PEXPIRE', key, ARGV[4])
            elseif ARGV[5] == key then
              for i = 6, #ARGV, 2 do redis.call('ZADD', key, ARGV[i], ARGV[i + 1]) end
              redis.call('ZADD', key, ARGV[2], ARGV[3])
              redis.call('PEXPIRE', key, ARGV[4])
              redis.call('SET', key .. ':loaded', '1', 'PX', ARGV[4])
            end
            return 0""";
    /** Takes a voided sale out of the set. */
    private static final String FORGET = SET_KEY + "return redis.call('ZREM', key, ARGV[2])";

    private final RedissonClient redis;
    /**
     * After a failure a sale reads the database without waiting for Redis's timeout again (request threads are few);
     * after the outage the epoch moves once, since every set of the old one may lack a sale written meanwhile.
     */
    private final RedisOutage outage;

    Velocity(RedissonClient redis, RegistrationConfiguration config) {
        this.redis = redis;
        this.outage = new RedisOutage("velocity counters", config.redisRetryAfter());
    }

    /**
     * What Redis holds of a buyer's categories before a sale: the purchases of each loaded set, and the categories
     * the database must answer for ({@code missing}), with the set's key where it is to be loaded from that answer
     * (none while Redis is unavailable).
     */
    record Cached(Map<String, List<Purchase>> loaded, Set<String> missing, Map<String, String> unloadedKeys) {

        /**
         * The windows ending at {@code soldAt}, counting the current pharmacy as one of the pharmacies, from Redis or,
         * for the missing categories, from what the database answered.
         */
        Map<String, Window> windows(Map<String, List<Purchase>> fromDatabase, Instant soldAt, long currentPharmacy) {
            Map<String, Window> windows = new HashMap<>();
            loaded.forEach(
                    (category, purchases) -> windows.put(category, window(purchases, soldAt, currentPharmacy, null)));
            for (String category : missing) {
                List<Purchase> purchases = fromDatabase.getOrDefault(category, List.of());
                String key = unloadedKeys.get(category);
                windows.put(
                        category,
                        window(purchases, soldAt, currentPharmacy, key == null ? null : new Snapshot(key, purchases)));
            }
            return windows;
        }
    }

    /**
     * Redis's part of the window before a sale, one round trip per category. The database's part for the missing
     * categories is read by the caller together with its other reads ({@link PurchaseHistory#earlier}), from
     * {@link #readSince}, and both are put together by {@link Cached#windows}.
     */
    Cached cached(String buyerIndex, Collection<String> categories, Instant soldAt) {
        Map<String, List<Purchase>> loaded = new HashMap<>();
        Map<String, String> unloadedKeys = new HashMap<>();
        Set<String> missing = new HashSet<>(categories);
        if (outage.skipping()) {
            return new Cached(loaded, missing, unloadedKeys);
        }
        try {
            bumpEpochAfterOutage();
            for (String category : categories) {
                // The set's key in the current epoch, whether it is loaded, and if so the week before the sale.
                List<Object> cached = script().eval(
                                RScript.Mode.READ_ONLY,
                                RANGE,
                                RScript.ReturnType.LIST,
                                List.<Object>of(EPOCH_KEY),
                                name(buyerIndex, category),
                                Long.toString(soldAt.minus(WEEK).toEpochMilli()),
                                Long.toString(soldAt.toEpochMilli()));
                if (cached.size() > 1) {
                    List<Purchase> purchases = new ArrayList<>();
                    for (int i = 2; i + 1 < cached.size(); i += 2) {
                        purchases.add(
                                Purchase.parse((String) cached.get(i), Double.parseDouble((String) cached.get(i + 1))));
                    }
                    loaded.put(category, purchases);
                    missing.remove(category);
                } else {
                    unloadedKeys.put(category, (String) cached.get(0));
                }
            }
        } catch (RuntimeException e) {
            failed(e);
            unloadedKeys.clear(); // nothing is loaded into Redis from this sale's read
        }
        return new Cached(loaded, missing, unloadedKeys);
    }

    /**
     * Since when the database's purchases are read: the week before the sale, and all that a loaded set keeps
     * (a set loaded now serves the sales of the next days too).
     */
    static Instant readSince(Instant soldAt, Instant now) {
        Instant week = soldAt.minus(WEEK);
        Instant kept = now.minus(KEEP);
        return week.isBefore(kept) ? week : kept;
    }

    private static Window window(
            List<Purchase> purchases, Instant soldAt, long currentPharmacy, @Nullable Snapshot unloaded) {
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
        return new Window(day, week, pharmacies.size(), unloaded);
    }

    /**
     * After the sales committed: add each to its buyer's set, loading the set if {@code before} read it from the
     * database. One round trip for them all (a commit group's sales are recorded together).
     */
    void recorded(List<Recorded> sales) {
        // After a failed write every set of this epoch is dropped once Redis answers again: writing now would only hold
        // up the commit writer (and every group behind it) for the Redis timeout.
        if (sales.isEmpty() || outage.down()) {
            return;
        }
        try {
            RBatch batch = redis.createBatch();
            RScriptAsync script = batch.getScript(StringCodec.INSTANCE);
            for (Recorded sale : sales) {
                Counted c = sale.counted();
                Snapshot unloaded = c.before().unloaded();
                Purchase purchase = c.purchase(sale.registrationId());
                List<Object> args = new ArrayList<>(List.of(
                        name(c.buyerIndex(), c.category()),
                        Long.toString(purchase.soldAt().toEpochMilli()),
                        purchase.member(),
                        Long.toString(KEEP.toMillis()),
                        unloaded == null ? "" : unloaded.key()));
                if (unloaded != null) {
                    unloaded.purchases().forEach(p -> {
                        args.add(Long.toString(p.soldAt().toEpochMilli()));
                        args.add(p.member());
                    });
                }
                script.evalAsync(
                        RScript.Mode.READ_WRITE,
                        RECORD,
                        RScript.ReturnType.LONG,
                        List.<Object>of(EPOCH_KEY),
                        args.toArray());
            }
            batch.execute();
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    /** After a void committed: the sale no longer counts. */
    void voided(String buyerIndex, String category, Purchase purchase) {
        try {
            bumpEpochAfterOutage();
            script().eval(
                            RScript.Mode.READ_WRITE,
                            FORGET,
                            RScript.ReturnType.LONG,
                            List.<Object>of(EPOCH_KEY),
                            name(buyerIndex, category),
                            purchase.member());
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    private RScript script() {
        return redis.getScript(StringCodec.INSTANCE);
    }

    /** After an outage this node missed writes: every set of the old epoch may lack a sale, so start a new one. */
    private void bumpEpochAfterOutage() {
        if (outage.recovering()) {
            redis.getAtomicLong(EPOCH_KEY).incrementAndGet();
        }
    }

    private void failed(RuntimeException e) {
        outage.failed(e);
    }

    private static String name(String buyerIndex, String category) {
        return buyerIndex + ":" + category;
    }
}
