package com.cogov.api.export;

import io.micronaut.serde.annotation.Serdeable;

/**
 * What an export job keeps, to plan again when it runs (maybe on another node, after a restart).
 *
 * @param filterSealed the filter, sealed by {@link SealedFilter}
 */
@Serdeable
record ExportParams(String kind, String format, String filterSealed) {}
