package com.cogov.infra.dev;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.datamatrix.encoder.DefaultPlacement;
import com.google.zxing.datamatrix.encoder.ErrorCorrection;
import com.google.zxing.datamatrix.encoder.SymbolInfo;
import com.google.zxing.datamatrix.encoder.SymbolShapeHint;
import com.google.zxing.oned.Code128Writer;
import com.google.zxing.oned.EAN13Writer;
import com.google.zxing.qrcode.QRCodeWriter;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.DataBufferInt;
import java.awt.image.Kernel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Photos of drug packages for the barcode-decoding tests, drawn at test time (ZXing writers and Java2D, fixed seeds,
 * so every run gets the same bytes): the codes a counter sees, as a phone photographs them, rotated, tilted, blurred,
 * dim, compressed and noisy, on a cluttered background with the code a small part of a 2000×1500 frame.
 */
public final class BarcodePhotos {

    /** A 20-digit traceability code of the demo drug behind {@link DemoData#EXAMPLE_BARCODE} (product identifier 8100001). */
    public static final String TRACEABILITY_CODE = "8100001" + "0000000000001";
    /** GS1 DataMatrix content of the same drug: GTIN, expiry 2028-12-31, batch, serial. */
    public static final String GS1_HUMAN_READABLE = "(01)06971200000012(17)281231(10)B2026(21)SN123";
    /** A checksum-valid EAN-13 that no demo drug carries. */
    public static final String UNKNOWN_EAN13 = "6901028075831";
    /** What the QR code of {@link Photo#KNOWN_AND_UNKNOWN} holds: not a drug code. */
    public static final String QR_TEXT = "https://example.cn/drug?id=42";

    private static final char GS = 0x1d;

    /** The photos a decoder must read, and one it must not find anything in. */
    public enum Photo {
        /** A straight, sharp EAN-13 on white: the easy case (PNG, 800×500). */
        CLEAN_EAN13,
        /** Held at a slant: the code rotated 12°. */
        ROTATED_12,
        /** The phone turned sideways. */
        ROTATED_90,
        /** The package photographed from an angle: sheared label, perspective of the whole frame. */
        PERSPECTIVE,
        /** Out of focus: Gaussian blur over bars about 3.5 pixels wide. */
        BLURRED,
        /** Grey bars on a grey label under dim light. */
        LOW_CONTRAST,
        /** A chat app's heavy re-compression (JPEG quality 0.3) over sensor noise. */
        JPEG_NOISE,
        /** A commodity barcode and a Code 128 traceability code on one package. */
        TWO_CODES,
        /** A GS1 DataMatrix: GTIN, expiry, batch, serial (FNC1 and GS separators). */
        GS1_DATAMATRIX,
        /** The demo drug's EAN-13, {@link #UNKNOWN_EAN13} and a QR code holding a web address. */
        KNOWN_AND_UNKNOWN,
        /** The EAN-13 photo as a lossless WebP (1600×1200, grey). */
        WEBP,
        /** Clutter, print and texture, but no code. */
        NO_CODE
    }

    private static final Map<Photo, byte[]> DRAWN = new java.util.concurrent.ConcurrentHashMap<>();

    private BarcodePhotos() {}

    /** The photo's file bytes (a fresh copy; each is drawn once per JVM, which takes a second or so). */
    public static byte[] photo(Photo photo) {
        return DRAWN.computeIfAbsent(photo, BarcodePhotos::draw).clone();
    }

    private static byte[] draw(Photo photo) {
        String ean = DemoData.EXAMPLE_BARCODE;
        return switch (photo) {
            case CLEAN_EAN13 ->
                new Scene(800, 500, 1, false)
                        .code(ean13(ean), 400, 250, 4.0, 0, 0, Color.BLACK, Color.WHITE)
                        .png();
            case ROTATED_12 ->
                new Scene(2000, 1500, 2, true)
                        .code(ean13(ean), 1150, 640, 3.2, 12, 0, INK, PAPER)
                        .light()
                        .blur(0.8)
                        .noise(4)
                        .jpeg(0.85f);
            case ROTATED_90 ->
                new Scene(2000, 1500, 3, true)
                        .code(ean13(ean), 760, 820, 3.2, 90, 0, INK, PAPER)
                        .light()
                        .blur(0.8)
                        .noise(4)
                        .jpeg(0.85f);
            case PERSPECTIVE ->
                new Scene(2000, 1500, 4, true)
                        .code(ean13(ean), 1000, 760, 3.6, -4, 0.22, INK, PAPER)
                        .perspective(new double[] {0, 0, 2000, 180, 2000, 1320, 0, 1500})
                        .light()
                        .blur(0.7)
                        .noise(4)
                        .jpeg(0.85f);
            case BLURRED ->
                new Scene(2000, 1500, 5, true)
                        .code(ean13(ean), 900, 700, 3.5, 3, 0, INK, PAPER)
                        .light()
                        .blur(2.2)
                        .noise(3)
                        .jpeg(0.85f);
            case LOW_CONTRAST ->
                new Scene(2000, 1500, 6, true, new Color(150, 148, 142)) // a grey box
                        .code(ean13(ean), 1100, 800, 3.4, -6, 0, new Color(112, 110, 104), new Color(150, 148, 142))
                        .dim(0.75)
                        .blur(0.8)
                        .noise(3)
                        .jpeg(0.85f);
            case JPEG_NOISE ->
                new Scene(2000, 1500, 7, true)
                        .code(ean13(ean), 950, 650, 3.4, 5, 0, INK, PAPER)
                        .light()
                        .blur(0.9)
                        .noise(14)
                        .jpeg(0.3f);
            case TWO_CODES ->
                new Scene(2000, 1500, 8, true)
                        .code(ean13(ean), 620, 520, 3.2, 4, 0, INK, PAPER)
                        .code(code128(TRACEABILITY_CODE), 1300, 1060, 2.6, -5, 0, INK, PAPER)
                        .light()
                        .blur(0.8)
                        .noise(4)
                        .jpeg(0.85f);
            case GS1_DATAMATRIX ->
                new Scene(2000, 1500, 9, true)
                        .code(gs1DataMatrix(), 1040, 720, 8, 20, 0, INK, PAPER)
                        .light()
                        .blur(0.9)
                        .noise(4)
                        .jpeg(0.85f);
            case KNOWN_AND_UNKNOWN ->
                new Scene(2000, 1500, 12, true)
                        .code(ean13(ean), 560, 520, 3.2, 3, 0, INK, PAPER)
                        .code(ean13(UNKNOWN_EAN13), 1380, 540, 3.2, -4, 0, INK, PAPER)
                        .code(qr(QR_TEXT), 1000, 1080, 6, 8, 0, INK, PAPER)
                        .light()
                        .blur(0.8)
                        .noise(4)
                        .jpeg(0.85f);
            case WEBP ->
                new Scene(1600, 1200, 10, true)
                        .code(ean13(ean), 820, 560, 3.2, 8, 0, INK, PAPER)
                        .light()
                        .blur(0.8)
                        .noise(4)
                        .webp();
            case NO_CODE ->
                new Scene(2000, 1500, 11, true).light().blur(0.8).noise(4).jpeg(0.85f);
        };
    }

    /** The demo drug's EAN-13 in a 2000×1500 photo (JPEG), turned by {@code degrees}: for sweeping orientations. */
    public static byte[] ean13Turned(double degrees) {
        return new Scene(2000, 1500, 20 + Math.round(degrees), true)
                .code(ean13(DemoData.EXAMPLE_BARCODE), 1050, 760, 3.4, degrees, 0, INK, PAPER)
                .light()
                .blur(0.8)
                .noise(4)
                .jpeg(0.85f);
    }

    /** A phone photo cut off in transfer: a JPEG's first third. Still a JPEG by its magic bytes. */
    public static byte[] truncatedJpeg() {
        byte[] whole = photo(Photo.ROTATED_12);
        return Arrays.copyOf(whole, whole.length / 3);
    }

    /** What a client might send as {@code label.jpg}: plain text. */
    public static byte[] textFile() {
        return "条码：6971200000012\n这不是图片。\n".getBytes(StandardCharsets.UTF_8);
    }

    /** Six megabytes that start like a JPEG: over the 5 MB limit. */
    public static byte[] sixMegabytes() {
        byte[] bytes = new byte[6 * 1024 * 1024];
        byte[] start = photo(Photo.ROTATED_12);
        System.arraycopy(start, 0, bytes, 0, Math.min(start.length, bytes.length));
        return bytes;
    }

    // ---------------------------------------------------------------- codes

    private static final Color INK = new Color(24, 24, 30);
    private static final Color PAPER = new Color(238, 236, 228);

    /** A code to draw: a module grid, and whether it is one-dimensional (bars drawn tall). */
    private record Code(BitMatrix modules, boolean linear) {}

    private static Code ean13(String digits) {
        return linear(encode(
                () -> new EAN13Writer().encode(digits, BarcodeFormat.EAN_13, 0, 1, Map.of(EncodeHintType.MARGIN, 11))));
    }

    private static Code code128(String text) {
        return linear(encode(() ->
                new Code128Writer().encode(text, BarcodeFormat.CODE_128, 0, 1, Map.of(EncodeHintType.MARGIN, 10))));
    }

    /**
     * Drawn codeword by codeword: ZXing 3.5.4's DataMatrixWriter either ignores GS1_FORMAT or (with
     * DATA_MATRIX_COMPACT) corrupts the end of this content, so the symbol is built as a GS1 printer does:
     * ASCII encodation, FNC1 first and as the separator, ECC 200 from ZXing's public encoder parts.
     */
    private static Code gs1DataMatrix() {
        String data = "01" + "06971200000012" + "17" + "281231" + "10" + "B2026" + GS + "21" + "SN123";
        StringBuilder codewords = new StringBuilder().append((char) 232); // FNC1 in first position: GS1
        for (int i = 0; i < data.length(); i++) {
            char c = data.charAt(i);
            boolean pair = i + 1 < data.length() && Character.isDigit(c) && Character.isDigit(data.charAt(i + 1));
            if (c == GS) {
                codewords.append((char) 232);
            } else if (pair) {
                codewords.append((char) (130 + (c - '0') * 10 + (data.charAt(++i) - '0')));
            } else {
                codewords.append((char) (c + 1));
            }
        }
        SymbolInfo symbol = SymbolInfo.lookup(codewords.length(), SymbolShapeHint.FORCE_SQUARE);
        if (codewords.length() < symbol.getDataCapacity()) {
            codewords.append((char) 129); // the first pad is plain, the rest are 253-state randomised
        }
        while (codewords.length() < symbol.getDataCapacity()) {
            int pad = 129 + ((149 * (codewords.length() + 1)) % 253) + 1;
            codewords.append((char) (pad <= 254 ? pad : pad - 254));
        }
        DefaultPlacement placement = new DefaultPlacement(
                ErrorCorrection.encodeECC200(codewords.toString(), symbol),
                symbol.getSymbolDataWidth(),
                symbol.getSymbolDataHeight());
        placement.place();
        return new Code(withQuietZone(dataMatrixModules(placement, symbol), 2), false);
    }

    /** The data regions with their finder (solid left and bottom) and clock (alternating top and right) edges. */
    private static BitMatrix dataMatrixModules(DefaultPlacement placement, SymbolInfo symbol) {
        BitMatrix matrix = new BitMatrix(symbol.getSymbolWidth(), symbol.getSymbolHeight());
        int my = 0;
        for (int y = 0; y < symbol.getSymbolDataHeight(); y++) {
            if (y % symbol.matrixHeight == 0) {
                for (int x = 0; x < symbol.getSymbolWidth(); x++) {
                    setIf(matrix, x, my, x % 2 == 0);
                }
                my++;
            }
            int mx = 0;
            for (int x = 0; x < symbol.getSymbolDataWidth(); x++) {
                if (x % symbol.matrixWidth == 0) {
                    setIf(matrix, mx++, my, true);
                }
                setIf(matrix, mx++, my, placement.getBit(x, y));
                if (x % symbol.matrixWidth == symbol.matrixWidth - 1) {
                    setIf(matrix, mx++, my, y % 2 == 0);
                }
            }
            my++;
            if (y % symbol.matrixHeight == symbol.matrixHeight - 1) {
                for (int x = 0; x < symbol.getSymbolWidth(); x++) {
                    setIf(matrix, x, my, true);
                }
                my++;
            }
        }
        return matrix;
    }

    private static void setIf(BitMatrix matrix, int x, int y, boolean dark) {
        if (dark) {
            matrix.set(x, y);
        }
    }

    private static Code qr(String text) {
        return new Code(
                encode(() ->
                        new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, Map.of(EncodeHintType.MARGIN, 2))),
                false);
    }

    private static Code linear(BitMatrix row) {
        return new Code(row, true);
    }

    private static BitMatrix withQuietZone(BitMatrix matrix, int modules) {
        BitMatrix padded = new BitMatrix(matrix.getWidth() + 2 * modules, matrix.getHeight() + 2 * modules);
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                if (matrix.get(x, y)) {
                    padded.set(x + modules, y + modules);
                }
            }
        }
        return padded;
    }

    private interface Encoding {
        BitMatrix run() throws WriterException;
    }

    private static BitMatrix encode(Encoding encoding) {
        try {
            return encoding.run();
        } catch (WriterException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- the scene

    /** A photo being made: background first, then codes, then what the camera and the network do to it. */
    private static final class Scene {

        private BufferedImage image;
        private final Random random;

        Scene(int width, int height, long seed, boolean cluttered) {
            this(width, height, seed, cluttered, new Color(246, 244, 238));
        }

        Scene(int width, int height, long seed, boolean cluttered, Color box) {
            random = new Random(seed);
            image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            if (!cluttered) {
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, width, height);
                g.dispose();
                return;
            }
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            // A counter top: smooth blotches of a warm colour at two scales.
            g.drawImage(blotches(width / 60, height / 60, 150, 60), 0, 0, width, height, null);
            g.setComposite(java.awt.AlphaComposite.getInstance(java.awt.AlphaComposite.SRC_OVER, 0.35f));
            g.drawImage(blotches(width / 12, height / 12, 140, 70), 0, 0, width, height, null);
            g.setComposite(java.awt.AlphaComposite.SrcOver);
            // Wood grain and scratches.
            for (int i = 0; i < 120; i++) {
                g.setColor(new Color(90 + random.nextInt(60), 60 + random.nextInt(40), 30 + random.nextInt(30), 60));
                g.setStroke(new BasicStroke(1 + random.nextFloat() * 3));
                int y = random.nextInt(height);
                g.drawLine(0, y, width, y + random.nextInt(200) - 100);
            }
            // A package box with printed text lines and a logo: edges and stripes a barcode finder must not mistake.
            g.setColor(box);
            g.fillRoundRect(width / 10, height / 10, width * 8 / 10, height * 8 / 10, 30, 30);
            g.setColor(new Color(200, 40, 50));
            g.fillRect(width / 10, height / 10, width * 8 / 10, height / 14);
            for (int line = 0; line < 14; line++) {
                int y = height / 10 + height / 12 + 24 + line * 30;
                int x = width / 10 + 40;
                g.setColor(line % 5 == 0 ? new Color(30, 60, 140) : new Color(40, 40, 40));
                while (x < width / 10 + width * 3 / 10) {
                    int glyph = 8 + random.nextInt(14);
                    g.fillRect(x, y + random.nextInt(4), glyph, 14 + random.nextInt(6));
                    x += glyph + 3 + random.nextInt(8);
                }
            }
            g.setColor(new Color(30, 110, 60));
            g.fillOval(width * 7 / 10, height / 10 + height / 10, height / 6, height / 6);
            g.dispose();
        }

        private BufferedImage blotches(int w, int h, int base, int spread) {
            BufferedImage small = new BufferedImage(Math.max(2, w), Math.max(2, h), BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < small.getHeight(); y++) {
                for (int x = 0; x < small.getWidth(); x++) {
                    int v = base + random.nextInt(spread);
                    small.setRGB(x, y, new Color(clamp(v + 30), clamp(v), clamp(v - 40)).getRGB());
                }
            }
            return small;
        }

        /**
         * Draws a code on its label, centred at (cx, cy), {@code module} pixels per module, rotated by {@code degrees}
         * and sheared horizontally by {@code shear}.
         */
        Scene code(
                Code code, double cx, double cy, double module, double degrees, double shear, Color ink, Color paper) {
            BitMatrix m = code.modules();
            double w = m.getWidth() * module;
            double h = code.linear() ? w * 0.55 : m.getHeight() * module;
            Graphics2D g = image.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            AffineTransform at = new AffineTransform();
            at.translate(cx, cy);
            at.rotate(Math.toRadians(degrees));
            at.shear(shear, 0);
            at.translate(-w / 2, -h / 2);
            g.transform(at);
            double pad = code.linear() ? module * 2 : module;
            g.setColor(paper);
            g.fill(new Rectangle2D.Double(-pad, -pad, w + 2 * pad, h + 2 * pad + (code.linear() ? module * 9 : 0)));
            g.setColor(ink);
            if (code.linear()) {
                for (int x = 0; x < m.getWidth(); x++) {
                    if (m.get(x, 0)) {
                        g.fill(new Rectangle2D.Double(x * module, 0, module, h));
                    }
                }
                // The human-readable digits under the bars, as blobs: real photos have them too.
                for (int i = 0; i < 13; i++) {
                    g.fill(new Rectangle2D.Double(module * (6 + i * 7.2), h + module * 2, module * 4.2, module * 6));
                }
            } else {
                for (int y = 0; y < m.getHeight(); y++) {
                    for (int x = 0; x < m.getWidth(); x++) {
                        if (m.get(x, y)) {
                            g.fill(new Rectangle2D.Double(x * module, y * module, module, module));
                        }
                    }
                }
            }
            g.dispose();
            return this;
        }

        /**
         * A camera not square to the package: the frame's corners (x0,y0 .. x3,y3, clockwise from top left) are
         * where the photo's corners come from.
         */
        Scene perspective(double[] sourceCorners) {
            int w = image.getWidth();
            int h = image.getHeight();
            double[] hm = homography(new double[] {0, 0, w, 0, w, h, 0, h}, sourceCorners);
            int[] source = pixels();
            BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            int[] target = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double d = hm[6] * x + hm[7] * y + 1;
                    double u = (hm[0] * x + hm[1] * y + hm[2]) / d;
                    double v = (hm[3] * x + hm[4] * y + hm[5]) / d;
                    target[y * w + x] = sample(source, w, h, u, v);
                }
            }
            image = out;
            return this;
        }

        /** Uneven light: brighter towards one corner, a shadow towards the other. */
        Scene light() {
            int w = image.getWidth();
            int h = image.getHeight();
            double angle = random.nextDouble() * Math.PI * 2;
            double dx = Math.cos(angle);
            double dy = Math.sin(angle);
            double diagonal = Math.hypot(w, h);
            int[] px = pixels();
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double t = ((x - w / 2.0) * dx + (y - h / 2.0) * dy) / diagonal;
                    px[y * w + x] = scaled(px[y * w + x], 0.95 + t * 0.35);
                }
            }
            return this;
        }

        Scene dim(double factor) {
            int[] px = pixels();
            for (int i = 0; i < px.length; i++) {
                px[i] = scaled(px[i], factor);
            }
            return this;
        }

        Scene blur(double sigma) {
            int radius = (int) Math.ceil(sigma * 3);
            float[] kernel = new float[2 * radius + 1];
            float sum = 0;
            for (int i = -radius; i <= radius; i++) {
                kernel[i + radius] = (float) Math.exp(-(i * i) / (2 * sigma * sigma));
                sum += kernel[i + radius];
            }
            for (int i = 0; i < kernel.length; i++) {
                kernel[i] /= sum;
            }
            image = new ConvolveOp(new Kernel(kernel.length, 1, kernel), ConvolveOp.EDGE_NO_OP, null)
                    .filter(image, null);
            image = new ConvolveOp(new Kernel(1, kernel.length, kernel), ConvolveOp.EDGE_NO_OP, null)
                    .filter(image, null);
            return this;
        }

        /** Sensor noise: Gaussian, per channel. */
        Scene noise(double sigma) {
            int[] px = pixels();
            // Java 17's SplittableRandom draws Gaussians by ziggurat: far faster than Random's, as deterministic.
            java.util.SplittableRandom fast = new java.util.SplittableRandom(random.nextLong());
            for (int i = 0; i < px.length; i++) {
                int rgb = px[i];
                int r = clamp(((rgb >> 16) & 0xff) + (int) Math.round(fast.nextGaussian() * sigma));
                int g = clamp(((rgb >> 8) & 0xff) + (int) Math.round(fast.nextGaussian() * sigma));
                int b = clamp((rgb & 0xff) + (int) Math.round(fast.nextGaussian() * sigma));
                px[i] = (r << 16) | (g << 8) | b;
            }
            return this;
        }

        byte[] jpeg(float quality) {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
                writer.setOutput(stream);
                ImageWriteParam param = writer.getDefaultWriteParam();
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(quality);
                writer.write(null, new IIOImage(image, null, null), param);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                writer.dispose();
            }
            return out.toByteArray();
        }

        byte[] png() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                ImageIO.write(image, "png", out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        }

        byte[] webp() {
            return LosslessWebp.encodeGrey(image);
        }

        /** The pixels themselves (TYPE_INT_RGB), not a copy: per-pixel calls are too slow for 3 megapixels. */
        private int[] pixels() {
            if (image.getType() != BufferedImage.TYPE_INT_RGB) {
                BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
                Graphics2D g = rgb.createGraphics();
                g.drawImage(image, 0, 0, null);
                g.dispose();
                image = rgb;
            }
            return ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        }

        private static int scaled(int rgb, double factor) {
            int r = clamp((int) (((rgb >> 16) & 0xff) * factor));
            int g = clamp((int) (((rgb >> 8) & 0xff) * factor));
            int b = clamp((int) ((rgb & 0xff) * factor));
            return (r << 16) | (g << 8) | b;
        }

        private static int sample(int[] px, int w, int h, double u, double v) {
            int x0 = (int) Math.floor(u);
            int y0 = (int) Math.floor(v);
            double fx = u - x0;
            double fy = v - y0;
            int c00 = pixel(px, w, h, x0, y0);
            int c10 = pixel(px, w, h, x0 + 1, y0);
            int c01 = pixel(px, w, h, x0, y0 + 1);
            int c11 = pixel(px, w, h, x0 + 1, y0 + 1);
            int rgb = 0;
            for (int shift = 16; shift >= 0; shift -= 8) {
                double top = ((c00 >> shift) & 0xff) * (1 - fx) + ((c10 >> shift) & 0xff) * fx;
                double bottom = ((c01 >> shift) & 0xff) * (1 - fx) + ((c11 >> shift) & 0xff) * fx;
                rgb |= clamp((int) Math.round(top * (1 - fy) + bottom * fy)) << shift;
            }
            return rgb;
        }

        private static int pixel(int[] px, int w, int h, int x, int y) {
            if (x < 0 || y < 0 || x >= w || y >= h) {
                return 0x202020; // outside the package: the dark room behind
            }
            return px[y * w + x];
        }
    }

    /** The 3×3 projective map (h22 = 1) taking the four {@code from} points to the four {@code to} points. */
    private static double[] homography(double[] from, double[] to) {
        double[][] a = new double[8][9];
        for (int i = 0; i < 4; i++) {
            double x = from[2 * i];
            double y = from[2 * i + 1];
            double u = to[2 * i];
            double v = to[2 * i + 1];
            a[2 * i] = new double[] {x, y, 1, 0, 0, 0, -u * x, -u * y, u};
            a[2 * i + 1] = new double[] {0, 0, 0, x, y, 1, -v * x, -v * y, v};
        }
        for (int col = 0; col < 8; col++) { // Gauss-Jordan with partial pivoting
            int pivot = col;
            for (int row = col + 1; row < 8; row++) {
                if (Math.abs(a[row][col]) > Math.abs(a[pivot][col])) {
                    pivot = row;
                }
            }
            double[] swap = a[col];
            a[col] = a[pivot];
            a[pivot] = swap;
            for (int row = 0; row < 8; row++) {
                if (row != col) {
                    double f = a[row][col] / a[col][col];
                    for (int k = col; k < 9; k++) {
                        a[row][k] -= f * a[col][k];
                    }
                }
            }
        }
        double[] h = new double[8];
        for (int i = 0; i < 8; i++) {
            h[i] = a[i][8] / a[i][i];
        }
        return h;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
