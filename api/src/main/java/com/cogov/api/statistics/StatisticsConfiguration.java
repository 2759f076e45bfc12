package com.cogov.api.statistics;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * The rollup job's pace.
 *
 * @param rollupInterval   how far the statistics may lag the counter: the pause between two runs of the job
 * @param batchSize        sales (or alerts, or voids) counted in one transaction
 * @param transactionGrace longer than any registration transaction can take (lock waits included): a gap in the ids
 *                         that stays open this long after the row above it was seen is a rollback, not a sale still
 *                         being written, and the cursor moves past it
 */
@ConfigurationProperties(StatisticsConfiguration.PREFIX)
public record StatisticsConfiguration(
        @Bindable(defaultValue = "2s") Duration rollupInterval,
        @Bindable(defaultValue = "500") int batchSize,
        @Bindable(defaultValue = "2m") Duration transactionGrace) {

    public static final String PREFIX = "cogov.statistics";
}
