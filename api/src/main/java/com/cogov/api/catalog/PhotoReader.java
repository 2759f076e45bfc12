package com.cogov.api.catalog;

import com.cogov.api.shared.ImageUpload;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * Turns an uploaded photo into a grey image of a size the decoder can afford. {@link ImageUpload#decode} reads it,
 * with the size checked before any pixel is decoded and every n-th pixel kept while decoding.
 */
final class PhotoReader {

    /**
     * The decoder works at most at this size. A 12-megapixel photo (4032×3024) is halved: a code filling a fifth of
     * the frame keeps 3 to 4 pixels per module, which ZXing reads, and a pass costs a quarter of the full size's.
     * Subsampling while decoding brings it to 2016×1512 100 ms sooner than decoding it fully and scaling (measured;
     * codes read as well).
     */
    static final int WORKING_SIDE = 2048;

    private PhotoReader() {}

    /** @throws com.cogov.api.shared.ImageUnreadableException when the bytes are not a complete, decodable image of a sensible size */
    static BufferedImage readGrey(ImageUpload upload) {
        return toGrey(upload.decode(WORKING_SIDE), WORKING_SIDE);
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
        return draw(
                current,
                Math.max(1, (int) Math.round(current.getWidth() * factor)),
                Math.max(1, (int) Math.round(current.getHeight() * factor)),
                BufferedImage.TYPE_BYTE_GRAY);
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
                int sum = (source[top + 2 * x] & 0xff)
                        + (source[top + 2 * x + 1] & 0xff)
                        + (source[bottom + 2 * x] & 0xff)
                        + (source[bottom + 2 * x + 1] & 0xff);
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
}
