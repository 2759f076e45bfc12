package com.cogov.api.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cogov.api.shared.ImageUnreadableException;
import com.cogov.api.shared.ImageUpload;
import com.cogov.contracts.error.ErrorCode;
import com.cogov.infra.dev.BarcodePhotos;
import com.cogov.infra.dev.BarcodePhotos.Photo;
import com.cogov.infra.dev.DemoData;
import com.google.zxing.BarcodeFormat;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The decoder on the photos of BarcodePhotos: what a phone at the counter produces. */
class BarcodePhotoDecoderTest {

    private final BarcodePhotoDecoder decoder = new BarcodePhotoDecoder();

    @ParameterizedTest
    @EnumSource(
            value = Photo.class,
            names = {
                "CLEAN_EAN13",
                "ROTATED_12",
                "ROTATED_90",
                "PERSPECTIVE",
                "BLURRED",
                "LOW_CONTRAST",
                "JPEG_NOISE",
                "WEBP"
            })
    void readsTheDemoDrugsEan13InEveryPhoto(Photo photo) {
        assertThat(decode(BarcodePhotos.photo(photo)))
                .containsExactly(new BarcodePhotoDecoder.Found(BarcodeFormat.EAN_13, DemoData.EXAMPLE_BARCODE, "]E0"));
    }

    @Test
    void readsBothCodesOfAPackageWithACommodityBarcodeAndATraceabilityCode() {
        assertThat(decode(BarcodePhotos.photo(Photo.TWO_CODES)))
                .extracting(BarcodePhotoDecoder.Found::format, BarcodePhotoDecoder.Found::text)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(BarcodeFormat.EAN_13, DemoData.EXAMPLE_BARCODE),
                        org.assertj.core.groups.Tuple.tuple(BarcodeFormat.CODE_128, BarcodePhotos.TRACEABILITY_CODE));
    }

    @Test
    void readsAGs1DataMatrixWithItsFnc1() {
        List<BarcodePhotoDecoder.Found> found = decode(BarcodePhotos.photo(Photo.GS1_DATAMATRIX));
        assertThat(found).hasSize(1);
        assertThat(found.get(0).format()).isEqualTo(BarcodeFormat.DATA_MATRIX);
        assertThat(found.get(0).symbologyIdentifier()).isEqualTo("]d2");
        assertThat(Gs1ElementString.parse(found.get(0).text(), found.get(0).symbologyIdentifier())
                        .orElseThrow()
                        .humanReadable())
                .isEqualTo(BarcodePhotos.GS1_HUMAN_READABLE);
    }

    /** Not tried as passes of their own: rows are read both ways, and ZXing's TRY_HARDER turns the frame 90°. */
    @ParameterizedTest
    @ValueSource(ints = {180, 270, 200, 340})
    void readsACodeUpsideDownOrTurnedTheOtherWay(int degrees) {
        assertThat(decode(BarcodePhotos.ean13Turned(degrees)))
                .extracting(BarcodePhotoDecoder.Found::text)
                .containsExactly(DemoData.EXAMPLE_BARCODE);
    }

    @ParameterizedTest
    @ValueSource(ints = {30, 60, 150, 330})
    void readsACodeHeldUpToThirtyDegreesOffLevelOrUpright(int degrees) {
        assertThat(decode(BarcodePhotos.ean13Turned(degrees)))
                .extracting(BarcodePhotoDecoder.Found::text)
                .containsExactly(DemoData.EXAMPLE_BARCODE);
    }

    /** Passes over a frame turned 45° read these, one time in ten as a wrong code with a valid check digit. */
    @ParameterizedTest
    @ValueSource(ints = {35, 45, 125, 135})
    void neverGuessesADiagonalCode(int degrees) {
        assertThat(decode(BarcodePhotos.ean13Turned(degrees)))
                .extracting(BarcodePhotoDecoder.Found::text)
                .isSubsetOf(DemoData.EXAMPLE_BARCODE);
    }

    @Test
    void findsNothingInAPhotoWithoutACode() {
        assertThat(decode(BarcodePhotos.photo(Photo.NO_CODE))).isEmpty();
    }

    @Test
    void aJpegCutOffInTransferIsUnreadableNotAGreyPhoto() {
        assertThatThrownBy(() -> decode(BarcodePhotos.truncatedJpeg()))
                .isInstanceOfSatisfying(ImageUnreadableException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.IMAGE_UNREADABLE);
                    assertThat(e.getMessage()).contains("不完整");
                });
    }

    @Test
    void aPngWhosePixelsAreGarbageIsUnreadable() {
        byte[] png = BarcodePhotos.photo(Photo.CLEAN_EAN13);
        byte[] damaged = Arrays.copyOf(png, png.length);
        for (int i = 100; i < damaged.length - 20; i += 7) {
            damaged[i] ^= 0x5a;
        }
        assertThatThrownBy(() -> decode(damaged)).isInstanceOf(ImageUnreadableException.class);
    }

    @Test
    void aSmallFileDeclaringAHugeImageIsRefusedBeforeItsPixelsAreDecoded() {
        byte[] bomb = pngHeader(30_000, 30_000);
        assertThatThrownBy(() -> decode(bomb))
                .isInstanceOfSatisfying(
                        ImageUnreadableException.class,
                        e -> assertThat(e.getMessage()).contains("30000×30000"));
    }

    private List<BarcodePhotoDecoder.Found> decode(byte[] photo) {
        return decoder.decode(ImageUpload.of(photo));
    }

    /** A PNG signature, an IHDR for the given size (8-bit grey) and IEND: what a decompression bomb starts with. */
    private static byte[] pngHeader(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        chunk(
                out,
                "IHDR",
                ByteBuffer.allocate(13)
                        .putInt(width)
                        .putInt(height)
                        .put((byte) 8)
                        .put((byte) 0)
                        .put((byte) 0)
                        .put((byte) 0)
                        .put((byte) 0)
                        .array());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
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
