package com.cogov.api.imports;

import io.micronaut.core.annotation.Nullable;
import java.io.IOException;
import java.util.List;

/**
 * Reads an uploaded spreadsheet's rows in order, streaming (memory stays flat whatever the row count), each cell as
 * the text a person sees: numbers exactly as stored (a 13-digit barcode in a numeric cell is not {@code 6.97E+12}),
 * date-formatted numbers as {@code 2026-01-05}, formulas as their text (never evaluated). Rows with no text at all
 * are not passed on.
 */
interface SheetReader {

    /** The most characters a cell keeps (Excel's own limit); a longer cell makes its row refused. */
    int MAX_CELL = 32_767;

    /** The most columns read; cells past it are dropped, and make their row refused if not empty. */
    int MAX_COLUMNS = 200;

    /** Passes every non-empty row to the handler, until it answers false. */
    void read(RowHandler handler) throws IOException;

    @FunctionalInterface
    interface RowHandler {
        boolean row(RawRow row);
    }

    /**
     * A row as read.
     *
     * @param rowNumber as Excel shows it (1-based); a CSV's line count of records
     * @param problem   why the row cannot be taken whatever its content (a cell too long), or null
     */
    record RawRow(
            int rowNumber, List<String> cells, @Nullable String problem) {

        boolean blank() {
            for (String cell : cells) {
                if (cell != null && !ImportRow.normalise(cell).isEmpty()) {
                    return false;
                }
            }
            return true;
        }

        String cell(int index) {
            return index < cells.size() && cells.get(index) != null ? cells.get(index) : "";
        }
    }
}
