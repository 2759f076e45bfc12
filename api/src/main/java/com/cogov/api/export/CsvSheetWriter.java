package com.cogov.api.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * CSV as RFC 4180 has it (CRLF, a field quoted when it holds a comma, quote or line break, quotes doubled), in UTF-8
 * with a byte-order mark: without it Excel on a Chinese Windows reads the file as GBK and shows garbage.
 */
final class CsvSheetWriter implements SheetWriter {

    private final Writer out;

    CsvSheetWriter(Path file, Heading heading) throws IOException {
        this.out = new BufferedWriter(
                new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 64 * 1024);
        out.write('\uFEFF');
        for (String line : heading.lines()) {
            row(List.of(line));
        }
        out.write("\r\n");
    }

    @Override
    public void columns(List<String> names) throws IOException {
        row(names);
    }

    @Override
    public void row(List<?> values) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            Object v = values.get(i);
            if (v == null) {
                continue;
            }
            String text = v.toString();
            if (!(v instanceof Number) && Cells.looksLikeFormula(text)) {
                text = "'" + text; // shown as text; the quote tells a reader it was neutralised
            }
            out.write(quoted(text));
        }
        out.write("\r\n");
    }

    private static String quoted(String text) {
        boolean quote =
                text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    @Override
    public void finish() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
