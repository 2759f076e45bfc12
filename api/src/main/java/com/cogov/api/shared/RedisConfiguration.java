package com.cogov.api.shared;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Where Redis is. Tokens, rate limits, counters and locks live there so that app nodes stay stateless.
 *
 * @param address  {@code redis://host:port} of a single server ({@code COGOV_REDIS_ADDRESS})
 * @param password optional ({@code COGOV_REDIS_PASSWORD})
 * @param timeout  how long one command may take before the caller falls back (the database stays the truth)
 */
@ConfigurationProperties(RedisConfiguration.PREFIX)
public record RedisConfiguration(
        @Bindable(defaultValue = "redis://127.0.0.1:6379") String address,
        @Nullable String password,
        @Bindable(defaultValue = "0") int database,
        @Bindable(defaultValue = "1s") Duration timeout,
        @Bindable(defaultValue = "16") int connectionPoolSize) {

    public static final String PREFIX = "cogov.redis";
}
