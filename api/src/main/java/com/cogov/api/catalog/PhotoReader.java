package com.cogov.api.catalog;

import com.cogov.api.shared.ImageUpload;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;

/**
 * Turns an uploaded photo into a grey image of a size the decoder can afford. The reader is chosen by the type the
 * content was detected as (never the file name), and the image's size is checked before its pixels are decoded, so a
 * small file that declares a huge image (a decompression bomb) is refused instead of filling the heap.
 */
final class PhotoReader {

    /** 48-megapixel phone sensors produce 8000×6000; anything larger is not a phone photo. */
    static final long MAX_PIXELS = 50_000_000L;
    /**
     * The decoder works at most at this size. A 12-megapixel photo (4032×3024) is halved: a code filling a fifth of
     * the frame keeps 3 to 4 pixels per module, which ZXing reads, and a pass costs a quarter of the full size's.
     */
    static final int WORKING_SIDE = 2048;

    static {
        ImageIO.setUseCache(false); // read from memory, never through temporary files
        // ImageIO lists the readers on the class path once, on first use; rescan so the WebP reader (TwelveMonkeys,
        // a service provider) is there even if something touched ImageIO before this class loader was set up.
        ImageIO.scanForPlugins();
    }

    private PhotoReader() {
    }

    /** @throws ImageUnreadableException when the bytes are not a complete, decodable image of a sensible size */
    static BufferedImage readGrey(ImageUpload upload) {
        BufferedImage image = read(upload);
        return toGrey(image, WORKING_SIDE);
    }

    private static BufferedImage read(ImageUpload upload) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(upload.mediaType());
        if (!readers.hasNext()) {
            // ImageUpload accepted a type no reader is installed for: a build problem, not the user's.
            throw new IllegalStateException("No ImageIO reader for " + upload.mediaType());
        }
        ImageReader reader = readers.next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload.content()))) {
            reader.setInput(in, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if (width <= 0 || height <= 0) {
                throw ImageUnreadableException.corrupt();
            }
            if ((long) width * height > MAX_PIXELS) {
                throw ImageUnreadableException.tooManyPixels(width, height);
            }
            TruncationWatch truncation = new TruncationWatch();
            reader.addIIOReadWarningListener(truncation);
            ImageReadParam param = reader.getDefaultReadParam();
            // Keep every n-th pixel and row while decoding: a 12-megapixel photo arrives at 2016×1512 without ever being
            // held whole, 100 ms sooner than decoding it fully and scaling (measured; codes read as well).
            int step = Math.max(1, Math.round((float) Math.max(width, height) / WORKING_SIDE));
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

    /** Grey (ZXing looks at luminance only), at most {@code maxSide} on the longer side. */
    static BufferedImage toGrey(BufferedImage image, int maxSide) {
        BufferedImage current = image;
        int longer = Math.max(current.getWidth(), current.getHeight());
        // Halve while far too large: one bilinear step over a large factor would skip rows and drop thin bars.
        while (longer / 2 >= maxSide) {
            current = draw(current, current.getWidth() / 2, current.getHeight() / 2, BufferedImage.TYPE_INT_RGB);
            longer = Math.max(current.getWidth(), current.getHeight());
        }
        double factor = Math.min(1.0, (double) maxSide / longer);
        return draw(current, Math.max(1, (int) Math.round(current.getWidth() * factor)),
                Math.max(1, (int) Math.round(current.getHeight() * factor)), BufferedImage.TYPE_BYTE_GRAY);
    }

    /** Half the size, each pixel the mean of four: also averages sensor noise and JPEG blocks away. */
    static BufferedImage half(BufferedImage grey) {
        int w = grey.getWidth() / 2;
        int h = grey.getHeight() / 2;
        int sourceWidth = grey.getWidth();
        byte[] source = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        BufferedImage out = new BufferedImage(Math.max(1, w), Math.max(1, h), BufferedImage.TYPE_BYTE_GRAY);
        byte[] target = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < h; y++) {
            int top = 2 * y * sourceWidth;
            int bottom = top + sourceWidth;
            for (int x = 0; x < w; x++) {
                int sum = (source[top + 2 * x] & 0xff) + (source[top + 2 * x + 1] & 0xff)
                        + (source[bottom + 2 * x] & 0xff) + (source[bottom + 2 * x + 1] & 0xff);
                target[y * w + x] = (byte) ((sum + 2) >> 2);
            }
        }
        return out;
    }

    private static BufferedImage draw(BufferedImage source, int width, int height, int type) {
        BufferedImage out = new BufferedImage(width, height, type);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return out;
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
