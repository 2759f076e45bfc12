package com.cogov.portal;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.xssf.eventusermodel.XSSFReader;

/**
 * Reads an export workbook the way a big one must be read, streaming its sheet XML: the creator, the text of the
 * first rows, and how many rows there are. (Loading 100,000 rows as a whole workbook takes hundreds of megabytes.)
 */
record StreamedWorkbook(String creator, List<List<String>> firstRows, int rows) {

    private static final int FIRST = 6;

    static StreamedWorkbook read(byte[] xlsx) throws Exception {
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(xlsx))) {
            String creator = pkg.getPackageProperties().getCreatorProperty().orElse(null);
            XSSFReader reader = new XSSFReader(pkg);
            try (InputStream sheet = reader.getSheetsData().next()) {
                XMLStreamReader xml = XMLInputFactory.newFactory().createXMLStreamReader(sheet);
                List<List<String>> first = new ArrayList<>();
                int rows = 0;
                List<String> row = null;
                boolean inValue = false;
                StringBuilder text = new StringBuilder();
                while (xml.hasNext()) {
                    int event = xml.next();
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        switch (xml.getLocalName()) {
                            case "row" -> {
                                rows++;
                                row = rows <= FIRST ? new ArrayList<>() : null;
                            }
                            case "t", "v" -> {
                                inValue = row != null;
                                text.setLength(0);
                            }
                            default -> {}
                        }
                    } else if (event == XMLStreamConstants.CHARACTERS && inValue) {
                        text.append(xml.getText());
                    } else if (event == XMLStreamConstants.END_ELEMENT) {
                        switch (xml.getLocalName()) {
                            case "t", "v" -> {
                                if (inValue) {
                                    String value = text.toString();
                                    row.add(value.endsWith(".0") ? value.substring(0, value.length() - 2) : value);
                                }
                                inValue = false;
                            }
                            case "row" -> {
                                if (row != null) {
                                    first.add(row);
                                }
                            }
                            default -> {}
                        }
                    }
                }
                return new StreamedWorkbook(creator, first, rows);
            }
        }
    }
}
