package com.cogov.api.export;

import java.io.IOException;
import java.util.List;

/**
 * Writes one export file: the heading block, the column headers, then rows, in constant memory. Text that a
 * spreadsheet would run as a formula ({@code = + - @}, and tab or carriage return before them) is written as text.
 */
interface SheetWriter extends AutoCloseable {

    /**
     * The block above the data naming who exported what, and when.
     *
     * @param exportedAt already in the city's time, e.g. {@code 2026-12-03 14:05:09}
     */
    record Heading(String title, String exporter, String exportedAt, String filter) {

        List<String> lines() {
            return List.of(title, "导出人：" + exporter, "导出时间：" + exportedAt, "筛选条件：" + filter);
        }
    }

    void columns(List<String> names) throws IOException;

    /** One row of values as {@link ExportPlan#rows} gives them, already turned to text or numbers by {@link Cells}. */
    void row(List<?> values) throws IOException;

    /** Completes the file; after it, {@link #close()} only frees what is left. */
    void finish() throws IOException;

    @Override
    void close() throws IOException;
}
