package com.cogov.api.file;

import com.cogov.api.shared.CogovException;
import com.cogov.api.shared.ImageUpload;
import com.cogov.contracts.error.ErrorCode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.tika.Tika;

/**
 * What the public submits (docs/platform: files): typed by content (Tika, never the client's name or declared type),
 * then opened with its library and refused when that fails, so a file that only starts like an image or a PDF is not
 * kept. Images are re-encoded from their pixels, which drops EXIF (GPS position, device, time) and every other
 * metadata block; a WebP is kept as PNG, since no WebP writer ships with the JDK or TwelveMonkeys.
 */
final class Submissions {

    /** Re-encoded images keep at most this many pixels on their longer side: plenty for a photo of evidence. */
    static final int MAX_SIDE = 4096;

    private static final Tika TIKA = new Tika();

    /** The accepted content: its type and the bytes to store (re-encoded for images). */
    record Accepted(String contentType, String extension, byte[] content) {}

    private Submissions() {}

    static Accepted accept(byte[] content, int maxBytes) {
        if (content == null || content.length == 0) {
            throw new CogovException(ErrorCode.UPLOAD_EMPTY, "上传的文件为空");
        }
        if (content.length > maxBytes) {
            throw new CogovException(
                    ErrorCode.ATTACHMENT_TOO_LARGE,
                    "文件大小为 " + (content.length / 1024) + " KB，超过 " + (maxBytes / (1024 * 1024)) + " MB");
        }
        String detected = TIKA.detect(content); // magic bytes only: no file name is passed in on purpose
        return switch (detected) {
            case "application/pdf" -> pdf(content);
            case "image/jpeg", "image/png", "image/webp" -> image(content, maxBytes);
            default ->
                throw new CogovException(ErrorCode.ATTACHMENT_TYPE_UNSUPPORTED, "上传的文件不是 JPEG、PNG、WebP 图片或 PDF 文件");
        };
    }

    private static Accepted pdf(byte[] content) {
        try (PDDocument document = Loader.loadPDF(content)) {
            if (document.getNumberOfPages() < 1) {
                throw unreadable("PDF 文件没有页面");
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof CogovException refused) {
                throw refused;
            }
            throw unreadable("PDF 文件已损坏、被加密或无法打开");
        }
        return new Accepted("application/pdf", "pdf", content);
    }

    private static Accepted image(byte[] content, int maxBytes) {
        ImageUpload upload = ImageUpload.of(content, maxBytes);
        BufferedImage pixels = upload.decode(MAX_SIDE);
        boolean jpeg = "image/jpeg".equals(upload.mediaType());
        BufferedImage opaque = jpeg ? rgb(pixels) : pixels;
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length);
        try {
            if (!ImageIO.write(opaque, jpeg ? "jpeg" : "png", out)) {
                throw new IllegalStateException("No ImageIO writer for " + (jpeg ? "jpeg" : "png"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jpeg
                ? new Accepted("image/jpeg", "jpg", out.toByteArray())
                : new Accepted("image/png", "png", out.toByteArray());
    }

    /** The JPEG writer refuses images with an alpha channel; a JPEG never had one, but a decoder may add it. */
    private static BufferedImage rgb(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB || image.getType() == BufferedImage.TYPE_3BYTE_BGR) {
            return image;
        }
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        rgb.createGraphics().drawImage(image, 0, 0, null);
        return rgb;
    }

    private static CogovException unreadable(String detail) {
        return new CogovException(ErrorCode.ATTACHMENT_TYPE_UNSUPPORTED, detail);
    }
}
