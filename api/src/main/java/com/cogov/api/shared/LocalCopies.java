package com.cogov.api.shared;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;

/**
 * This node's copies of answers kept in Redis, each for its own lifetime, so that the hot paths of the counters cost
 * no round trip. Bounded: past {@code maxEntries} the least useful copies are evicted one by one (Caffeine's
 * frequency-aware policy), so a flood of one-off keys (citizens signing in once) does not push out the clerks' entries.
 */
public final class LocalCopies<K, V> {

    private record Copy<V>(V value, long lifetimeNanos) {}

    private final Cache<K, Copy<V>> copies;

    public LocalCopies(long maxEntries) {
        this.copies = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .executor(Runnable::run) // evict on the caller's thread: no pool of its own, nothing left pending
                .expireAfter(new Expiry<K, Copy<V>>() {
                    @Override
                    public long expireAfterCreate(K key, Copy<V> copy, long currentTime) {
                        return copy.lifetimeNanos();
                    }

                    @Override
                    public long expireAfterUpdate(K key, Copy<V> copy, long currentTime, long currentDuration) {
                        return copy.lifetimeNanos();
                    }

                    @Override
                    public long expireAfterRead(K key, Copy<V> copy, long currentTime, long currentDuration) {
                        return currentDuration; // reading does not extend a copy's life
                    }
                })
                .build();
    }

    /** The copy, or null when there is none or it has expired. */
    public @Nullable V get(K key) {
        Copy<V> copy = copies.getIfPresent(key);
        return copy == null ? null : copy.value();
    }

    public V put(K key, V value, Duration lifetime) {
        copies.put(key, new Copy<>(value, lifetime.toNanos()));
        return value;
    }

    public void remove(K key) {
        copies.invalidate(key);
    }

    public void clear() {
        copies.invalidateAll();
    }
}
