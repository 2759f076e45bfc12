package com.cogov.bff;

import static org.assertj.core.api.Assertions.assertThat;

import com.cogov.contracts.account.Tokens;
import com.cogov.contracts.complaint.AttachmentView;
import com.cogov.contracts.complaint.ComplaintKind;
import com.cogov.contracts.complaint.ComplaintStatus;
import com.cogov.contracts.complaint.ComplaintStatusView;
import com.cogov.contracts.complaint.FilingReceipt;
import com.cogov.contracts.paging.Page;
import com.cogov.infra.dev.DevServicesTest;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Complaints and reports from the public's mini-program: file, attach, and follow one's own cases. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComplaintMiniProgramTest implements DevServicesTest {

    @SuppressWarnings({"unchecked", "rawtypes"})
    static final Argument<Page<ComplaintStatusView>> MINE =
            (Argument) Argument.of(Page.class, ComplaintStatusView.class);

    @Inject
    @Client("/")
    HttpClient client;

    MiniProgramSessions mp;
    Tokens citizen;

    @BeforeAll
    void signIn() {
        mp = new MiniProgramSessions(client);
        citizen = mp.signIn("complaint-citizen-" + UUID.randomUUID());
    }

    static Map<String, Object> complaint() {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", "COMPLAINT");
        body.put("category", "DRUG");
        body.put("target", Map.of("pharmacyId", 1));
        body.put("facts", "买到的药品说明书缺页。");
        body.put("claim", "更换");
        body.put("occurredOn", LocalDate.now().minusDays(1).toString());
        body.put("complainant", Map.of("name", "王市民", "phone", "+86 139 1234 5678", "address", "湖北省武汉市洪山区珞喻路1号"));
        return body;
    }

    static MutableHttpRequest<?> filing(Map<String, Object> body) {
        return HttpRequest.POST("/mp/v1/complaints", body)
                .header("Idempotency-Key", UUID.randomUUID().toString());
    }

    static byte[] png() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(20, 20, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    @Test
    void aCitizenFilesWithAPhotoAndFindsTheCaseAmongTheirOwn() throws Exception {
        AttachmentView photo = mp.call(
                HttpRequest.POST(
                                "/mp/v1/complaints/attachments",
                                MultipartBody.builder()
                                        .addPart("file", "a.png", MediaType.IMAGE_PNG_TYPE, png())
                                        .build())
                        .contentType(MediaType.MULTIPART_FORM_DATA_TYPE),
                citizen,
                AttachmentView.class);
        Map<String, Object> body = complaint();
        body.put("attachmentIds", List.of(photo.id()));
        FilingReceipt receipt = mp.call(filing(body), citizen, FilingReceipt.class);

        assertThat(receipt.kind()).isEqualTo(ComplaintKind.COMPLAINT);
        assertThat(receipt.queryCode()).hasSize(10);
        Page<ComplaintStatusView> mine = mp.call(HttpRequest.GET("/mp/v1/complaints/mine"), citizen, MINE);
        assertThat(mine.items()).extracting(ComplaintStatusView::trackingNumber).contains(receipt.trackingNumber());
        ComplaintStatusView mineView = mine.items().stream()
                .filter(v -> v.trackingNumber().equals(receipt.trackingNumber()))
                .findFirst()
                .orElseThrow();
        assertThat(mineView.status()).isIn(ComplaintStatus.RECEIVED, ComplaintStatus.PENDING_CONTENT_CHECK);
        assertThat(mineView.deadlines()).isNotEmpty();

        Tokens someoneElse = mp.signIn("complaint-other-" + UUID.randomUUID());
        assertThat(mp.call(HttpRequest.GET("/mp/v1/complaints/mine"), someoneElse, MINE)
                        .items())
                .as("another citizen's list")
                .isEmpty();
    }

    @Test
    void mineIsPagedNewestFirst() {
        Tokens filer = mp.signIn("complaint-pages-" + UUID.randomUUID());
        for (int i = 0; i < 3; i++) {
            mp.call(filing(complaint()), filer, FilingReceipt.class);
        }
        Page<ComplaintStatusView> first = mp.call(HttpRequest.GET("/mp/v1/complaints/mine?limit=2"), filer, MINE);
        assertThat(first.items()).hasSize(2);
        Page<ComplaintStatusView> second =
                mp.call(HttpRequest.GET("/mp/v1/complaints/mine?limit=2&cursor=" + first.nextCursor()), filer, MINE);
        assertThat(second.items()).hasSize(1);
        assertThat(second.nextCursor()).isNull();
    }

    @Test
    void staffCannotFileAsCitizens() {
        Tokens clerk = mp.signIn("demo-clerk");
        assertThat(mp.refused(filing(complaint()).bearerAuth(clerk.accessToken()), 403)
                        .code())
                .isEqualTo("FORBIDDEN");
        assertThat(mp.refused(HttpRequest.GET("/mp/v1/complaints/mine").bearerAuth(clerk.accessToken()), 403)
                        .code())
                .isEqualTo("FORBIDDEN");
        assertThat(mp.refused(filing(complaint()), 401).code()).isIn("UNAUTHENTICATED", "TOKEN_INVALID");
    }

    @Test
    void aComplaintWithoutItsComplainantIsRefused() {
        Map<String, Object> body = complaint();
        body.remove("complainant");
        assertThat(mp.refused(filing(body).bearerAuth(citizen.accessToken()), 400)
                        .code())
                .isEqualTo("COMPLAINT_INCOMPLETE");
    }
}
