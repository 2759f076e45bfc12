package com.cogov.api.buyer;

import cn.binarywang.wx.miniapp.api.WxMaService;
import com.cogov.api.shared.ImageUpload;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.UUID;
import me.chanjar.weixin.common.bean.ocr.WxOcrIdCardResult;
import me.chanjar.weixin.common.error.WxErrorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * WeChat's ID-card OCR ({@code /cv/ocr/idcard}) through WxJava. WxJava uploads a file, so the photo is written to a
 * temporary file (owner-only, as the JDK creates them) that is deleted as soon as WeChat has answered: the photo is
 * personal data and is kept nowhere. Neither the photo nor what WeChat read is logged.
 */
@Singleton
class IdCardOcr {

    /** What WeChat read from the front of a card. Personal values, so {@link #toString()} shows none. */
    record Reading(@Nullable String number, @Nullable String name) {
        @Override
        public String toString() {
            return "Reading[number " + (number == null ? "absent" : "read") + ", name "
                    + (name == null ? "absent" : "read") + "]";
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(IdCardOcr.class);
    /**
     * WeChat's answers about the picture itself: 101000 image data or URL unusable, 101001 no ID card found in it,
     * 101002 image invalid. Anything else (quota, credentials, system busy) is WeChat's trouble, not the photo's.
     */
    private static final FileAttribute<?>[] OWNER_ONLY =
            FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                    ? new FileAttribute<?>[] {
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
                    }
                    : new FileAttribute<?>[0];

    private static final Set<Integer> PHOTO_ERRORS = Set.of(101000, 101001, 101002);

    private final WxMaService weChat;

    IdCardOcr(WxMaService weChat) {
        this.weChat = weChat;
    }

    /**
     * @throws IdCardUnreadableException     when WeChat finds no ID-card front in the photo
     * @throws IdCardOcrUnavailableException when WeChat fails, times out or refuses for its own reasons
     */
    Reading read(ImageUpload photo) {
        Path file = writeTemporarily(photo);
        try {
            WxOcrIdCardResult result = weChat.getOcrService().idCard(file.toFile());
            // The back of the card (国徽面) answers type "Back" with no name or number.
            if (result == null || "Back".equalsIgnoreCase(result.getType()) || isBlank(result.getId())) {
                throw IdCardUnreadableException.noCardFound();
            }
            return new Reading(result.getId(), result.getName());
        } catch (WxErrorException e) {
            int code = e.getError() == null ? -1 : e.getError().getErrorCode();
            if (PHOTO_ERRORS.contains(code)) {
                throw IdCardUnreadableException.noCardFound();
            }
            LOG.warn("WeChat ID-card OCR refused with errcode {}", code);
            throw new IdCardOcrUnavailableException();
        } catch (IdCardUnreadableException e) {
            throw e;
        } catch (RuntimeException e) {
            // WxJava wraps I/O failures, timeouts and HTTP errors from WeChat's gateway in WxRuntimeException. Only the
            // type is logged: WxJava's messages can quote request details.
            LOG.warn("WeChat ID-card OCR unreachable: {}", e.getClass().getName());
            throw new IdCardOcrUnavailableException();
        } finally {
            delete(file);
        }
    }

    private static Path writeTemporarily(ImageUpload photo) {
        try {
            // Named by a UUID, not by createTempFile's long run of digits: WxJava logs the file's name, and a run of 18
            // digits in a log reads as an ID number to the log checks. Owner-only, as createTempFile would make it.
            Path file = Files.createFile(
                    Path.of(System.getProperty("java.io.tmpdir"))
                            .resolve("cogov-idcard-" + UUID.randomUUID() + extension(photo.mediaType())),
                    OWNER_ONLY);
            try {
                Files.write(file, photo.content());
            } catch (IOException e) {
                delete(file);
                throw e;
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the ID-card photo to a temporary file", e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.error("Could not delete the temporary ID-card photo {}: {}", file, e.toString());
        }
    }

    private static String extension(String mediaType) {
        return switch (mediaType) {
            case "image/png" -> ".png";
            case "image/webp" -> ".webp";
            default -> ".jpg";
        };
    }

    private static boolean isBlank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
