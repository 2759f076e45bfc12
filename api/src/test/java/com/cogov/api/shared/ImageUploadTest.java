package com.cogov.api.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cogov.contracts.error.ErrorCode;
import com.cogov.infra.dev.BadImages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ImageUploadTest {

    @Test
    void acceptsRealPngAndJpegByContent() throws IOException {
        assertThat(ImageUpload.of(encode("png")).mediaType()).isEqualTo("image/png");
        assertThat(ImageUpload.of(encode("jpg")).mediaType()).isEqualTo("image/jpeg");
    }

    @Test
    void refusesAnHtmlPageOrPdfDisguisedAsAPhoto() {
        byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ImageUpload.of(html))
                .isInstanceOfSatisfying(
                        CogovException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UPLOAD_NOT_AN_IMAGE));
        byte[] pdf = "%PDF-1.7\n1 0 obj".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> ImageUpload.of(pdf))
                .isInstanceOfSatisfying(
                        CogovException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UPLOAD_NOT_AN_IMAGE));
    }

    @Test
    void refusesEmptyAndOversizedUploads() {
        assertThatThrownBy(() -> ImageUpload.of(new byte[0]))
                .isInstanceOfSatisfying(
                        CogovException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UPLOAD_EMPTY));
        assertThatThrownBy(() -> ImageUpload.of(new byte[ImageUpload.MAX_BYTES + 1]))
                .isInstanceOfSatisfying(
                        CogovException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UPLOAD_TOO_LARGE));
    }

    @Test
    void refusesAnImageDeclaringMoreThanFiftyMegapixelsFromItsHeaderAlone() {
        assertThatThrownBy(() -> ImageUpload.of(BadImages.hugeBlankPng(20_000, 20_000)))
                .isInstanceOfSatisfying(ImageUnreadableException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.IMAGE_UNREADABLE);
                    assertThat(e.getMessage()).contains("20000×20000");
                });
    }

    @Test
    void aCompleteImageDecodesAndOnesCutOffOrWithGarbageAfterTheHeaderDoNot() throws IOException {
        assertThat(ImageUpload.of(encode("png")).requireComplete().mediaType()).isEqualTo("image/png");
        assertThatThrownBy(() -> ImageUpload.of(BadImages.truncatedPng()).requireComplete())
                .isInstanceOf(ImageUnreadableException.class);
        assertThatThrownBy(() -> ImageUpload.of(BadImages.pngThenHtml()).requireComplete())
                .isInstanceOf(ImageUnreadableException.class);
    }

    private static byte[] encode(String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(20, 20, BufferedImage.TYPE_INT_RGB), format, out);
        return out.toByteArray();
    }
}
