package com.cogov.bff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cogov.api.audit.AuditService;
import com.cogov.api.buyer.BuyerService;
import com.cogov.api.buyer.IdentityRefInvalidException;
import com.cogov.api.buyer.TestPersonalData;
import com.cogov.api.buyer.VerifiedBuyer;
import com.cogov.api.privacy.PersonalField;
import com.cogov.api.privacy.PrivacyService;
import com.cogov.api.shared.Actor;
import com.cogov.contracts.account.ProfileView;
import com.cogov.contracts.account.Tokens;
import com.cogov.contracts.buyer.BuyerView;
import com.cogov.contracts.buyer.DocumentType;
import com.cogov.contracts.buyer.ScannedIdentity;
import com.cogov.contracts.buyer.Sex;
import com.cogov.contracts.error.Problem;
import com.cogov.infra.dev.BadImages;
import com.cogov.infra.dev.DevServicesTest;
import com.cogov.infra.dev.FakeWeChatServer;
import com.cogov.infra.dev.RawHttp;
import com.cogov.infra.dev.RecordedRequest;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Identifying the buyer from an ID-card photo, through the real WxJava client and the fake WeChat API. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BuyerScanTest implements DevServicesTest {

    static final String SCAN = "/mp/v1/buyers/scan";
    static final String OCR = "/cv/ocr/idcard";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    JsonMapper json;

    @Inject
    BuyerService buyers;

    @Inject
    PrivacyService privacy;

    @Inject
    AuditService audit;

    @Inject
    EmbeddedServer server;

    MiniProgramSessions mp;
    RawHttp raw;
    FakeWeChatServer weChat;
    Tokens clerk;

    @BeforeEach
    void setUp() {
        mp = new MiniProgramSessions(client);
        raw = new RawHttp(server.getURI());
        weChat = devServices().weChat();
        weChat.reset();
        clerk = mp.signIn("demo-clerk");
    }

    @Test
    void aScanShowsTheBuyerMaskedAndKeepsTheFullIdentityOnTheServer() throws Exception {
        weChat.queueIdCardOcr(TestPersonalData.BUYER_CARD);
        Instant before = Instant.now();
        String raw = client.toBlocking()
                .retrieve(scan(photo("jpg"), "card.jpg").bearerAuth(clerk.accessToken()), String.class);

        assertThat(raw)
                .doesNotContain(TestPersonalData.BUYER_ID)
                .doesNotContain(TestPersonalData.BUYER_NAME)
                .doesNotContain("19850612");
        ScannedIdentity scanned = json.readValue(raw, ScannedIdentity.class);
        int age = Period.between(LocalDate.of(1985, 6, 12), LocalDate.now(ZoneId.of("Asia/Shanghai")))
                .getYears();
        assertThat(scanned.buyer())
                .isEqualTo(new BuyerView(DocumentType.RESIDENT_ID, "4201**********002X", "欧***", age, Sex.FEMALE));
        assertThat(scanned.identityRef()).matches("[A-Za-z0-9_-]{43}");
        assertThat(scanned.expiresAt())
                .isBetween(
                        before.plus(Duration.ofMinutes(10)).minusSeconds(2),
                        Instant.now().plus(Duration.ofMinutes(10)));

        // WxJava sent the photo itself, as the multipart field WeChat expects, and it is not kept on disk
        RecordedRequest sent = weChat.requests(OCR).get(0);
        assertThat(sent.headers().get("Content-Type")).startsWith("multipart/form-data");
        assertThat(sent.body()).contains("name=\"file\"");
        assertThat(temporaryPhotos()).isEmpty();

        try (Connection c = devServices().openConnection();
                PreparedStatement row =
                        c.prepareStatement("SELECT id, pharmacy_id, document_type, number_sealed, name_sealed,"
                                + " birth_date, sex FROM buyer_identity_reference WHERE ref_hash = ?")) {
            row.setString(1, sha256(scanned.identityRef()));
            try (ResultSet rs = row.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong("pharmacy_id")).isEqualTo(1L);
                assertThat(rs.getString("document_type")).isEqualTo("RESIDENT_ID");
                assertThat(rs.getString("number_sealed")).startsWith("v1:").doesNotContain(TestPersonalData.BUYER_ID);
                assertThat(rs.getString("name_sealed")).startsWith("v1:").doesNotContain(TestPersonalData.BUYER_NAME);
                assertThat(rs.getDate("birth_date").toLocalDate()).isEqualTo(LocalDate.of(1985, 6, 12));
                assertThat(rs.getString("sex")).isEqualTo("FEMALE");
                assertThat(lastScanAudit(c))
                        .containsExactly(
                                "SUCCESS",
                                "identity-reference",
                                rs.getString("id"),
                                "{\"documentType\":\"RESIDENT_ID\",\"outcome\":\"identified\"}");
            }
        }
    }

    @Test
    void theReferenceServesItsOwnPharmacyRepeatedlyUntilItExpires() throws Exception {
        weChat.queueIdCardOcr(TestPersonalData.BUYER_CARD);
        String reference = mp.call(scan(photo("png"), "card.png"), clerk, ScannedIdentity.class)
                .identityRef();

        Actor sameClerk = actor(clerk.profile());
        VerifiedBuyer buyer = buyers.fromReference(sameClerk, reference);
        assertThat(buyer.numberIndex())
                .isEqualTo(privacy.blindIndex(PersonalField.ID_NUMBER, TestPersonalData.BUYER_ID));
        assertThat(privacy.open(buyer.numberSealed())).isEqualTo(TestPersonalData.BUYER_ID);
        assertThat(privacy.open(buyer.nameSealed())).isEqualTo(TestPersonalData.BUYER_NAME);
        assertThat(buyer.maskedNumber()).isEqualTo("4201**********002X");
        assertThat(buyer.birthDate()).isEqualTo(LocalDate.of(1985, 6, 12));
        // the same identity as typing the number: one person, one index
        assertThat(buyer.numberIndex())
                .isEqualTo(buyers.verify(
                                DocumentType.SOCIAL_SECURITY,
                                TestPersonalData.BUYER_ID_LOWERCASE_TYPED,
                                TestPersonalData.BUYER_NAME)
                        .numberIndex());
        // several items of one sale, or a retried submission
        assertThat(buyers.fromReference(sameClerk, reference).numberIndex()).isEqualTo(buyer.numberIndex());
        assertThat(buyers.fromReference(actor(mp.signIn("demo-manager").profile()), reference)
                        .numberIndex())
                .isEqualTo(buyer.numberIndex());

        Actor otherPharmacy = actor(mp.signIn("demo-clerk-2").profile());
        assertThat(otherPharmacy.pharmacyId()).isEqualTo(2L);
        assertThatThrownBy(() -> buyers.fromReference(otherPharmacy, reference))
                .isInstanceOfSatisfying(
                        IdentityRefInvalidException.class,
                        e -> assertThat(e.getMessage()).isEqualTo("身份信息已过期，请重新扫描证件"));
        assertThatThrownBy(() -> buyers.fromReference(sameClerk, reference.substring(1) + "A"))
                .isInstanceOf(IdentityRefInvalidException.class);
        assertThatThrownBy(() -> buyers.fromReference(sameClerk, "' OR 1=1 --"))
                .isInstanceOf(IdentityRefInvalidException.class);

        try (Connection c = devServices().openConnection();
                PreparedStatement expire = c.prepareStatement(
                        "UPDATE buyer_identity_reference SET expires_at = '2000-01-01 00:00:00' WHERE ref_hash = ?")) {
            expire.setString(1, sha256(reference));
            assertThat(expire.executeUpdate()).isEqualTo(1);
        }
        assertThatThrownBy(() -> buyers.fromReference(sameClerk, reference))
                .isInstanceOf(IdentityRefInvalidException.class);
    }

    @Test
    void aPhotoWithoutAReadableCardIs422() throws Exception {
        weChat.queueIdCardOcrError(101001, "certificate not found");
        Problem problem = mp.refused(scan(photo("jpg"), "card.jpg").bearerAuth(clerk.accessToken()), 422);
        assertThat(problem.code()).isEqualTo("ID_CARD_UNREADABLE");
        assertThat(problem.detail()).isEqualTo("未识别到身份证，请将身份证人像面放平、对准后重新拍摄");
        assertThat(lastScanAudit()).containsExactly("FAILURE", null, null, "{\"outcome\":\"unreadable\"}");
        assertThat(temporaryPhotos()).isEmpty();
    }

    @Test
    void anOcrMisreadThatFailsTheCheckCharacterIsNeverAccepted() throws Exception {
        weChat.queueIdCardOcr(new FakeWeChatServer.IdCardOcrResult(
                TestPersonalData.BUYER_NAME,
                TestPersonalData.MISREAD_BUYER_ID,
                TestPersonalData.BUYER_ADDRESS,
                "女",
                "汉"));
        long storedBefore = storedReferences();
        Problem problem = mp.refused(scan(photo("jpg"), "card.jpg").bearerAuth(clerk.accessToken()), 422);
        assertThat(problem.code()).isEqualTo("ID_CARD_UNREADABLE");
        assertThat(problem.detail()).isEqualTo("未能准确识别身份证号码，请重新拍摄或手工输入");
        assertThat(problem.toString()).doesNotContain(TestPersonalData.MISREAD_BUYER_ID);
        assertThat(storedReferences()).isEqualTo(storedBefore);
        assertThat(lastScanAudit()).containsExactly("FAILURE", null, null, "{\"outcome\":\"misread\"}");
    }

    @Test
    void aWeChatOutageIs503NotTheClerksFault() throws Exception {
        weChat.failNext(OCR, 45011, "api minute-quota reach limit");
        assertThat(mp.refused(scan(photo("jpg"), "card.jpg").bearerAuth(clerk.accessToken()), 503)
                        .code())
                .isEqualTo("WECHAT_UNAVAILABLE");
        assertThat(lastScanAudit()).containsExactly("FAILURE", null, null, "{\"outcome\":\"wechat-unavailable\"}");

        weChat.respondWithHttpStatus(OCR, 500);
        assertThat(mp.refused(scan(photo("jpg"), "card.jpg").bearerAuth(clerk.accessToken()), 503)
                        .code())
                .isEqualTo("WECHAT_UNAVAILABLE");
        assertThat(temporaryPhotos()).isEmpty();
    }

    @Test
    void aTextFileNamedJpgIs415AndNeverReachesWeChat() {
        byte[] text = "这不是照片".getBytes(StandardCharsets.UTF_8);
        Problem problem = mp.refused(scan(text, "card.jpg").bearerAuth(clerk.accessToken()), 415);
        assertThat(problem.code()).isEqualTo("UPLOAD_NOT_AN_IMAGE");
        assertThat(weChat.requests(OCR)).isEmpty();
    }

    @Test
    void aFileThatOnlyStartsLikeAPhotoIs422AndNeverReachesWeChat() throws Exception {
        long storedBefore = storedReferences();
        java.util.Map<String, byte[]> uploads = new java.util.LinkedHashMap<>();
        uploads.put("a PNG header followed by HTML", BadImages.pngThenHtml());
        uploads.put("a PNG cut off in transfer", BadImages.truncatedPng());
        uploads.put("a 20000×20000 PNG of 50 KB", BadImages.hugeBlankPng(20_000, 20_000));
        for (var upload : uploads.entrySet()) {
            Problem problem = mp.refused(scan(upload.getValue(), "card.png").bearerAuth(clerk.accessToken()), 422);
            assertThat(problem.code()).as(upload.getKey()).isEqualTo("IMAGE_UNREADABLE");
            assertThat(problem.title()).as(upload.getKey()).isEqualTo("图片无法读取，请重新拍摄");
            assertThat(lastScanAudit())
                    .as(upload.getKey())
                    .containsExactly("FAILURE", null, null, "{\"outcome\":\"upload-rejected\"}");
            if (upload.getKey().contains("20000")) {
                assertThat(problem.detail()).contains("20000×20000");
            }
        }
        assertThat(weChat.requests(OCR)).isEmpty();
        assertThat(storedReferences()).isEqualTo(storedBefore);
        assertThat(temporaryPhotos()).isEmpty();
    }

    @Test
    void aRequestWithoutTheImageIsRefused() {
        MutableHttpRequest<?> noImage = HttpRequest.POST(
                        SCAN,
                        MultipartBody.builder().addPart("note", "no photo").build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE)
                .bearerAuth(clerk.accessToken());
        assertThat(mp.refusedWithAnyOf(noImage)).isEqualTo(400);
        assertThat(weChat.requests(OCR)).isEmpty();
    }

    @Test
    void aPartWithoutANameIsAMalformedRequestAndNeverReachesWeChat() throws IOException {
        byte[] photo = photo("png");
        for (String disposition : java.util.List.of("form-data; filename=\"card.png\"", "form-data")) {
            RawHttp.Response answer = raw.post(
                    SCAN,
                    "multipart/form-data; boundary=cogov",
                    RawHttp.multipart("cogov", disposition, "image/png", photo),
                    clerk.accessToken());
            assertThat(answer.status()).as(disposition).isEqualTo(400);
            assertThat(answer.contentType()).as(disposition).startsWith(Problem.MEDIA_TYPE);
            assertThat(answer.code()).as(disposition).isEqualTo("MALFORMED_REQUEST");
        }
        assertThat(weChat.requests(OCR)).isEmpty();
    }

    @Test
    void onlyPharmacyStaffMayScan() throws IOException {
        byte[] photo = photo("jpg");
        assertThat(mp.refused(scan(photo, "card.jpg"), 401).code()).isEqualTo("UNAUTHENTICATED");
        assertThat(mp.refused(
                                scan(photo, "card.jpg")
                                        .bearerAuth(mp.signIn("demo-public").accessToken()),
                                403)
                        .code())
                .isEqualTo("FORBIDDEN");
        assertThat(mp.refused(
                                scan(photo, "card.jpg")
                                        .bearerAuth(mp.signIn("demo-inspector").accessToken()),
                                403)
                        .code())
                .isEqualTo("FORBIDDEN");
        assertThat(weChat.requests(OCR)).isEmpty();
        // and a pharmacy manager may
        assertThat(mp.call(scan(photo, "card.jpg"), mp.signIn("demo-manager"), ScannedIdentity.class)
                        .identityRef())
                .isNotBlank();
    }

    private static MutableHttpRequest<?> scan(byte[] content, String fileName) {
        MultipartBody body = MultipartBody.builder()
                .addPart("image", fileName, MediaType.IMAGE_JPEG_TYPE, content)
                .build();
        return HttpRequest.POST(SCAN, body).contentType(MediaType.MULTIPART_FORM_DATA_TYPE);
    }

    private static byte[] photo(String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(64, 40, BufferedImage.TYPE_INT_RGB), format, out);
        return out.toByteArray();
    }

    private static Actor actor(ProfileView profile) {
        return new Actor(
                profile.accountId(),
                profile.role(),
                profile.pharmacyId(),
                profile.districtCode(),
                profile.enterpriseId(),
                "127.0.0.1",
                null);
    }

    private static String sha256(String value) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII)));
    }

    private static java.util.List<Path> temporaryPhotos() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().startsWith("cogov-idcard-"))
                    .toList();
        }
    }

    private long storedReferences() throws SQLException {
        try (Connection c = devServices().openConnection();
                ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM buyer_identity_reference")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private java.util.List<String> lastScanAudit() throws SQLException {
        try (Connection c = devServices().openConnection()) {
            return lastScanAudit(c);
        }
    }

    /** outcome, target type, target id and details of the newest buyer.scan entry. */
    private java.util.List<String> lastScanAudit(Connection c) throws SQLException {
        audit.flush(); // the trail as an auditor would search it now
        try (ResultSet rs = c.createStatement()
                .executeQuery("SELECT outcome, target_type, target_id, details FROM audit_event"
                        + " WHERE action = 'buyer.scan' ORDER BY id DESC LIMIT 1")) {
            assertThat(rs.next()).as("a buyer.scan audit entry").isTrue();
            return java.util.Arrays.asList(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4));
        }
    }
}
