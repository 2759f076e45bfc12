package com.cogov.infra.dev;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;

/** Uploads that start like an image and are not one a phone could have taken: for the tests of every photo route. */
public final class BadImages {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private BadImages() {}

    /**
     * A complete, valid PNG of {@code width}×{@code height} black pixels (1-bit grey), small because it compresses: a
     * 20000×20000 one is about 50 KB and would decode to 400 megapixels.
     */
    public static byte[] hugeBlankPng(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(PNG_SIGNATURE);
        chunk(out, "IHDR", ihdr(width, height));
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        byte[] row = new byte[1 + (width + 7) / 8]; // filter byte 0, then the row's bits: all zero
        byte[] buffer = new byte[64 * 1024];
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        for (int y = 0; y < height; y++) {
            deflater.setInput(row);
            while (!deflater.needsInput()) {
                idat.write(buffer, 0, deflater.deflate(buffer));
            }
        }
        deflater.finish();
        while (!deflater.finished()) {
            idat.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        chunk(out, "IDAT", idat.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    /** A PNG signature and header, then an HTML page where the image data should be. */
    public static byte[] pngThenHtml() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(PNG_SIGNATURE);
        chunk(out, "IHDR", ihdr(64, 40));
        out.writeBytes(
                "<html><body><script>alert(document.cookie)</script></body></html>".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** A real photo-sized PNG (noise, so it does not compress away) cut off after 60 % of its bytes, as a broken upload. */
    public static byte[] truncatedPng() {
        BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(42);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] png = out.toByteArray();
        return Arrays.copyOf(png, png.length * 6 / 10);
    }

    /** 1-bit greyscale, no interlacing. */
    private static byte[] ihdr(int width, int height) {
        return ByteBuffer.allocate(13)
                .putInt(width)
                .putInt(height)
                .put((byte) 1)
                .put((byte) 0)
                .put((byte) 0)
                .put((byte) 0)
                .put((byte) 0)
                .array();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
