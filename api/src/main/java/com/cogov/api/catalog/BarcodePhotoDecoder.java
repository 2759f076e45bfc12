package com.cogov.api.catalog;

import com.cogov.api.shared.ImageUpload;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.Binarizer;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.Reader;
import com.google.zxing.Result;
import com.google.zxing.ResultMetadataType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.GenericMultipleBarcodeReader;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Finds the codes in a phone photo of a drug package: EAN-13, EAN-8, UPC-A, Code 128 (traceability codes, GS1-128),
 * DataMatrix and QR, several per photo.
 * <p>
 * ZXing is run in passes from cheap to expensive, stopping at the first pass that finds anything, within a time
 * budget. The order was measured on the test photos (BarcodePhotos in dev-services; figures in the commit message):
 * a plain pass at up to 2048 px reads sharp photos in 10–90 ms; blur, noise and low contrast need TRY_HARDER, which
 * reads them best at half size (downscaling averages blur and noise away); a photo taken sideways needs the image
 * turned 90°. Turning it 180° or 270° is never tried: ZXing reads every row both ways, TRY_HARDER turns the frame
 * 90° itself, and the DataMatrix and QR detectors do not care about orientation, so those passes could only repeat
 * the 0° and 90° ones.
 * <p>
 * Codes at a slant read up to about 30° off level or upright. Diagonal ones (around 45°) are not read on purpose:
 * passes over a frame turned 45° found them, but one read in ten was a wrong code with a valid check digit (the
 * resampling distorts bar widths), and a wrong drug is worse than asking the clerk to retake the photo.
 * <p>
 * Decoding is CPU-bound: at most one photo per core is decoded at once, so a burst of uploads cannot starve
 * sign-ins and lookups on a 2-core node; beyond that, callers wait briefly and are then asked to retry.
 */
@Singleton
class BarcodePhotoDecoder {

    /** One thing found: what kind of symbol, its text, and the symbology identifier that says whether it is GS1. */
    record Found(
            BarcodeFormat format, String text, @Nullable String symbologyIdentifier) {}

    enum Size {
        WORKING,
        HALF
    }

    enum Threshold {
        HYBRID,
        GLOBAL_HISTOGRAM
    }

    /** One way of looking at the photo. */
    record Pass(Size size, int rotation, Threshold threshold, boolean tryHarder) {}

    static final List<BarcodeFormat> FORMATS = List.of(
            BarcodeFormat.EAN_13,
            BarcodeFormat.EAN_8,
            BarcodeFormat.UPC_A,
            BarcodeFormat.CODE_128,
            BarcodeFormat.DATA_MATRIX,
            BarcodeFormat.QR_CODE);

    static final List<Pass> PASSES = List.of(
            new Pass(Size.WORKING, 0, Threshold.HYBRID, false),
            new Pass(Size.HALF, 0, Threshold.HYBRID, true),
            new Pass(Size.WORKING, 90, Threshold.HYBRID, false),
            new Pass(Size.WORKING, 0, Threshold.HYBRID, true),
            new Pass(Size.WORKING, 0, Threshold.GLOBAL_HISTOGRAM, true),
            new Pass(Size.HALF, 0, Threshold.GLOBAL_HISTOGRAM, true));

    /** After this, no new pass starts and no further region is searched: the clerk had better retake the photo. */
    static final Duration BUDGET = Duration.ofMillis(2500);

    private static final int CONCURRENT_DECODES =
            Math.max(1, Runtime.getRuntime().availableProcessors());
    private static final Duration MAX_WAIT = Duration.ofSeconds(3);

    private final Semaphore permits = new Semaphore(CONCURRENT_DECODES, true);

    /**
     * @throws com.cogov.api.shared.ImageUnreadableException the upload's pixels cannot be read
     * @throws BarcodeDecoderBusyException  every core is decoding another photo, for longer than a short wait
     */
    List<Found> decode(ImageUpload photo) {
        acquire();
        try {
            BufferedImage grey = PhotoReader.readGrey(photo);
            return decode(grey, PASSES, System.nanoTime() + BUDGET.toNanos());
        } finally {
            permits.release();
        }
    }

    /** The codes the first successful pass finds, each once; empty if none does before the deadline. */
    static List<Found> decode(BufferedImage grey, List<Pass> passes, long deadlineNanos) {
        BufferedImage half = null;
        for (Pass pass : passes) {
            if (System.nanoTime() > deadlineNanos) {
                break;
            }
            BufferedImage image = grey;
            if (pass.size() == Size.HALF) {
                half = half != null ? half : PhotoReader.half(grey);
                image = half;
            }
            List<Found> found = run(image, pass, deadlineNanos);
            if (!found.isEmpty()) {
                return found;
            }
        }
        return List.of();
    }

    static List<Found> run(BufferedImage image, Pass pass, long deadlineNanos) {
        LuminanceSource source = new BufferedImageLuminanceSource(image);
        if (pass.rotation() == 90) {
            source = source.rotateCounterClockwise(); // exact: no resampling
        }
        Binarizer binarizer = pass.threshold() == Threshold.HYBRID
                ? new HybridBinarizer(source)
                : new GlobalHistogramBinarizer(source);
        BinaryBitmap bitmap = new BinaryBitmap(binarizer);
        Reader reader = new WholeFrameHarder(
                hints(pass.tryHarder()), hints(false), bitmap.getWidth(), bitmap.getHeight(), deadlineNanos);
        Map<String, Found> distinct = new LinkedHashMap<>();
        try {
            for (Result result : new GenericMultipleBarcodeReader(reader).decodeMultiple(bitmap)) {
                Object symbology = result.getResultMetadata() == null
                        ? null
                        : result.getResultMetadata().get(ResultMetadataType.SYMBOLOGY_IDENTIFIER);
                distinct.putIfAbsent(
                        result.getBarcodeFormat() + ":" + result.getText(),
                        new Found(
                                result.getBarcodeFormat(),
                                result.getText(),
                                symbology == null ? null : symbology.toString()));
            }
        } catch (NotFoundException e) {
            return List.of();
        }
        return new ArrayList<>(distinct.values());
    }

    private static Map<DecodeHintType, Object> hints(boolean tryHarder) {
        Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
        hints.put(DecodeHintType.POSSIBLE_FORMATS, FORMATS);
        // GS1-128: keep FNC1 separators as GS (and the ]C1 prefix), or variable-length elements run together.
        hints.put(DecodeHintType.ASSUME_GS1, Boolean.TRUE);
        if (tryHarder) {
            hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        }
        return hints;
    }

    private void acquire() {
        try {
            if (!permits.tryAcquire(MAX_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new BarcodeDecoderBusyException();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BarcodeDecoderBusyException();
        }
    }

    /**
     * TRY_HARDER on the whole frame only. Once it finds a code, GenericMultipleBarcodeReader searches the regions
     * left, right, above and below it for more, recursively; with TRY_HARDER each of those searches scans every row
     * and then the frame turned 90°, which took 1.5 s for a photo with two codes instead of 90 ms. Past the
     * deadline every search ends at once, so the codes found so far are returned.
     */
    private static final class WholeFrameHarder implements Reader {
        private final MultiFormatReader whole = new MultiFormatReader();
        private final MultiFormatReader region = new MultiFormatReader();
        private final int width;
        private final int height;
        private final long deadlineNanos;

        WholeFrameHarder(
                Map<DecodeHintType, Object> wholeHints,
                Map<DecodeHintType, Object> regionHints,
                int width,
                int height,
                long deadlineNanos) {
            whole.setHints(wholeHints);
            region.setHints(regionHints);
            this.width = width;
            this.height = height;
            this.deadlineNanos = deadlineNanos;
        }

        @Override
        public Result decode(BinaryBitmap image) throws NotFoundException {
            return decode(image, null);
        }

        @Override
        public Result decode(BinaryBitmap image, Map<DecodeHintType, ?> ignored) throws NotFoundException {
            if (System.nanoTime() > deadlineNanos) {
                throw NotFoundException.getNotFoundInstance();
            }
            boolean wholeFrame = image.getWidth() == width && image.getHeight() == height;
            return (wholeFrame ? whole : region).decodeWithState(image);
        }

        @Override
        public void reset() {
            whole.reset();
            region.reset();
        }
    }
}
