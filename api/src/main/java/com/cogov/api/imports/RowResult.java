package com.cogov.api.imports;

import com.cogov.api.shared.WriteOutcome;
import io.micronaut.core.annotation.Nullable;

/** What writing one valid row did: an outcome, or a refusal by the feature that owns the data (column and reason). */
record RowResult(
        @Nullable WriteOutcome outcome,
        @Nullable String column,
        @Nullable String reason) {

    static RowResult written(WriteOutcome outcome) {
        return new RowResult(outcome, null, null);
    }

    static RowResult refused(@Nullable String column, String reason) {
        return new RowResult(null, column, reason);
    }
}
