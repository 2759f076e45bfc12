package com.cogov.bff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.cogov.contracts.account.Tokens;
import com.cogov.contracts.catalog.DecodedBarcodes;
import com.cogov.contracts.catalog.DecodedBarcodes.DecodedBarcode;
import com.cogov.contracts.catalog.DrugView;
import com.cogov.contracts.error.Problem;
import com.cogov.infra.dev.BarcodePhotos;
import com.cogov.infra.dev.BarcodePhotos.Photo;
import com.cogov.infra.dev.DemoData;
import com.cogov.infra.dev.DevServicesTest;
import com.cogov.infra.dev.RawHttp;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A clerk photographs a package when the phone's scanner fails; the server finds the codes and the drugs. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BarcodePhotoTest implements DevServicesTest {

    private static final String DECODE = "/mp/v1/drugs/barcode/decode";

    private static final String DEMO_DRUG = "复方盐酸伪麻黄碱缓释胶囊";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    EmbeddedServer server;

    MiniProgramSessions mp;
    RawHttp raw;
    Tokens clerk;

    @BeforeAll
    void signIn() {
        mp = new MiniProgramSessions(client);
        raw = new RawHttp(server.getURI());
        clerk = mp.signIn("demo-clerk");
    }

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
    void theDemoDrugIsFoundInEveryPhotoOfItsBarcode(Photo photo) {
        DecodedBarcodes decoded = decode(BarcodePhotos.photo(photo), "photo." + extension(photo), clerk);
        assertThat(decoded.codes()).hasSize(1);
        DecodedBarcode code = decoded.codes().get(0);
        assertThat(code.format()).isEqualTo(DecodedBarcodes.Format.EAN_13);
        assertThat(code.text()).isEqualTo(DemoData.EXAMPLE_BARCODE);
        assertThat(code.drug().genericName()).isEqualTo(DEMO_DRUG);
        assertThat(code.errorCode()).isNull();
        assertThat(decoded.decodeMillis()).isNotNegative();
    }

    @Test
    void bothCodesOfAPackageAreReadAndResolved() {
        DecodedBarcodes decoded = decode(BarcodePhotos.photo(Photo.TWO_CODES), "photo.jpg", clerk);
        assertThat(decoded.codes())
                .extracting(
                        DecodedBarcode::format,
                        DecodedBarcode::text,
                        c -> c.drug().genericName(),
                        c -> c.drug().matchedBy())
                .containsExactlyInAnyOrder(
                        tuple(
                                DecodedBarcodes.Format.EAN_13,
                                DemoData.EXAMPLE_BARCODE,
                                DEMO_DRUG,
                                DrugView.MatchKind.COMMODITY_BARCODE),
                        tuple(
                                DecodedBarcodes.Format.CODE_128,
                                BarcodePhotos.TRACEABILITY_CODE,
                                DEMO_DRUG,
                                DrugView.MatchKind.TRACEABILITY_CODE));
    }

    @Test
    void aGs1DataMatrixShowsItsExpiryBatchAndSerialAndTheDrug() {
        DecodedBarcode code = decode(BarcodePhotos.photo(Photo.GS1_DATAMATRIX), "dm.jpg", clerk)
                .codes()
                .get(0);
        assertThat(code.format()).isEqualTo(DecodedBarcodes.Format.DATA_MATRIX);
        assertThat(code.gs1())
                .isEqualTo(new DecodedBarcodes.Gs1Elements(
                        "06971200000012", LocalDate.of(2028, 12, 31), "B2026", "SN123"));
        assertThat(code.code()).isEqualTo(DemoData.EXAMPLE_BARCODE);
        assertThat(code.drug().genericName()).isEqualTo(DEMO_DRUG);
    }

    @Test
    void aCodeTheCatalogLacksDoesNotFailTheCodesItKnows() {
        DecodedBarcodes decoded = decode(BarcodePhotos.photo(Photo.KNOWN_AND_UNKNOWN), "photo.jpg", clerk);
        assertThat(decoded.codes())
                .extracting(
                        DecodedBarcode::text,
                        c -> c.drug() == null ? null : c.drug().genericName(),
                        DecodedBarcode::errorCode)
                .containsExactlyInAnyOrder(
                        tuple(DemoData.EXAMPLE_BARCODE, DEMO_DRUG, null),
                        tuple(BarcodePhotos.UNKNOWN_EAN13, null, "DRUG_NOT_FOUND"),
                        tuple(BarcodePhotos.QR_TEXT, null, "BARCODE_INVALID"));
    }

    @Test
    void thePublicMayDecodeToo() {
        Tokens citizen = mp.signIn("citizen-" + UUID.randomUUID());
        assertThat(decode(BarcodePhotos.photo(Photo.CLEAN_EAN13), "a.png", citizen)
                        .codes())
                .hasSize(1);
    }

    @Test
    void aPhotoWithoutACodeGetsAdviceOnRetaking() {
        Problem p = mp.refused(
                upload(BarcodePhotos.photo(Photo.NO_CODE), "photo.jpg", MediaType.IMAGE_JPEG_TYPE)
                        .bearerAuth(clerk.accessToken()),
                422);
        assertThat(p.code()).isEqualTo("BARCODE_NOT_FOUND_IN_IMAGE");
        assertThat(p.title()).isEqualTo("未识别到条码：请对准条码、保持清晰、避免反光");
        assertThat(p.detail()).contains("手工输入");
    }

    @Test
    void aPhotoCutOffInTransferIsUnreadableNotAServerError() {
        Problem p = mp.refused(
                upload(BarcodePhotos.truncatedJpeg(), "photo.jpg", MediaType.IMAGE_JPEG_TYPE)
                        .bearerAuth(clerk.accessToken()),
                422);
        assertThat(p.code()).isEqualTo("IMAGE_UNREADABLE");
        assertThat(p.title()).isEqualTo("图片无法读取，请重新拍摄");
    }

    @Test
    void aTextFileNamedLikeAPhotoIsRefusedByItsContent() {
        assertThat(mp.refused(
                                upload(BarcodePhotos.textFile(), "label.jpg", MediaType.IMAGE_JPEG_TYPE)
                                        .bearerAuth(clerk.accessToken()),
                                415)
                        .code())
                .isEqualTo("UPLOAD_NOT_AN_IMAGE");
    }

    @Test
    void anEmptyUploadIsRefused() {
        assertThat(mp.refused(
                                upload(new byte[0], "photo.jpg", MediaType.IMAGE_JPEG_TYPE)
                                        .bearerAuth(clerk.accessToken()),
                                400)
                        .code())
                .isEqualTo("UPLOAD_EMPTY");
    }

    @Test
    void aRequestWithoutThePhotoIsRefused() {
        MultipartBody body =
                MultipartBody.builder().addPart("note", "no image here").build();
        MutableHttpRequest<?> request = HttpRequest.POST("/mp/v1/drugs/barcode/decode", body)
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE)
                .bearerAuth(clerk.accessToken());
        assertThat(mp.refused(request, 400).code()).isEqualTo("MISSING_PARAMETER");
    }

    @Test
    void aPartWithoutANameIsAMalformedRequestNotAServerError() {
        byte[] photo = BarcodePhotos.photo(Photo.CLEAN_EAN13);
        for (String disposition : java.util.List.of("form-data; filename=\"a.png\"", "form-data")) {
            RawHttp.Response answer = raw.post(
                    DECODE,
                    "multipart/form-data; boundary=cogov",
                    RawHttp.multipart("cogov", disposition, "image/png", photo),
                    clerk.accessToken());
            assertThat(answer.status()).as(disposition).isEqualTo(400);
            assertThat(answer.contentType()).as(disposition).startsWith(Problem.MEDIA_TYPE);
            assertThat(answer.code()).as(disposition).isEqualTo("MALFORMED_REQUEST");
            assertThat(answer.json().path("detail").asText()).as(disposition).contains("image");
        }
        // an empty name is a part that is not the photo
        RawHttp.Response emptyName = raw.post(
                DECODE,
                "multipart/form-data; boundary=cogov",
                RawHttp.multipart("cogov", "form-data; name=\"\"; filename=\"a.png\"", "image/png", photo),
                clerk.accessToken());
        assertThat(emptyName.status()).isEqualTo(400);
        assertThat(emptyName.code()).isEqualTo("MISSING_PARAMETER");
    }

    @Test
    void aSixMegabytePhotoIsTooLarge() {
        Problem p = mp.refused(
                upload(BarcodePhotos.sixMegabytes(), "big.jpg", MediaType.IMAGE_JPEG_TYPE)
                        .bearerAuth(clerk.accessToken()),
                413);
        assertThat(p.code()).isEqualTo("UPLOAD_TOO_LARGE");
        assertThat(p.title()).contains("5MB");
    }

    @Test
    void decodingNeedsASignIn() {
        assertThat(mp.refused(upload(BarcodePhotos.photo(Photo.CLEAN_EAN13), "a.png", MediaType.IMAGE_PNG_TYPE), 401)
                        .code())
                .isEqualTo("UNAUTHENTICATED");
    }

    private DecodedBarcodes decode(byte[] photo, String fileName, Tokens tokens) {
        return mp.call(upload(photo, fileName, MediaType.APPLICATION_OCTET_STREAM_TYPE), tokens, DecodedBarcodes.class);
    }

    /** The declared type is whatever the client says; the server must judge the bytes. */
    private static MutableHttpRequest<?> upload(byte[] photo, String fileName, MediaType declared) {
        MultipartBody body = MultipartBody.builder()
                .addPart("image", fileName, declared, photo)
                .build();
        return HttpRequest.POST("/mp/v1/drugs/barcode/decode", body).contentType(MediaType.MULTIPART_FORM_DATA_TYPE);
    }

    private static String extension(Photo photo) {
        return switch (photo) {
            case CLEAN_EAN13 -> "png";
            case WEBP -> "webp";
            default -> "jpg";
        };
    }
}
