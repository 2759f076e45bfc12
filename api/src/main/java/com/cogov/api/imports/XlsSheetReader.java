package com.cogov.api.imports;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * An old .xls (BIFF8), read through POI's user model: an .xls holds at most 65,536 rows and the upload at most
 * 20 MB, so the whole workbook in memory is bounded, unlike an .xlsx. Cells read as {@link XlsxSheetReader}'s do.
 */
final class XlsSheetReader implements SheetReader {

    private final Path file;

    XlsSheetReader(Path file) {
        this.file = file;
    }

    @Override
    public void read(RowHandler handler) throws IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true);
                HSSFWorkbook book = new HSSFWorkbook(fs.getRoot(), true)) {
            Sheet sheet = null;
            for (int i = 0; i < book.getNumberOfSheets() && sheet == null; i++) {
                if (!book.isSheetHidden(i) && !book.isSheetVeryHidden(i)) {
                    sheet = book.getSheetAt(i);
                }
            }
            if (sheet == null) {
                return;
            }
            boolean date1904 = book.getInternalWorkbook().isUsing1904DateWindowing();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                String problem = null;
                for (Cell cell : row) {
                    int column = cell.getColumnIndex();
                    String text = text(cell, date1904);
                    if (column >= MAX_COLUMNS) {
                        if (!text.isBlank()) {
                            problem = "第" + (column + 1) + "列超出了模板的列";
                        }
                        continue;
                    }
                    while (cells.size() < column) {
                        cells.add("");
                    }
                    cells.add(text);
                }
                RawRow raw = new RawRow(row.getRowNum() + 1, cells, problem);
                if ((!raw.blank() || problem != null) && !handler.row(raw)) {
                    return;
                }
            }
        } catch (IOException e) {
            throw e;
        } catch (RuntimeException e) { // encrypted, an OLE2 file that is not a workbook (.doc), a damaged record
            throw new IOException("not a readable xls: " + e.getClass().getSimpleName(), e);
        }
    }

    private static String text(Cell cell, boolean date1904) {
        return switch (cell.getCellType()) {
            case STRING -> cell.getStringCellValue();
            case NUMERIC ->
                DateUtil.isCellDateFormatted(cell)
                        ? CellText.date(cell.getNumericCellValue(), date1904)
                        : CellText.number(cell.getNumericCellValue());
            case FORMULA -> "=" + cell.getCellFormula();
            case BOOLEAN -> cell.getBooleanCellValue() ? "TRUE" : "FALSE";
            default -> "";
        };
    }
}
