package com.cogov.api.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * An import's template: the first sheet has the Chinese headers (required ones in red, each with a comment saying what
 * goes there), one example row, every column formatted as text (so Excel keeps a barcode's digits and a leading zero
 * as typed), and a drop-down on each column with allowed values; the second sheet, {@value #ALLOWED}, lists them.
 */
final class TemplateWorkbook {

    static final String ALLOWED = "允许值";

    /** Drop-downs cover this many data rows: more than a file may hold is pointless, fewer would surprise. */
    private static final int VALIDATED_ROWS = 200_000;

    private TemplateWorkbook() {}

    static byte[] write(String title, List<ImportColumn> columns) {
        try (XSSFWorkbook book = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(WorkbookUtil.createSafeSheetName(title));
            Sheet allowed = book.createSheet(ALLOWED);
            CellStyle text = book.createCellStyle();
            text.setDataFormat(book.createDataFormat().getFormat("@"));
            CellStyle required = headerStyle(book, IndexedColors.RED);
            CellStyle optional = headerStyle(book, IndexedColors.BLACK);
            Drawing<?> drawing = sheet.createDrawingPatriarch();
            Row header = sheet.createRow(0);
            Row example = sheet.createRow(1);
            Row allowedHeader = allowed.createRow(0);
            int listColumn = 0;
            DataValidationHelper validations = sheet.getDataValidationHelper();
            for (int i = 0; i < columns.size(); i++) {
                ImportColumn column = columns.get(i);
                sheet.setColumnWidth(i, Math.max(12, column.header().length() * 2 + 4) * 256);
                sheet.setDefaultColumnStyle(i, text);
                var cell = header.createCell(i);
                cell.setCellValue(column.header());
                cell.setCellStyle(column.required() ? required : optional);
                ClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, i, 0, i + 3, 4);
                Comment comment = drawing.createCellComment(anchor);
                comment.setString(book.getCreationHelper()
                        .createRichTextString((column.required() ? "必填。" : "选填。") + column.note()));
                cell.setCellComment(comment);
                var sample = example.createCell(i);
                sample.setCellValue(column.example());
                sample.setCellStyle(text);
                if (column.allowed().isEmpty()) {
                    continue;
                }
                allowedHeader.createCell(listColumn).setCellValue(column.header());
                allowed.setColumnWidth(listColumn, 24 * 256);
                for (int v = 0; v < column.allowed().size(); v++) {
                    Row row = allowed.getRow(v + 1) == null ? allowed.createRow(v + 1) : allowed.getRow(v + 1);
                    row.createCell(listColumn).setCellValue(column.allowed().get(v));
                }
                String letter = CellReference.convertNumToColString(listColumn);
                String range = "'" + ALLOWED + "'!$" + letter + "$2:$" + letter + "$"
                        + (column.allowed().size() + 1);
                DataValidation validation = validations.createValidation(
                        validations.createFormulaListConstraint(range),
                        new CellRangeAddressList(1, VALIDATED_ROWS, i, i));
                validation.setShowErrorBox(true);
                if (column.strict()) {
                    validation.createErrorBox("请从下拉列表中选择", "「" + column.header() + "」只能填写「" + ALLOWED + "」表中列出的值");
                } else {
                    validation.setErrorStyle(DataValidation.ErrorStyle.WARNING);
                    validation.createErrorBox("不在常用值中", "「" + column.header() + "」的常用值见「" + ALLOWED + "」表，确定要填写其他值吗？");
                }
                validation.setSuppressDropDownArrow(true);
                sheet.addValidationData(validation);
                listColumn++;
            }
            sheet.createFreezePane(0, 1);
            book.getProperties().getCoreProperties().setTitle(title + "模板");
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CellStyle headerStyle(XSSFWorkbook book, IndexedColors color) {
        Font font = book.createFont();
        font.setBold(true);
        font.setColor(color.getIndex());
        CellStyle style = book.createCellStyle();
        style.setFont(font);
        return style;
    }
}
