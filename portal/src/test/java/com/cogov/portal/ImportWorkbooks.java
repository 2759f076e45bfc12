package com.cogov.portal;

import com.cogov.infra.dev.DemoData;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Pharmacy import rows and the workbooks and CSVs the tests upload, built with POI as a regulator's Excel would. */
final class ImportWorkbooks {

    static final List<String> HEADERS =
            List.of("药品经营许可证编号", "统一社会信用代码", "药店名称", "所在区", "地址", "纬度", "经度", "营业时间", "联系电话");

    private static final Random RANDOM = new Random();

    private ImportWorkbooks() {}

    /** A fresh licence number, unique to this run. */
    static String license() {
        return "鄂CB-I" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    static String creditCode(String district) {
        return DemoData.creditCode("91" + district, RANDOM);
    }

    /** A valid row of a new pharmacy. */
    static List<String> row(String license, String district, String name) {
        return new ArrayList<>(Arrays.asList(
                license,
                creditCode(district),
                name,
                district,
                "武汉市导入路" + RANDOM.nextInt(900) + "号",
                "30.546",
                "114.316",
                "08:00-22:00",
                "027-88886666"));
    }

    static byte[] xlsx(Consumer<XSSFWorkbook> build) {
        try (XSSFWorkbook book = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            build.accept(book);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A plain workbook: the headers on the first row, the rows as text cells. */
    static byte[] xlsx(List<List<String>> rows) {
        return xlsx(book -> {
            Sheet sheet = book.createSheet("药店");
            write(sheet, 0, HEADERS);
            for (int i = 0; i < rows.size(); i++) {
                write(sheet, i + 1, rows.get(i));
            }
        });
    }

    static void write(Sheet sheet, int rowIndex, List<String> values) {
        Row row = sheet.createRow(rowIndex);
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) != null) {
                row.createCell(i).setCellValue(values.get(i));
            }
        }
    }

    static String csv(List<List<String>> rows) {
        StringBuilder out = new StringBuilder(String.join(",", HEADERS)).append("\r\n");
        for (List<String> row : rows) {
            out.append(String.join(
                            ",", row.stream().map(ImportWorkbooks::quoted).toList()))
                    .append("\r\n");
        }
        return out.toString();
    }

    private static String quoted(String value) {
        return value == null ? "" : "\"" + value.replace("\"", "\"\"") + "\"";
    }

    /** Every row of the first sheet, each cell as Excel shows it. */
    static List<List<String>> read(byte[] xlsx) {
        return read(xlsx, 0);
    }

    static List<List<String>> read(byte[] xlsx, int sheetIndex) {
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            DataFormatter format = new DataFormatter();
            List<List<String>> rows = new ArrayList<>();
            for (Row row : book.getSheetAt(sheetIndex)) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < row.getLastCellNum(); i++) {
                    Cell cell = row.getCell(i);
                    cells.add(cell == null ? "" : format.formatCellValue(cell));
                }
                rows.add(cells);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
