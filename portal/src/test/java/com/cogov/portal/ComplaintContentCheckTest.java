package com.cogov.portal;

import static com.cogov.portal.ComplaintFixtures.complaint;
import static com.cogov.portal.ComplaintFixtures.fileOnTheWeb;
import static com.cogov.portal.ComplaintFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.cogov.api.calendar.CalendarService;
import com.cogov.api.file.FileService;
import com.cogov.contracts.complaint.AttachmentView;
import com.cogov.contracts.complaint.ComplaintCaseView;
import com.cogov.contracts.complaint.ComplaintStatus;
import com.cogov.contracts.complaint.ComplaintSummaryView;
import com.cogov.contracts.complaint.FilingReceipt;
import com.cogov.contracts.error.Problem;
import com.cogov.contracts.paging.Page;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The content check at the portal's door (issue 19, docs/complaints.md "Content check"): web filings have no openid,
 * so their text passes the content check's local word list (data, migration V11_1), the same policy as WeChat's for
 * the mini-program; a case held for a person is cleared by a handler; and an upload no filing used leaves with its
 * file.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComplaintContentCheckTest implements PortalTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    CalendarService calendar;

    @Inject
    FileService files;

    PortalSessions portal;
    String inspector;

    @BeforeAll
    void signIn() {
        portal = new PortalSessions(client);
        inspector = portal.login("inspector", devServices().demoPasswords().get("inspector"))
                .tokens()
                .accessToken();
    }

    @Test
    void aWebFilingWithARiskyWordIsRefusedByTheLocalListNamingTheWord() {
        int asked = devServices().weChat().requests("/wxa/msg_sec_check").size();
        HttpClientResponseException refused = org.assertj.core.api.Assertions.catchThrowableOfType(
                HttpClientResponseException.class,
                () -> fileOnTheWeb(client, with(complaint(), "claim", "举报店员私下出售冰毒，请求查处")));
        assertThat(refused.getStatus().getCode()).isEqualTo(422);
        Problem problem = refused.getResponse().getBody(Problem.class).orElseThrow();
        assertThat(problem.code()).isEqualTo("CONTENT_RISKY");
        assertThat(problem.detail()).contains("「投诉请求」").contains("冰毒");
        assertThat(devServices().weChat().requests("/wxa/msg_sec_check"))
                .as("no openid: WeChat is not asked")
                .hasSize(asked);
    }

    @Test
    void aWebFilingWithAWordForReviewIsHeldUntilAHandlerClearsItAndItsDeadlineStartsThen() {
        FilingReceipt receipt = fileOnTheWeb(client, with(complaint(), "facts", "该药店声称可以代为办证，并销售过期药品。"));
        assertThat(receipt.status()).isEqualTo(ComplaintStatus.PENDING_CONTENT_CHECK);

        Page<ComplaintSummaryView> held = portal.call(
                HttpRequest.GET("/portal/v1/complaints?status=PENDING_CONTENT_CHECK&q=" + receipt.trackingNumber()),
                inspector,
                ComplaintHandlingTest.WORKLIST);
        assertThat(held.items())
                .singleElement()
                .satisfies(s -> assertThat(s.dueDate())
                        .as("no deadline runs while held")
                        .isNull());
        assertThat(portal.refused(
                                HttpRequest.POST(
                                                "/portal/v1/complaints/" + receipt.id() + "/accept",
                                                Map.of("note", "受理"))
                                        .bearerAuth(inspector),
                                409)
                        .code())
                .isEqualTo("COMPLAINT_TRANSITION_INVALID");
        ComplaintCaseView read = portal.call(
                HttpRequest.GET("/portal/v1/complaints/" + receipt.id()), inspector, ComplaintCaseView.class);
        assertThat(read.timeline().get(0).note()).contains("人工审核");

        ComplaintCaseView cleared = portal.call(
                HttpRequest.POST(
                        "/portal/v1/complaints/" + receipt.id() + "/clear-content", Map.of("note", "已核实为正常描述")),
                inspector,
                ComplaintCaseView.class);
        assertThat(cleared.status()).isEqualTo(ComplaintStatus.RECEIVED);
        assertThat(cleared.deadlines().get(0).date())
                .isEqualTo(calendar.deadline(LocalDate.now(ZoneId.of("Asia/Shanghai")), 7)
                        .date());
        assertThat(cleared.timeline())
                .extracting(ComplaintCaseView.Step::action)
                .containsExactly("FILED", "CONTENT_CLEARED");
        assertThat(portal.refused(
                                HttpRequest.POST(
                                                "/portal/v1/complaints/" + receipt.id() + "/clear-content",
                                                Map.of("note", "再次放行"))
                                        .bearerAuth(inspector),
                                409)
                        .code())
                .isEqualTo("COMPLAINT_TRANSITION_INVALID");
    }

    @Test
    void theHandlerSeesTheImageWeChatFlaggedMarked() throws Exception {
        FilingReceipt receipt = fileOnTheWeb(client, complaint(), ComplaintFixtures.jpegWithExif());
        String fileId = portal.call(
                        HttpRequest.GET("/portal/v1/complaints/" + receipt.id()), inspector, ComplaintCaseView.class)
                .attachments()
                .get(0)
                .id();
        // what the mini-program's callback records for an image WeChat flagged (ContentCheckTest in the BFF)
        try (Connection c = devServices().openConnection();
                PreparedStatement ps = c.prepareStatement(
                        "UPDATE complaint_attachment SET content_check = 'RISKY' WHERE file_id = ?")) {
            ps.setString(1, fileId);
            ps.executeUpdate();
        }
        ComplaintCaseView read = portal.call(
                HttpRequest.GET("/portal/v1/complaints/" + receipt.id()), inspector, ComplaintCaseView.class);
        assertThat(read.attachments()).extracting(AttachmentView::contentCheck).containsExactly("RISKY");
    }

    @Test
    void anUploadNoFilingUsedLeavesWithItsFileWhileAUsedOneStays() throws Exception {
        String address = "10.66.0." + (UUID.randomUUID().hashCode() & 0x7f);
        String unused = upload(address);
        FilingReceipt receipt = fileOnTheWeb(client, complaint(), ComplaintFixtures.jpegWithExif());
        String used = portal.call(
                        HttpRequest.GET("/portal/v1/complaints/" + receipt.id()), inspector, ComplaintCaseView.class)
                .attachments()
                .get(0)
                .id();
        try (Connection c = devServices().openConnection();
                PreparedStatement ps = c.prepareStatement(
                        "UPDATE stored_file SET expires_at = CURRENT_TIMESTAMP(6) - INTERVAL 1 SECOND WHERE id = ?")) {
            ps.setString(1, unused);
            ps.executeUpdate();
        }
        files.deleteExpired(); // what the files piece's cleanup runs every quarter hour

        assertThat(files.find(unused)).isEmpty();
        assertThat(attachmentRows(unused)).as("the row goes with its file").isZero();
        assertThat(files.find(used)).isPresent();
        assertThat(attachmentRows(used)).isEqualTo(1);
    }

    private String upload(String address) {
        return client.toBlocking()
                .retrieve(
                        HttpRequest.POST(
                                        "/portal/v1/public/complaints/attachments",
                                        MultipartBody.builder()
                                                .addPart(
                                                        "file",
                                                        "f.jpg",
                                                        MediaType.IMAGE_JPEG_TYPE,
                                                        ComplaintFixtures.jpegWithExif())
                                                .build())
                                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE)
                                .header("X-Forwarded-For", address),
                        AttachmentView.class)
                .id();
    }

    private int attachmentRows(String fileId) throws Exception {
        try (Connection c = devServices().openConnection();
                PreparedStatement ps =
                        c.prepareStatement("SELECT COUNT(*) FROM complaint_attachment WHERE file_id = ?")) {
            ps.setString(1, fileId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
