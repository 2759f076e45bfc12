package com.cogov.api.catalog;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * The lookup cache: in Redis, shared by the nodes, and a copy on each node.
 *
 * @param cacheTtl      how long a resolved code stays cached; {@code catalogChanged()} makes every entry stale at once,
 *                      so this only bounds memory for codes nobody scans any more
 * @param notFoundTtl   how long "no such drug" is remembered: long enough that a flood of one unknown code stays off
 *                      the database, short enough that a drug added without {@code catalogChanged()} shows up soon
 * @param redisTimeout  how long a lookup waits for Redis before it reads the database instead
 * @param redisRetryAfter after Redis failed, how long lookups go straight to the database before trying Redis again
 * @param versionCheckInterval how often a node asks Redis for the catalog version; between checks it answers from its
 *                      own copies, so another node's {@code catalogChanged()} reaches it within this interval
 */
@ConfigurationProperties("cogov.catalog")
record CatalogConfiguration(
        @Bindable(defaultValue = "1h") Duration cacheTtl,
        @Bindable(defaultValue = "60s") Duration notFoundTtl,
        @Bindable(defaultValue = "150ms") Duration redisTimeout,
        @Bindable(defaultValue = "5s") Duration redisRetryAfter,
        @Bindable(defaultValue = "1s") Duration versionCheckInterval) {}
