package com.cogov.api.account;

import com.cogov.api.throttle.ThrottleService;
import jakarta.inject.Singleton;

/**
 * Limits password sign-in attempts per source address in fixed windows, shared by all nodes (the throttle piece). If
 * Redis is down the limit is not applied (the per-account lockout in the database still is): failing closed here
 * would lock every regulator out during a Redis outage.
 */
@Singleton
class AddressThrottle {

    private final ThrottleService throttles;
    private final AccountConfiguration config;

    AddressThrottle(ThrottleService throttles, AccountConfiguration config) {
        this.throttles = throttles;
        this.config = config;
    }

    void check(String address) {
        ThrottleService.Count attempts = throttles.hit("signin:address:" + address, config.addressWindow());
        if (attempts.count() > config.maxAttemptsPerAddress()) {
            throw SignInThrottledException.tooManyFromAddress(attempts.retryAfter());
        }
    }
}
