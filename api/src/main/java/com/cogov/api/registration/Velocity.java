package com.cogov.api.registration;

import jakarta.inject.Singleton;
import org.redisson.api.RScript;
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
    private static final String EPOCH_KEY = "cogov:velocity:epoch";

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

    // Each a single round trip to Redis: the counter's sale pays for two (read before, record after), not seven.
    // KEYS[1] is the epoch counter; ARGV[1] the set's name within the epoch (buyer index and category).
    private static final String SET_KEY = "local key = 'cogov:velocity:' .. (redis.call('GET', KEYS[1]) or '0') .. ':' .. ARGV[1]\n";
    /** The set's key, then, when it is loaded, "loaded" and the member, score pairs of (ARGV[2], ARGV[3]]. */
    private static final String RANGE = SET_KEY + """
            if redis.call('EXISTS', key .. ':loaded') == 0 then return {key} end
            local r = redis.call('ZRANGEBYSCORE', key, '(' .. ARGV[2], ARGV[3], 'WITHSCORES')
            table.insert(r, 1, 'loaded')
            table.insert(r, 1, key)
            return r""";
    /** Adds the sale to a loaded set only: an unloaded one is read from the database when next needed. */
    private static final String RECORD = SET_KEY + """
            if redis.call('EXISTS', key .. ':loaded') == 1 then
              redis.call('ZADD', key, ARGV[2], ARGV[3])
              redis.call('PEXPIRE', key, ARGV[4])
            end
            return 0""";
    /** Takes a voided sale out of the set. */
    private static final String FORGET = SET_KEY + "return redis.call('ZREM', key, ARGV[2])";
    /** The buyer's sales as read from the database (score, member pairs after the lifetime), then the marker. */
    private static final String LOAD = """
            for i = 2, #ARGV, 2 do redis.call('ZADD', KEYS[1], ARGV[i], ARGV[i + 1]) end
            redis.call('PEXPIRE', KEYS[1], ARGV[1])
            redis.call('SET', KEYS[1] .. ':loaded', '1', 'PX', ARGV[1])
            return 0""";

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
            bumpEpochAfterOutage();
            script().eval(RScript.Mode.READ_WRITE, RECORD, RScript.ReturnType.LONG, List.<Object>of(EPOCH_KEY), name(buyerIndex, category),
                    Long.toString(purchase.soldAt().toEpochMilli()), purchase.member(), Long.toString(KEEP.toMillis()));
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    /** After a void committed: the sale no longer counts. */
    void voided(String buyerIndex, String category, Purchase purchase) {
        try {
            bumpEpochAfterOutage();
            script().eval(RScript.Mode.READ_WRITE, FORGET, RScript.ReturnType.LONG, List.<Object>of(EPOCH_KEY), name(buyerIndex, category),
                    purchase.member());
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    private List<Purchase> purchases(String buyerIndex, String category, Instant soldAt) {
        try {
            bumpEpochAfterOutage();
            // One round trip: the set's key in the current epoch, whether it is loaded, and if so the week before the sale.
            List<Object> cached = script().eval(RScript.Mode.READ_ONLY, RANGE, RScript.ReturnType.LIST, List.<Object>of(EPOCH_KEY),
                    name(buyerIndex, category), Long.toString(soldAt.minus(WEEK).toEpochMilli()), Long.toString(soldAt.toEpochMilli()));
            String key = (String) cached.get(0);
            if (cached.size() > 1) {
                List<Purchase> purchases = new ArrayList<>();
                for (int i = 2; i + 1 < cached.size(); i += 2) {
                    purchases.add(Purchase.parse((String) cached.get(i), Double.parseDouble((String) cached.get(i + 1))));
                }
                return purchases;
            }
            List<Purchase> fromDb = store.purchases(buyerIndex, category, Instant.now().minus(KEEP));
            List<Object> load = new ArrayList<>(List.of(Long.toString(KEEP.toMillis())));
            fromDb.forEach(p -> {
                load.add(Long.toString(p.soldAt().toEpochMilli()));
                load.add(p.member());
            });
            script().eval(RScript.Mode.READ_WRITE, LOAD, RScript.ReturnType.LONG, List.<Object>of(key), load.toArray());
            return fromDb.stream().filter(p -> p.soldAt().isAfter(soldAt.minus(WEEK))).toList();
        } catch (RuntimeException e) {
            failed(e);
            return store.purchases(buyerIndex, category, soldAt.minus(WEEK));
        }
    }

    private RScript script() {
        return redis.getScript(StringCodec.INSTANCE);
    }

    /** After an outage this node missed writes: every set of the old epoch may lack a sale, so start a new one. */
    private void bumpEpochAfterOutage() {
        if (missedWrites.compareAndSet(true, false)) {
            LOG.warn("Redis is back: rebuilding velocity counters from the database (new epoch)");
            redis.getAtomicLong(EPOCH_KEY).incrementAndGet();
        }
    }

    private void failed(RuntimeException e) {
        if (missedWrites.compareAndSet(false, true)) {
            LOG.warn("Velocity counters unavailable in Redis ({}); using the database", e.getClass().getSimpleName());
        }
    }

    private static String name(String buyerIndex, String category) {
        return buyerIndex + ":" + category;
    }
}
