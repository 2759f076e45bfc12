package com.cogov.api.account;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import org.redisson.api.RAtomicLong;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Limits password sign-in attempts per source address in fixed windows, shared by all nodes through Redis. If Redis
 * is down the limit is not applied (the per-account lockout in the database still is): failing closed here would
 * lock every regulator out during a Redis outage.
 */
@Singleton
class AddressThrottle {

    private static final Logger LOG = LoggerFactory.getLogger(AddressThrottle.class);

    private final RedissonClient redis;
    private final AccountConfiguration config;
    private final Clock clock;

    AddressThrottle(RedissonClient redis, AccountConfiguration config, Clock clock) {
        this.redis = redis;
        this.config = config;
        this.clock = clock;
    }

    void check(String address) {
        long windowSeconds = config.addressWindow().toSeconds();
        long now = clock.instant().getEpochSecond();
        long window = now / windowSeconds;
        try {
            RAtomicLong attempts = redis.getAtomicLong("cogov:signin:address:" + address + ":" + window);
            long count = attempts.incrementAndGet();
            if (count == 1) {
                attempts.expire(config.addressWindow().plusSeconds(5));
            }
            if (count > config.maxAttemptsPerAddress()) {
                throw SignInThrottledException.tooManyFromAddress(
                        Duration.ofSeconds((window + 1) * windowSeconds - now));
            }
        } catch (SignInThrottledException e) {
            throw e;
        } catch (RuntimeException redisDown) {
            LOG.warn(
                    "Address throttle skipped: Redis unavailable ({})",
                    redisDown.getClass().getSimpleName());
        }
    }
}
