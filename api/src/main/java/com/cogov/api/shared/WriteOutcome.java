package com.cogov.api.shared;

/**
 * What an upsert by natural key did (an import's row): the counts an import reports, and how it tells a re-import of
 * the same file ("nothing changed") from a first one.
 */
public enum WriteOutcome {
    INSERTED,
    UPDATED,
    UNCHANGED
}
