package com.cogov.api.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV (RFC 4180: commas, double quotes, CR/LF or LF) in the charset {@link SpreadsheetFormat} found, read as a
 * stream. A cell past {@link #MAX_CELL} characters is cut there and its row refused, so a billion-character cell costs
 * 32,767 characters of memory and one refused row, and a file of a million empty lines is skipped line by line.
 * Row numbers are those Excel shows when it opens the file (one per record, empty lines counted).
 */
final class CsvSheetReader implements SheetReader {

    private final Path file;
    private final Charset charset;

    CsvSheetReader(Path file, Charset charset) {
        this.file = file;
        this.charset = charset;
    }

    @Override
    public void read(RowHandler handler) throws IOException {
        var decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (PushbackReader in = new PushbackReader(
                new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder), 1 << 16), 1)) {
            Record record = new Record();
            int c = in.read();
            if (c != '\uFEFF' && c != -1) {
                in.unread(c);
            }
            int rowNumber = 1;
            boolean quoted = false;
            while ((c = in.read()) != -1) {
                if (quoted) {
                    if (c == '"') {
                        int next = in.read();
                        if (next == '"') {
                            record.append('"');
                        } else {
                            quoted = false;
                            if (next != -1) {
                                in.unread(next);
                            }
                        }
                    } else {
                        record.append((char) c);
                    }
                } else if (c == '"' && record.cellEmpty()) {
                    quoted = true;
                } else if (c == ',') {
                    record.endCell();
                } else if (c == '\r' || c == '\n') {
                    if (c == '\r') {
                        int next = in.read();
                        if (next != '\n' && next != -1) {
                            in.unread(next);
                        }
                    }
                    if (!record.emit(rowNumber++, handler)) {
                        return;
                    }
                } else {
                    record.append((char) c);
                }
            }
            if (record.pending()) {
                record.emit(rowNumber, handler);
            }
        }
    }

    /** The record being read: its cells so far and the current cell, capped. */
    private static final class Record {
        private final List<String> cells = new ArrayList<>();
        private final StringBuilder cell = new StringBuilder();
        private String problem;
        private boolean touched;

        void append(char c) {
            touched = true;
            if (cell.length() < MAX_CELL) {
                cell.append(c);
            } else if (problem == null) {
                problem = "第" + (cells.size() + 1) + "列的内容超过" + MAX_CELL + "个字符";
            }
        }

        boolean cellEmpty() {
            return cell.length() == 0;
        }

        void endCell() {
            touched = true;
            if (cells.size() < MAX_COLUMNS) {
                cells.add(cell.toString());
            } else if (!cell.toString().isBlank() && problem == null) {
                problem = "第" + (cells.size() + 1) + "列超出了模板的列";
            }
            cell.setLength(0);
        }

        boolean pending() {
            return touched || cell.length() > 0;
        }

        boolean emit(int rowNumber, RowHandler handler) {
            endCell();
            RawRow row = new RawRow(rowNumber, List.copyOf(cells), problem);
            cells.clear();
            problem = null;
            touched = false;
            return row.blank() && row.problem() == null || handler.row(row);
        }
    }
}
