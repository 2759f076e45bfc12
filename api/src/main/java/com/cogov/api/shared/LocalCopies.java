package com.cogov.api.shared;

import io.micronaut.core.annotation.Nullable;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This node's copies of answers kept in Redis, each for a while, so that the hot paths of the counters cost no round
 * trip. Bounded: past {@code maxEntries} the copies are dropped and fill again from Redis.
 */
public final class LocalCopies<K, V> {

    private record Copy<V>(V value, long expiresAtNanos) {
    }

    private final ConcurrentHashMap<K, Copy<V>> copies = new ConcurrentHashMap<>();
    private final int maxEntries;

    public LocalCopies(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    /** The copy, or null when there is none or it has expired. */
    public @Nullable V get(K key) {
        Copy<V> copy = copies.get(key);
        return copy != null && System.nanoTime() < copy.expiresAtNanos() ? copy.value() : null;
    }

    public V put(K key, V value, Duration lifetime) {
        if (copies.size() >= maxEntries) {
            copies.clear();
        }
        copies.put(key, new Copy<>(value, System.nanoTime() + lifetime.toNanos()));
        return value;
    }

    public void clear() {
        copies.clear();
    }
}
