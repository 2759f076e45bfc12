package com.cogov.api.imports;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The rejected rows of an import, as they were, under the file's own headers, with {@link HeaderRow#REASON} and
 * {@link HeaderRow#ORIGINAL_ROW} after them: the regulator fixes these rows and sends the workbook back as it is (the
 * two extra columns are ignored on import). Streamed (SXSSF), since every row of a large file may be refused. Every
 * value is text; text a spreadsheet would run as a formula is written quote-prefixed, so it is shown, never run.
 */
final class ErrorWorkbook implements AutoCloseable {

    private static final int WINDOW = 200;

    private final SXSSFWorkbook book = new SXSSFWorkbook(new XSSFWorkbook(), WINDOW, true);
    private final SXSSFSheet sheet;
    private final CellStyle text;
    private final CellStyle formulaText;
    private int next;

    ErrorWorkbook(List<String> headers) {
        this.sheet = book.createSheet("错误行");
        this.text = book.createCellStyle();
        text.setDataFormat(book.createDataFormat().getFormat("@"));
        this.formulaText = book.createCellStyle();
        formulaText.setDataFormat(book.createDataFormat().getFormat("@"));
        formulaText.setQuotePrefixed(true);
        Font bold = book.createFont();
        bold.setBold(true);
        CellStyle header = book.createCellStyle();
        header.setFont(bold);
        Row row = sheet.createRow(next++);
        for (int i = 0; i < headers.size(); i++) {
            row.createCell(i).setCellValue(headers.get(i));
            row.getCell(i).setCellStyle(header);
            sheet.setColumnWidth(i, 20 * 256);
        }
        var reason = row.createCell(headers.size());
        reason.setCellValue(HeaderRow.REASON);
        reason.setCellStyle(header);
        sheet.setColumnWidth(headers.size(), 60 * 256);
        var original = row.createCell(headers.size() + 1);
        original.setCellValue(HeaderRow.ORIGINAL_ROW);
        original.setCellStyle(header);
        sheet.createFreezePane(0, 1);
    }

    void row(RejectedRows.Rejected rejected) {
        Row row = sheet.createRow(next++);
        List<String> cells = rejected.cells();
        for (int i = 0; i < cells.size(); i++) {
            cell(row, i, cells.get(i));
        }
        cell(row, cells.size(), rejected.reason());
        cell(row, cells.size() + 1, Integer.toString(rejected.rowNumber()));
    }

    private void cell(Row row, int index, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        var cell = row.createCell(index);
        cell.setCellValue(value);
        cell.setCellStyle(looksLikeFormula(value) ? formulaText : text);
    }

    void writeTo(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            book.write(out);
        }
    }

    @Override
    public void close() throws IOException {
        sheet.flushRows();
        book.close();
    }

    /** What a spreadsheet would take for a formula (CSV/formula injection, OWASP). */
    static boolean looksLikeFormula(String text) {
        if (text.isEmpty()) {
            return false;
        }
        char c = text.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }
}
