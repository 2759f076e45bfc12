package com.cogov.api.alert;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * The pattern detection's policy numbers (local policy, not law: a bureau tunes them) and how it runs. Configured
 * under {@code cogov.alerts}.
 *
 * @param detectEvery          how often the buyer patterns read the new registrations
 * @param surgeEvery           how often today's pharmacy surges are checked (each check reads 29 days of the rollup)
 * @param manyDistricts        MANY_DISTRICTS: this many districts or more ...
 * @param manyDistrictsWithin  ... within this long, for one buyer
 * @param splitPurchases       SPLIT_PURCHASES: this many sales at the per-sale maximum or more ...
 * @param splitPurchasesWithin ... within this long, for one buyer and category
 * @param surgeFactor          PHARMACY_SURGE: today's distinct buyers above this many times its own median and its
 *                             district's median pharmacy
 * @param surgeBaselineDays    the days before today its own median is taken over
 * @param surgeMinimumBuyers   below this many buyers a day is never a surge (a quiet pharmacy's 0 to 2 is noise)
 * @param overlapIds           registration ids re-read below the checkpoint on every run: ids of a group commit can
 *                             become visible out of order, so a few may commit after a higher one was read
 * @param batchSize            registrations read per run at most (the next run goes on)
 * @param lease                the one-node lock's lease, longer than a run takes
 */
@ConfigurationProperties("cogov.alerts")
record AlertConfiguration(
        @Bindable(defaultValue = "1m") Duration detectEvery,
        @Bindable(defaultValue = "15m") Duration surgeEvery,
        @Bindable(defaultValue = "3") int manyDistricts,
        @Bindable(defaultValue = "7d") Duration manyDistrictsWithin,
        @Bindable(defaultValue = "3") int splitPurchases,
        @Bindable(defaultValue = "24h") Duration splitPurchasesWithin,
        @Bindable(defaultValue = "3") double surgeFactor,
        @Bindable(defaultValue = "28") int surgeBaselineDays,
        @Bindable(defaultValue = "5") int surgeMinimumBuyers,
        @Bindable(defaultValue = "2000") int overlapIds,
        @Bindable(defaultValue = "5000") int batchSize,
        @Bindable(defaultValue = "5m") Duration lease) {}
