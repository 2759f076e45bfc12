package com.cogov.api.catalog;

/** What an upsert by natural key did ({@link DrugEditing#upsert}): what an import counts per row. */
public enum WriteOutcome {
    /** No drug had the natural key: one was added. */
    INSERTED,
    /** The drug existed and a field or a new barcode changed it. */
    UPDATED,
    /** The drug existed with these very fields and barcodes: nothing was written. */
    UNCHANGED
}
