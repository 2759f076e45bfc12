package com.cogov.api.web;

import com.cogov.api.file.FileDownload;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.server.types.files.StreamedFile;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The one way a stored file leaves either app (docs/platform: files): as an attachment, never rendered inline, with
 * {@code nosniff} so a browser does not second-guess its type.
 */
public final class Downloads {

    private Downloads() {}

    public static HttpResponse<StreamedFile> attachment(FileDownload file) {
        return HttpResponse.ok(new StreamedFile(
                        file.content(), MediaType.of(file.contentType()), System.currentTimeMillis(), file.sizeBytes()))
                .header(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(file.fileName()))
                .header("X-Content-Type-Options", "nosniff");
    }

    /** RFC 6266: an ASCII fallback name for old clients, the real (Chinese) name in RFC 5987 form for the rest. */
    static String contentDisposition(String fileName) {
        String ascii = fileName.replaceAll("[^A-Za-z0-9._-]", "_");
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
