package com.cogov.api.export;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;

/** One export, planned: what its header says and how its rows are read. Sources build theirs with {@link #of}. */
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

    /**
     * A plan from its parts.
     *
     * @param estimatedRows asked once, when the export starts; {@code () -> -1} when unknown
     * @param rows streams the rows into the sink, as {@link #rows} says
     */
    static ExportPlan of(
            String title,
            String filterDescription,
            List<String> columns,
            LongSupplier estimatedRows,
            Consumer<RowSink> rows) {
        return new Planned(title, filterDescription, List.copyOf(columns), estimatedRows, rows);
    }

    /** Receives rows; answers false to stop. */
    @FunctionalInterface
    interface RowSink {
        boolean accept(List<?> row);

        /** Each of a page's items as its row, in order; answers false, having stopped, once the sink says stop. */
        default <T> boolean acceptAll(List<T> page, Function<? super T, List<?>> row) {
            for (T item : page) {
                if (!accept(row.apply(item))) {
                    return false;
                }
            }
            return true;
        }
    }

    /** What {@link #of} builds. */
    record Planned(
            String title,
            String filterDescription,
            List<String> columns,
            LongSupplier estimate,
            Consumer<RowSink> reader)
            implements ExportPlan {

        @Override
        public long estimatedRows() {
            return estimate.getAsLong();
        }

        @Override
        public void rows(RowSink sink) {
            reader.accept(sink);
        }
    }
}
