package com.cogov.api.pharmacy;

import com.cogov.api.shared.WriteOutcome;
import io.micronaut.core.annotation.Nullable;

/**
 * What {@link PharmacyService#upsertByLicense} did with one row: written ({@link #outcome}), or refused with the
 * field and a Chinese sentence a regulator can act on. A refusal is a value, not an exception, so that one refused row
 * leaves the other rows of its chunk's transaction standing.
 */
public record PharmacyUpsert(
        @Nullable WriteOutcome outcome,
        @Nullable String refusedField,
        @Nullable String refusal) {

    static PharmacyUpsert written(WriteOutcome outcome) {
        return new PharmacyUpsert(outcome, null, null);
    }

    static PharmacyUpsert refused(String field, String refusal) {
        return new PharmacyUpsert(null, field, refusal);
    }

    public boolean accepted() {
        return outcome != null;
    }
}
