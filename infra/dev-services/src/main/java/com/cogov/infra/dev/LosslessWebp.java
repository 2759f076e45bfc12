package com.cogov.infra.dev;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A minimal lossless WebP (VP8L) writer for test photos: Java's ImageIO has no WebP writer and the app's reader
 * (TwelveMonkeys) reads only. Writes the grey level of each pixel with a fixed 8-bit prefix code after the
 * subtract-green transform, so red, blue and alpha cost nothing: one byte per pixel, no compression, but a valid
 * file that every decoder reads (format: developers.google.com/speed/webp/docs/webp_lossless_bitstream_specification).
 */
final class LosslessWebp {

    private static final int SUBTRACT_GREEN = 2;
    /** The order in which the code-length code's own lengths are written. */
    private static final int[] CODE_LENGTH_ORDER = {17, 18, 0, 1, 2, 3, 4, 5, 16, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};

    private static final int GREEN_ALPHABET = 256 + 24; // literals + LZ77 length prefixes, no colour cache

    private LosslessWebp() {}

    static byte[] encodeGrey(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        if (width > 16384 || height > 16384) {
            throw new IllegalArgumentException("WebP images are at most 16384 pixels wide and high");
        }
        Bits bits = new Bits(width * height + 64);
        bits.write(width - 1, 14);
        bits.write(height - 1, 14);
        bits.write(0, 1); // alpha is not used
        bits.write(0, 3); // version
        bits.write(1, 1); // a transform follows:
        bits.write(SUBTRACT_GREEN, 2); // red and blue become 0 for grey pixels
        bits.write(0, 1); // no more transforms
        bits.write(0, 1); // no colour cache
        bits.write(0, 1); // one prefix-code group for the whole image
        writeGreenCode(bits);
        writeSingleSymbol(bits, 0); // red
        writeSingleSymbol(bits, 0); // blue
        writeSingleSymbol(bits, 255); // alpha
        writeSingleSymbol(bits, 0); // distance (never used)
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int rgb = image.getRGB(x, y);
                int grey = (((rgb >> 16) & 0xff) * 77 + ((rgb >> 8) & 0xff) * 150 + (rgb & 0xff) * 29) >> 8;
                // All 256 literals have length 8, so the canonical code of a literal is its value, read MSB first.
                for (int b = 7; b >= 0; b--) {
                    bits.write((grey >> b) & 1, 1);
                }
            }
        }
        byte[] vp8l = bits.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream(vp8l.length + 21);
        int chunk = 1 + vp8l.length;
        int padded = chunk + (chunk & 1);
        out.writeBytes("RIFF".getBytes(StandardCharsets.US_ASCII));
        le32(out, 4 + 8 + padded);
        out.writeBytes("WEBPVP8L".getBytes(StandardCharsets.US_ASCII));
        le32(out, chunk);
        out.write(0x2f); // VP8L signature
        out.writeBytes(vp8l);
        if ((chunk & 1) == 1) {
            out.write(0);
        }
        return out.toByteArray();
    }

    /** Lengths: 8 for the 256 literals, 0 for the length prefixes; written with a code-length code of {0, 8}. */
    private static void writeGreenCode(Bits bits) {
        bits.write(0, 1); // a normal (not simple) code
        int used = 12; // up to symbol 8 in CODE_LENGTH_ORDER
        bits.write(used - 4, 4);
        for (int i = 0; i < used; i++) {
            int symbol = CODE_LENGTH_ORDER[i];
            bits.write(symbol == 0 || symbol == 8 ? 1 : 0, 3);
        }
        bits.write(0, 1); // every symbol of the alphabet has a length
        // Canonical code-length code: symbol 0 -> "0", symbol 8 -> "1".
        for (int symbol = 0; symbol < GREEN_ALPHABET; symbol++) {
            bits.write(symbol < 256 ? 1 : 0, 1);
        }
    }

    private static void writeSingleSymbol(Bits bits, int symbol) {
        bits.write(1, 1); // simple code
        bits.write(0, 1); // one symbol, which then takes no bits per pixel
        bits.write(1, 1); // an 8-bit symbol
        bits.write(symbol, 8);
    }

    private static void le32(ByteArrayOutputStream out, int value) {
        out.write(value);
        out.write(value >>> 8);
        out.write(value >>> 16);
        out.write(value >>> 24);
    }

    /** VP8L packs bits least significant first. */
    private static final class Bits {
        private final ByteArrayOutputStream out;
        private long buffer;
        private int count;

        Bits(int expectedBytes) {
            out = new ByteArrayOutputStream(expectedBytes);
        }

        void write(int value, int n) {
            buffer |= ((long) value & ((1L << n) - 1)) << count;
            count += n;
            while (count >= 8) {
                out.write((int) (buffer & 0xff));
                buffer >>>= 8;
                count -= 8;
            }
        }

        byte[] toByteArray() {
            if (count > 0) {
                out.write((int) (buffer & 0xff));
                buffer = 0;
                count = 0;
            }
            return out.toByteArray();
        }
    }
}
