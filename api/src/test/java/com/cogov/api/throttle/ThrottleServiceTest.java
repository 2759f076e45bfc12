package com.cogov.api.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import com.cogov.infra.dev.DevServicesTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The one throttle, on the real Redis: blocking and asynchronous counts share a window's counter. */
@MicronautTest(startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThrottleServiceTest implements DevServicesTest {

    @Inject
    ThrottleService throttles;

    @Test
    void countsEachAttemptInTheWindowAndSaysWhenItEnds() throws Exception {
        String key = "test:" + UUID.randomUUID();
        Duration hour = Duration.ofHours(1);
        assertThat(throttles.hit(key, hour).count()).isEqualTo(1);
        assertThat(throttles.hitAsync(key, hour).toCompletableFuture().get().count())
                .isEqualTo(2);
        ThrottleService.Count third = throttles.hit(key, hour);
        assertThat(third.count()).isEqualTo(3);
        assertThat(third.retryAfter()).isPositive().isLessThanOrEqualTo(hour);
        assertThat(throttles.peek(key, hour).count()).isEqualTo(3);
        assertThat(throttles.peek("test:" + UUID.randomUUID(), hour).count()).isZero();
    }
}
