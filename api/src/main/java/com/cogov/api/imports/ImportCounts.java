package com.cogov.api.imports;

import com.cogov.api.shared.WriteOutcome;
import io.micronaut.serde.annotation.Serdeable;

/**
 * How far an import got, as its checkpoint keeps it: the last row (as Excel numbers it) whose chunk committed, and the
 * counts up to there. A resumed run skips rows up to {@code lastRow} and counts on from here.
 */
@Serdeable
record ImportCounts(int lastRow, long inserted, long updated, long unchanged, long rejected) {

    static ImportCounts start() {
        return new ImportCounts(0, 0, 0, 0, 0);
    }

    long accepted() {
        return inserted + updated + unchanged;
    }

    long read() {
        return accepted() + rejected;
    }

    ImportCounts plus(WriteOutcome outcome) {
        return switch (outcome) {
            case INSERTED -> new ImportCounts(lastRow, inserted + 1, updated, unchanged, rejected);
            case UPDATED -> new ImportCounts(lastRow, inserted, updated + 1, unchanged, rejected);
            case UNCHANGED -> new ImportCounts(lastRow, inserted, updated, unchanged + 1, rejected);
        };
    }

    ImportCounts plusRejected() {
        return new ImportCounts(lastRow, inserted, updated, unchanged, rejected + 1);
    }

    ImportCounts upTo(int row) {
        return new ImportCounts(row, inserted, updated, unchanged, rejected);
    }
}
