package com.cogov.api.notify;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * How the WeChat sender works the outbox. A failed send is retried after {@code firstRetry}, doubling up to
 * {@code maxRetry}, and given up after {@code maxAttempts} (the reason is kept on the row). A send claimed by a node
 * that then stopped answering is retried once {@code claimLease} has passed: longer than any send can take.
 *
 * @param miniprogramState which version of the mini program the message opens: {@code formal}, {@code trial} or
 *                         {@code developer}
 */
@ConfigurationProperties(NotifyConfiguration.PREFIX)
record NotifyConfiguration(
        @Bindable(defaultValue = "5s") Duration sendInterval,
        @Bindable(defaultValue = "50") int batchSize,
        @Bindable(defaultValue = "6") int maxAttempts,
        @Bindable(defaultValue = "30s") Duration firstRetry,
        @Bindable(defaultValue = "30m") Duration maxRetry,
        @Bindable(defaultValue = "2m") Duration claimLease,
        @Bindable(defaultValue = "formal") String miniprogramState) {

    static final String PREFIX = "cogov.notify";

    /** The wait before the next try, after {@code attempts} tries that failed. */
    Duration backoff(int attempts) {
        Duration wait = firstRetry;
        for (int i = 1; i < attempts && wait.compareTo(maxRetry) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
    }
}
