package com.cogov.api.export;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Limits of exports.
 *
 * @param retention     how long a finished export can be downloaded (then its file is removed)
 * @param maxRows       the most rows one export writes; an xlsx sheet holds 1,048,576
 * @param progressEvery rows between progress reports (each also checks for a cancel)
 */
@ConfigurationProperties("cogov.exports")
record ExportConfiguration(
        @Bindable(defaultValue = "24h") Duration retention,
        @Bindable(defaultValue = "1000000") long maxRows,
        @Bindable(defaultValue = "5000") int progressEvery) {}
