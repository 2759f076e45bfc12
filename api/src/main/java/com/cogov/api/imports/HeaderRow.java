package com.cogov.api.imports;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a file's header row is and which column holds what. Rows above it are skipped: a merged title row, or the
 * heading block an export writes (so an export of the template's layout imports back). The header row is the first
 * of the first {@value #SEARCHED_ROWS} non-empty rows naming at least two of the template's columns; its names must
 * then be the template's (spaces, a trailing {@code *} and full-width letters forgiven), in any order. The error
 * workbook's own columns ({@link #REASON}, {@link #ORIGINAL_ROW}) are known and ignored, so it can be fixed and sent
 * back as it is.
 */
final class HeaderRow {

    static final int SEARCHED_ROWS = 30;
    static final String REASON = "错误原因";
    static final String ORIGINAL_ROW = "原行号";
    private static final Set<String> IGNORED = Set.of(REASON, ORIGINAL_ROW);

    private final int rowNumber;
    /** The template's column → its index in the file, in the file's order. */
    private final LinkedHashMap<String, Integer> positions;

    private HeaderRow(int rowNumber, LinkedHashMap<String, Integer> positions) {
        this.rowNumber = rowNumber;
        this.positions = positions;
    }

    int rowNumber() {
        return rowNumber;
    }

    /** The template's columns this file has, in the file's order: the error workbook's columns. */
    List<String> headers() {
        return List.copyOf(positions.keySet());
    }

    /** A data row by column, and its cells as they were, in {@link #headers()} order. */
    ImportRow row(SheetReader.RawRow raw) {
        Map<String, String> cells = new HashMap<>();
        positions.forEach((header, index) -> cells.put(header, raw.cell(index)));
        return new ImportRow(raw.rowNumber(), cells);
    }

    List<String> cellsAsRead(SheetReader.RawRow raw) {
        List<String> cells = new ArrayList<>(positions.size());
        positions.values().forEach(index -> cells.add(raw.cell(index)));
        return cells;
    }

    /**
     * Finds the header row at the top of the file.
     *
     * @throws ImportRequestException IMPORT_HEADERS_MISMATCH naming the missing and unknown columns
     */
    static HeaderRow find(SheetReader reader, List<ImportColumn> columns) throws IOException {
        HeaderRow[] found = {null};
        List<String>[] problems = new List[] {null, null};
        int[] seen = {0};
        reader.read(raw -> {
            if (seen[0]++ >= SEARCHED_ROWS) {
                return false;
            }
            Map<String, ImportColumn> known = byName(columns);
            int named = 0;
            for (String cell : raw.cells()) {
                if (known.containsKey(name(cell))) {
                    named++;
                }
            }
            if (named < 2) {
                return true;
            }
            LinkedHashMap<String, Integer> positions = new LinkedHashMap<>();
            List<String> unknown = new ArrayList<>();
            for (int i = 0; i < raw.cells().size(); i++) {
                String name = name(raw.cells().get(i));
                ImportColumn column = known.get(name);
                if (name.isEmpty() || IGNORED.contains(name)) {
                    continue;
                }
                if (column == null || positions.containsKey(column.header())) {
                    unknown.add(column == null ? ImportRow.clip(name) : name + "（重复）");
                } else {
                    positions.put(column.header(), i);
                }
            }
            List<String> missing = columns.stream()
                    .filter(ImportColumn::required)
                    .map(ImportColumn::header)
                    .filter(h -> !positions.containsKey(h))
                    .toList();
            found[0] = new HeaderRow(raw.rowNumber(), positions);
            problems[0] = missing;
            problems[1] = unknown;
            return false;
        });
        if (found[0] == null) {
            throw ImportRequestException.headers(
                    columns.stream()
                            .filter(ImportColumn::required)
                            .map(ImportColumn::header)
                            .toList(),
                    List.of());
        }
        if (!problems[0].isEmpty() || !problems[1].isEmpty()) {
            throw ImportRequestException.headers(problems[0], problems[1]);
        }
        return found[0];
    }

    private static Map<String, ImportColumn> byName(List<ImportColumn> columns) {
        Map<String, ImportColumn> byName = new HashMap<>();
        columns.forEach(c -> byName.put(name(c.header()), c));
        return byName;
    }

    /** A header as compared: normalised, without spaces, without a required-marking {@code *} around it. */
    static String name(String cell) {
        String name = ImportRow.normalise(cell).replace(" ", "").replace("(必填)", "");
        while (name.startsWith("*")) {
            name = name.substring(1);
        }
        while (name.endsWith("*")) {
            name = name.substring(0, name.length() - 1);
        }
        return name;
    }
}
