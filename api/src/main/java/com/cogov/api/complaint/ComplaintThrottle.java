package com.cogov.api.complaint;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import org.redisson.api.RAtomicLong;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-address and per-case limits in fixed windows, shared by all nodes through Redis, as the sign-in limit is
 * (account AddressThrottle). If Redis is down the limits are not applied: the public could not file at all otherwise,
 * and a query code of 50 random bits is not guessed in the minutes of an outage.
 */
@Singleton
class ComplaintThrottle {

    private static final Logger LOG = LoggerFactory.getLogger(ComplaintThrottle.class);

    private final RedissonClient redis;
    private final ComplaintConfiguration config;
    private final Clock clock;

    ComplaintThrottle(RedissonClient redis, ComplaintConfiguration config, Clock clock) {
        this.redis = redis;
        this.config = config;
        this.clock = clock;
    }

    /** Counts a web filing from the address; refuses it past the limit. */
    void filing(String address) {
        Window w = window(config.filingWindow());
        long count = increment("cogov:complaint:filing:" + address + ":" + w.index, config.filingWindow());
        if (count > config.filingsPerAddress()) {
            throw ComplaintThrottledException.filings(w.remaining);
        }
    }

    /** Counts a web upload from the address: as many as the filings allowed could use. */
    void upload(String address) {
        Window w = window(config.filingWindow());
        long count = increment("cogov:complaint:upload:" + address + ":" + w.index, config.filingWindow());
        if (count > (long) config.filingsPerAddress() * config.attachmentsPerCase()) {
            throw ComplaintThrottledException.filings(w.remaining);
        }
    }

    /** Refuses a lookup when the address or the case has had too many wrong codes in this window. */
    void beforeLookup(String address, String trackingNumber) {
        Window w = window(config.lookupWindow());
        if (read(addressKey(address, w)) >= config.lookupsPerAddress()
                || read(caseKey(trackingNumber, w)) >= config.lookupsPerCase()) {
            throw ComplaintThrottledException.lookups(w.remaining);
        }
    }

    /** Counts a wrong code (or an unknown number) against the address and the number. */
    void wrongCode(String address, String trackingNumber) {
        Window w = window(config.lookupWindow());
        increment(addressKey(address, w), config.lookupWindow());
        increment(caseKey(trackingNumber, w), config.lookupWindow());
    }

    private static String addressKey(String address, Window w) {
        return "cogov:complaint:lookup:address:" + address + ":" + w.index;
    }

    private static String caseKey(String trackingNumber, Window w) {
        return "cogov:complaint:lookup:case:" + trackingNumber + ":" + w.index;
    }

    private record Window(long index, Duration remaining) {}

    private Window window(Duration length) {
        long seconds = length.toSeconds();
        long now = clock.instant().getEpochSecond();
        long index = now / seconds;
        return new Window(index, Duration.ofSeconds((index + 1) * seconds - now));
    }

    private long increment(String key, Duration window) {
        try {
            RAtomicLong counter = redis.getAtomicLong(key);
            long count = counter.incrementAndGet();
            if (count == 1) {
                counter.expire(window.plusSeconds(5));
            }
            return count;
        } catch (RuntimeException redisDown) {
            LOG.warn(
                    "Complaint limit skipped: Redis unavailable ({})",
                    redisDown.getClass().getSimpleName());
            return 0;
        }
    }

    private long read(String key) {
        try {
            return redis.getAtomicLong(key).get();
        } catch (RuntimeException redisDown) {
            LOG.warn(
                    "Complaint limit skipped: Redis unavailable ({})",
                    redisDown.getClass().getSimpleName());
            return 0;
        }
    }
}
