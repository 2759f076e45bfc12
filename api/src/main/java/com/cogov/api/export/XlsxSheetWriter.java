package com.cogov.api.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFCell;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A streamed workbook (POI SXSSF): only the last {@value #WINDOW} rows are in memory, the rest go to a compressed
 * temporary file that {@link #close()} removes, so a million rows cost what a hundred do. The workbook's core
 * properties name the exporter as its creator, so the file says who took it out wherever it travels.
 */
final class XlsxSheetWriter implements SheetWriter {

    private static final int WINDOW = 200;

    private final Path file;
    private final SXSSFWorkbook workbook;
    private final SXSSFSheet sheet;
    private final CellStyle asText;
    private final CellStyle bold;
    private int next;

    XlsxSheetWriter(Path file, Heading heading) {
        this.file = file;
        this.workbook = new SXSSFWorkbook(new XSSFWorkbook(), WINDOW, true);
        var properties = workbook.getXSSFWorkbook().getProperties().getCoreProperties();
        properties.setCreator(heading.exporter());
        properties.setTitle(heading.title());
        properties.setDescription(heading.filter());
        this.sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(heading.title()));
        // Excel shows a quote-prefixed cell as the text it is and never evaluates it, even after an edit.
        this.asText = workbook.createCellStyle();
        asText.setQuotePrefixed(true);
        Font font = workbook.createFont();
        font.setBold(true);
        this.bold = workbook.createCellStyle();
        bold.setFont(font);
        for (String line : heading.lines()) {
            sheet.createRow(next++).createCell(0).setCellValue(line);
        }
        next++; // a blank row between the heading and the data
    }

    @Override
    public void columns(List<String> names) {
        Row row = sheet.createRow(next++);
        for (int i = 0; i < names.size(); i++) {
            var cell = row.createCell(i);
            cell.setCellValue(names.get(i));
            cell.setCellStyle(bold);
        }
        sheet.createFreezePane(0, next);
    }

    @Override
    public void row(List<?> values) {
        Row row = sheet.createRow(next++);
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            if (v == null) {
                continue;
            }
            SXSSFCell cell = (SXSSFCell) row.createCell(i);
            if (v instanceof Number n) {
                cell.setCellValue(n.doubleValue());
            } else {
                String text = v.toString();
                cell.setCellValue(text);
                if (Cells.looksLikeFormula(text)) {
                    cell.setCellStyle(asText);
                }
            }
        }
    }

    @Override
    public void finish() throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            workbook.write(out);
        }
    }

    @Override
    public void close() throws IOException {
        // A cancelled export is closed unwritten: its rows still in memory go to the temporary file first, or POI's
        // close trips over them and leaves that file behind.
        sheet.flushRows();
        workbook.close(); // also removes the temporary files (POI 5.4+)
    }
}
