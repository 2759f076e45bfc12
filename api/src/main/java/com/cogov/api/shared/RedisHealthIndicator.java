package com.cogov.api.shared;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import java.util.Map;
import org.reactivestreams.Publisher;
import org.redisson.api.RedissonClient;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Readiness: a node that cannot reach Redis should not take traffic from the load balancer. */
@Singleton
@Readiness
class RedisHealthIndicator implements HealthIndicator {

    private final RedissonClient redisson;

    RedisHealthIndicator(RedissonClient redisson) {
        this.redisson = redisson;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Mono.fromCallable(this::check).subscribeOn(Schedulers.boundedElastic());
    }

    private HealthResult check() {
        try {
            long started = System.nanoTime();
            redisson.getBucket("cogov:health").isExists();
            long millis = (System.nanoTime() - started) / 1_000_000;
            return HealthResult.builder("redis", HealthStatus.UP)
                    .details(Map.of("latencyMs", millis))
                    .build();
        } catch (RuntimeException e) {
            return HealthResult.builder("redis", HealthStatus.DOWN)
                    .details(Map.of("error", e.getClass().getSimpleName()))
                    .build();
        }
    }
}
