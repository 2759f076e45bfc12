package com.cogov.api.export;

import io.micronaut.core.annotation.Nullable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/** The file formats of an export. */
enum ExportFormat {
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    CSV("csv", "text/csv; charset=UTF-8");

    private final String extension;
    private final String contentType;

    ExportFormat(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    static ExportFormat parse(@Nullable String text) {
        if (text != null) {
            for (ExportFormat f : values()) {
                if (f.extension.equals(text.toLowerCase(Locale.ROOT))) {
                    return f;
                }
            }
        }
        throw ExportRequestException.format();
    }

    String extension() {
        return extension;
    }

    String contentType() {
        return contentType;
    }

    SheetWriter open(Path file, SheetWriter.Heading heading) throws IOException {
        return this == XLSX ? new XlsxSheetWriter(file, heading) : new CsvSheetWriter(file, heading);
    }
}
