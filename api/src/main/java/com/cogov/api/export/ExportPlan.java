package com.cogov.api.export;

import java.util.List;

/** One export, planned: what its header says and how its rows are read. */
public interface ExportPlan {

    /** The sheet's name and the file name's stem, in Chinese, e.g. {@code 上报登记}. */
    String title();

    /** The filter as a regulator reads it, for the header block and the audit trail, e.g. {@code 2026-12-01至…，武昌区}. */
    String filterDescription();

    /** The column headers, in Chinese. */
    List<String> columns();

    /** How many rows {@link #rows} will give, or -1 if unknown; read from an index or a rollup, never a table scan. */
    long estimatedRows();

    /**
     * Streams every row, in the list's order, already masked: values are {@code String}, {@code Number},
     * {@code java.time} types or null, one per column. Reads in keyset pages or one streaming cursor so memory stays
     * constant whatever the row count; stops as soon as the sink answers false (cancelled).
     */
    void rows(RowSink sink);

    /** Receives rows; answers false to stop. */
    @FunctionalInterface
    interface RowSink {
        boolean accept(List<?> row);
    }
}
