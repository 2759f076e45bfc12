package com.cogov.api.shared;

import com.cogov.contracts.error.ErrorCode;
import org.apache.tika.Tika;

import java.util.Set;

/**
 * A photo a client uploaded, accepted only when its content (not its name or declared type, which the client
 * controls) is a JPEG, PNG or WebP of at most 5 MB (OWASP ASVS: file type by content, size limits).
 *
 * @param mediaType what the bytes are, as detected from their content
 */
public record ImageUpload(String mediaType, byte[] content) {

    public static final int MAX_BYTES = 5 * 1024 * 1024;
    private static final Set<String> ACCEPTED = Set.of("image/jpeg", "image/png", "image/webp");
    private static final Tika TIKA = new Tika();

    /** @throws CogovException UPLOAD_EMPTY, UPLOAD_TOO_LARGE or UPLOAD_NOT_AN_IMAGE */
    public static ImageUpload of(byte[] content) {
        if (content == null || content.length == 0) {
            throw new CogovException(ErrorCode.UPLOAD_EMPTY, "上传的图片为空");
        }
        if (content.length > MAX_BYTES) {
            throw new CogovException(ErrorCode.UPLOAD_TOO_LARGE, "图片大小为 " + (content.length / 1024) + " KB，超过 5 MB");
        }
        String detected = TIKA.detect(content); // magic bytes only: no file name is passed in on purpose
        if (!ACCEPTED.contains(detected)) {
            throw new CogovException(ErrorCode.UPLOAD_NOT_AN_IMAGE, "上传的文件不是 JPEG、PNG 或 WebP 图片");
        }
        return new ImageUpload(detected, content);
    }
}
