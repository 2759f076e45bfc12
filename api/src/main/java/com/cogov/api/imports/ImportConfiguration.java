package com.cogov.api.imports;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Limits of imports.
 *
 * @param maxBytes  the largest upload (413 past it)
 * @param maxRows   the most data rows one file may hold; a file with more fails before anything is written
 * @param chunkRows rows written per transaction, each chunk with its checkpoint: what a restart repeats at most
 * @param retention how long the upload and the error workbook are kept
 */
@ConfigurationProperties("cogov.imports")
record ImportConfiguration(
        @Bindable(defaultValue = "20971520") long maxBytes,
        @Bindable(defaultValue = "200000") long maxRows,
        @Bindable(defaultValue = "500") int chunkRows,
        @Bindable(defaultValue = "7d") Duration retention) {}
