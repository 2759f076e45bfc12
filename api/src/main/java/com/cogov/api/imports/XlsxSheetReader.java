package com.cogov.api.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;

/**
 * An .xlsx read as a stream of XML (StAX over the sheet's part, never the POI user model), so 50,000 rows cost what
 * fifty do: only the shared strings and the styles are held. The data sheet is the first one not hidden (WPS and
 * templates keep lists on hidden sheets). The zip-bomb limits of {@link SpreadsheetFormat} apply to every part read.
 */
final class XlsxSheetReader implements SheetReader {

    private static final XMLInputFactory XML = XMLHelper.newXMLInputFactory();

    private final Path file;

    XlsxSheetReader(Path file) {
        this.file = file;
    }

    @Override
    public void read(RowHandler handler) throws IOException {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            reader.setUseReadOnlySharedStringsTable(true);
            Workbook book;
            try (InputStream in = reader.getWorkbookData()) {
                book = Workbook.read(in);
            }
            if (book.dataSheetId() == null) {
                return;
            }
            SharedStrings strings = reader.getSharedStringsTable();
            StylesTable styles = reader.getStylesTable();
            try (InputStream sheet = reader.getSheet(book.dataSheetId())) {
                new Sheet(strings, styles, book.date1904()).read(sheet, handler);
            }
        } catch (IOException e) {
            throw e;
        } catch (Exception e) { // POI's InvalidFormatException, OpenXML4JException, XML errors: not a workbook
            throw new IOException("not a readable xlsx: " + e.getClass().getSimpleName(), e);
        }
    }

    /** What workbook.xml says: the sheets in order with their state, and the date system. */
    record Workbook(String dataSheetId, boolean date1904) {

        static Workbook read(InputStream in) throws XMLStreamException {
            XMLStreamReader xml = XML.createXMLStreamReader(in);
            String first = null;
            boolean date1904 = false;
            while (xml.hasNext()) {
                if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                if ("workbookPr".equals(xml.getLocalName())) {
                    String v = xml.getAttributeValue(null, "date1904");
                    date1904 = "1".equals(v) || "true".equals(v);
                } else if ("sheet".equals(xml.getLocalName()) && first == null) {
                    String state = xml.getAttributeValue(null, "state");
                    if (state == null || "visible".equals(state)) {
                        first = relationshipId(xml);
                    }
                }
            }
            return new Workbook(first, date1904);
        }

        private static String relationshipId(XMLStreamReader xml) {
            for (int i = 0; i < xml.getAttributeCount(); i++) {
                if ("id".equals(xml.getAttributeLocalName(i))) {
                    return xml.getAttributeValue(i);
                }
            }
            return null;
        }
    }

    /** One sheet's rows, cell by cell. */
    private static final class Sheet {
        private final SharedStrings strings;
        private final StylesTable styles;
        private final boolean date1904;
        private final Map<Integer, Boolean> dateStyles = new HashMap<>();

        Sheet(SharedStrings strings, StylesTable styles, boolean date1904) {
            this.strings = strings;
            this.styles = styles;
            this.date1904 = date1904;
        }

        void read(InputStream in, RowHandler handler) throws XMLStreamException {
            XMLStreamReader xml = XML.createXMLStreamReader(in);
            int rowNumber = 0;
            List<String> cells = null;
            String problem = null;
            int nextColumn = 0;
            String ref = null;
            String type = null;
            String style = null;
            String value = null;
            String formula = null;
            StringBuilder inline = null;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "row" -> {
                            String r = xml.getAttributeValue(null, "r");
                            rowNumber = r == null ? rowNumber + 1 : Integer.parseInt(r);
                            cells = new ArrayList<>();
                            problem = null;
                            nextColumn = 0;
                        }
                        case "c" -> {
                            ref = xml.getAttributeValue(null, "r");
                            type = xml.getAttributeValue(null, "t");
                            style = xml.getAttributeValue(null, "s");
                            value = null;
                            formula = null;
                            inline = null;
                        }
                        case "v" -> value = xml.getElementText();
                        case "f" -> formula = xml.getElementText();
                        case "is" -> inline = new StringBuilder();
                        case "t" -> {
                            if (inline != null) {
                                inline.append(xml.getElementText());
                            }
                        }
                        default -> {
                            // other elements (sheet properties, merged cells, drawings) say nothing about values
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && cells != null) {
                    if ("c".equals(xml.getLocalName())) {
                        int column = ref == null ? nextColumn : column(ref);
                        nextColumn = column + 1;
                        String text = text(type, style, value, formula, inline);
                        if (column >= MAX_COLUMNS) {
                            if (!text.isBlank()) {
                                problem = "第" + (column + 1) + "列超出了模板的列";
                            }
                            continue;
                        }
                        if (text.length() > MAX_CELL) {
                            problem = "第" + (column + 1) + "列的内容超过" + MAX_CELL + "个字符";
                            text = CellText.clipCell(text);
                        }
                        while (cells.size() < column) {
                            cells.add("");
                        }
                        if (cells.size() == column) {
                            cells.add(text);
                        } else {
                            cells.set(column, text);
                        }
                    } else if ("row".equals(xml.getLocalName())) {
                        RawRow row = new RawRow(rowNumber, cells, problem);
                        cells = null;
                        if ((!row.blank() || problem != null) && !handler.row(row)) {
                            return;
                        }
                    }
                }
            }
        }

        private String text(String type, String style, String value, String formula, StringBuilder inline) {
            if (formula != null && !formula.isBlank()) {
                return "=" + formula; // kept as the text it is: an import never evaluates a formula
            }
            // the type decides: a cell edited after an inline string was written may keep a stale <is> beside its <v>
            if ("inlineStr".equals(type) || inline != null && value == null) {
                return inline == null ? (value == null ? "" : value) : inline.toString();
            }
            if (value == null) {
                return "";
            }
            if (type == null || "n".equals(type)) {
                if (isDate(style)) {
                    try {
                        return CellText.date(Double.parseDouble(value), date1904);
                    } catch (RuntimeException e) {
                        return CellText.number(value);
                    }
                }
                return CellText.number(value);
            }
            return switch (type) {
                case "s" -> strings.getItemAt(Integer.parseInt(value.strip())).getString();
                case "b" -> "1".equals(value) ? "TRUE" : "FALSE";
                default -> value; // str (a formula's text result), e (an error such as #N/A), d (an ISO date)
            };
        }

        private boolean isDate(String style) {
            if (style == null || styles == null) {
                return false;
            }
            int index = Integer.parseInt(style);
            return dateStyles.computeIfAbsent(index, i -> {
                if (i >= styles.getNumCellStyles()) {
                    return false;
                }
                XSSFCellStyle s = styles.getStyleAt(i);
                return s != null && DateUtil.isADateFormat(s.getDataFormat(), s.getDataFormatString());
            });
        }

        /** {@code AB12} → 27. */
        private static int column(String ref) {
            int column = 0;
            for (int i = 0; i < ref.length() && Character.isLetter(ref.charAt(i)); i++) {
                column = column * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
            }
            return column - 1;
        }
    }
}
