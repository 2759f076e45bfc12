package com.cogov.api.shared;

import com.cogov.contracts.error.ErrorCode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;
import org.apache.tika.Tika;

/**
 * A photo a client uploaded, accepted only when its content (not its name or declared type, which the client
 * controls) is a JPEG, PNG or WebP of at most 5 MB whose header declares a sensible size (OWASP ASVS: file type by
 * content, size limits). {@link #decode} reads its pixels; {@link #requireComplete} proves they all decode before the
 * photo is sent on (to WeChat's OCR), so a cut-off file or garbage after a valid header goes no further.
 *
 * @param mediaType what the bytes are, as detected from their content
 */
public record ImageUpload(String mediaType, byte[] content) {

    public static final int MAX_BYTES = 5 * 1024 * 1024;
    /** 48-megapixel phone sensors produce 8000×6000; anything larger is not a phone photo. */
    public static final long MAX_PIXELS = 50_000_000L;
    /** {@link #requireComplete} decodes at about this size: every byte is still read, few pixels are kept. */
    private static final int CHECK_SIDE = 512;

    private static final Set<String> ACCEPTED = Set.of("image/jpeg", "image/png", "image/webp");
    private static final Tika TIKA = new Tika();

    static {
        ImageIO.setUseCache(false); // read from memory, never through temporary files
        // ImageIO lists the readers on the class path once, on first use; rescan so the WebP reader (TwelveMonkeys,
        // a service provider) is there even if something touched ImageIO before this class loader was set up.
        ImageIO.scanForPlugins();
    }

    /**
     * Judges the bytes by their content and reads the image's size from its header (no pixels are decoded), so a small
     * file that declares a huge image (a decompression bomb) is refused before anything decodes it.
     *
     * @throws CogovException UPLOAD_EMPTY, UPLOAD_TOO_LARGE, UPLOAD_NOT_AN_IMAGE or IMAGE_UNREADABLE
     */
    public static ImageUpload of(byte[] content) {
        return of(content, MAX_BYTES);
    }

    /**
     * As {@link #of(byte[])}, with the size cap of the use: evidence photos are kept at full resolution, a citizen's
     * attachment may be larger than a photo of the counter.
     */
    public static ImageUpload of(byte[] content, int maxBytes) {
        if (content == null || content.length == 0) {
            throw new CogovException(ErrorCode.UPLOAD_EMPTY, "上传的图片为空");
        }
        if (content.length > maxBytes) {
            throw new CogovException(
                    ErrorCode.UPLOAD_TOO_LARGE,
                    "图片大小为 " + (content.length / 1024) + " KB，超过 " + (maxBytes / (1024 * 1024)) + " MB");
        }
        String detected = TIKA.detect(content); // magic bytes only: no file name is passed in on purpose
        if (!ACCEPTED.contains(detected)) {
            throw new CogovException(ErrorCode.UPLOAD_NOT_AN_IMAGE, "上传的文件不是 JPEG、PNG 或 WebP 图片");
        }
        ImageUpload upload = new ImageUpload(detected, content);
        upload.read(0);
        return upload;
    }

    /**
     * The pixels, keeping every n-th pixel and row while decoding so that the longer side is about {@code maxSide}: a
     * 12-megapixel photo arrives at 2016×1512 for a {@code maxSide} of 2048 without ever being held whole.
     *
     * @throws ImageUnreadableException when the bytes are not a complete, decodable image of a sensible size
     */
    public BufferedImage decode(int maxSide) {
        return read(Math.max(1, maxSide));
    }

    /**
     * Decodes the whole image (at a small size) and throws away the pixels: for a photo that is sent on as bytes.
     *
     * @throws ImageUnreadableException when the bytes are not a complete, decodable image of a sensible size
     */
    public ImageUpload requireComplete() {
        read(CHECK_SIDE);
        return this;
    }

    /** The header's size checked, then, unless {@code maxSide} is 0, the pixels decoded at about that size. */
    private BufferedImage read(int maxSide) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(mediaType);
        if (!readers.hasNext()) {
            // A type in ACCEPTED that no installed reader handles: a build problem, not the user's.
            throw new IllegalStateException("No ImageIO reader for " + mediaType);
        }
        ImageReader reader = readers.next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
            reader.setInput(in, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if (width <= 0 || height <= 0) {
                throw ImageUnreadableException.corrupt();
            }
            if ((long) width * height > MAX_PIXELS) {
                throw ImageUnreadableException.tooManyPixels(width, height);
            }
            if (maxSide == 0) {
                return null;
            }
            TruncationWatch truncation = new TruncationWatch();
            reader.addIIOReadWarningListener(truncation);
            ImageReadParam param = reader.getDefaultReadParam();
            int step = Math.max(1, Math.round((float) Math.max(width, height) / maxSide));
            if (step > 1) {
                param.setSourceSubsampling(step, step, 0, 0);
            }
            BufferedImage image = reader.read(0, param);
            // The JPEG reader fills a cut-off file's missing rows with grey and only warns: the photo is incomplete.
            if (image == null || truncation.truncated) {
                throw ImageUnreadableException.incomplete();
            }
            return image;
        } catch (IOException | RuntimeException e) {
            if (e instanceof ImageUnreadableException unreadable) {
                throw unreadable;
            }
            // Decoders throw anything on malformed input (IIOException, IndexOutOfBounds, IllegalArgument...).
            throw ImageUnreadableException.corrupt();
        } finally {
            reader.dispose();
        }
    }

    /** libjpeg's "Premature end of JPEG file" arrives as a warning, not an exception. */
    private static final class TruncationWatch implements IIOReadWarningListener {
        private boolean truncated;

        @Override
        public void warningOccurred(ImageReader source, String warning) {
            String text = warning == null ? "" : warning.toLowerCase(Locale.ROOT);
            if (text.contains("premature end") || text.contains("truncated")) {
                truncated = true;
            }
        }
    }
}
