package com.cogov.api.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.tika.Tika;

/**
 * What an upload is, by its content (Tika's magic bytes; never the client's name or declared type), confirmed later
 * by reading it: an .xlsx (a zip), an .xls (OLE2), or a CSV whose charset is UTF-8 (with or without a byte-order mark)
 * if the whole file decodes as UTF-8, else GBK if it decodes as GBK (what Excel on a Chinese Windows saves).
 *
 * <p>Zip bombs: POI refuses any part inflating more than 100 times its compressed size, or past
 * {@value #MAX_PART_BYTES} bytes, while it reads, so a small file posing as a workbook never grows into gigabytes.
 */
enum SpreadsheetFormat {
    XLSX("xlsx"),
    XLS("xls"),
    CSV_UTF8("csv"),
    CSV_GBK("csv");

    /** The most one part of an .xlsx (a sheet's XML) may inflate to: 200,000 rows of ten columns fit. */
    static final long MAX_PART_BYTES = 256L * 1024 * 1024;

    private static final Tika TIKA = new Tika();
    private static final Charset GBK = Charset.forName("GBK");

    static {
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(MAX_PART_BYTES);
    }

    private final String extension;

    SpreadsheetFormat(String extension) {
        this.extension = extension;
    }

    String extension() {
        return extension;
    }

    SheetReader reader(Path file) {
        return switch (this) {
            case XLSX -> new XlsxSheetReader(file);
            case XLS -> new XlsSheetReader(file);
            case CSV_UTF8 -> new CsvSheetReader(file, StandardCharsets.UTF_8);
            case CSV_GBK -> new CsvSheetReader(file, GBK);
        };
    }

    /** @return the format, or null when the content is none of them */
    static SpreadsheetFormat detect(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(8192);
        }
        String type = TIKA.detect(head); // no name passed in on purpose
        return switch (type) {
            case "application/zip", "application/x-tika-ooxml" -> XLSX;
            case "application/x-tika-msoffice" -> XLS;
            default -> type.startsWith("text/") || "application/octet-stream".equals(type) ? text(file) : null;
        };
    }

    /** A CSV's charset, or null when the content is binary or neither UTF-8 nor GBK. */
    private static SpreadsheetFormat text(Path file) throws IOException {
        if (decodes(file, StandardCharsets.UTF_8)) {
            return CSV_UTF8;
        }
        return decodes(file, GBK) ? CSV_GBK : null;
    }

    /** Whether the whole file decodes strictly, without a NUL (a binary file is no CSV). */
    private static boolean decodes(Path file, Charset charset) throws IOException {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(1 << 16);
        CharBuffer out = CharBuffer.allocate(1 << 16);
        try (InputStream stream = Files.newInputStream(file)) {
            byte[] chunk = new byte[1 << 15];
            int n;
            while ((n = stream.read(chunk)) != -1) {
                for (int i = 0; i < n; i++) {
                    if (chunk[i] == 0) {
                        return false;
                    }
                }
                in.put(chunk, 0, n);
                in.flip();
                if (decoder.decode(in, out, false).isError()) {
                    return false;
                }
                in.compact();
                out.clear();
            }
            in.flip();
            if (decoder.decode(in, out, true).isError()) {
                return false;
            }
            return !decoder.flush(out).isError();
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
