package com.cogov.api.registration;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Time limits of registration, and how accepted sales are written.
 *
 * @param voidWindow    how long the same pharmacy may void a registration (policy)
 * @param maxBackdating how old a sale queued offline may be when it arrives
 * @param maxClockAhead how far the phone's clock may run ahead of ours
 * @param commitWriters how many groups of sales are written at once ({@link GroupCommit})
 * @param commitGroupSize the most sales written in one transaction
 * @param redisRetryAfter after Redis failed, how long velocity is read from the database without trying Redis
 */
@ConfigurationProperties("cogov.registration")
record RegistrationConfiguration(
        @Bindable(defaultValue = "24h") Duration voidWindow,
        @Bindable(defaultValue = "72h") Duration maxBackdating,
        @Bindable(defaultValue = "5m") Duration maxClockAhead,
        @Bindable(defaultValue = "2") int commitWriters,
        @Bindable(defaultValue = "32") int commitGroupSize,
        @Bindable(defaultValue = "5s") Duration redisRetryAfter) {}
