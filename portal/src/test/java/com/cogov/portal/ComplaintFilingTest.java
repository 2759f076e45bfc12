package com.cogov.portal;

import static com.cogov.portal.ComplaintFixtures.anonymousReport;
import static com.cogov.portal.ComplaintFixtures.complaint;
import static com.cogov.portal.ComplaintFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.cogov.api.calendar.CalendarService;
import com.cogov.api.file.FileService;
import com.cogov.contracts.complaint.AttachmentView;
import com.cogov.contracts.complaint.ComplaintKind;
import com.cogov.contracts.complaint.ComplaintStatus;
import com.cogov.contracts.complaint.ComplaintStatusView;
import com.cogov.contracts.complaint.DeadlineKind;
import com.cogov.contracts.complaint.DeadlineView;
import com.cogov.contracts.complaint.FilingReceipt;
import com.cogov.contracts.error.Problem;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Filing a complaint or report on the public web, as a citizen without an account does it, and following it by its
 * tracking number and query code.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComplaintFilingTest implements PortalTest {

    private static final AtomicInteger ADDRESSES = new AtomicInteger(1);

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    CalendarService calendar;

    @Inject
    FileService files;

    /** A citizen behind one address: each test gets its own, so the per-address limits of one do not touch another. */
    final class Citizen {
        final String address = "10.19." + (ADDRESSES.get() / 250) + "." + (ADDRESSES.getAndIncrement() % 250 + 1);

        FilingReceipt file(Map<String, Object> body) {
            return file(body, UUID.randomUUID().toString());
        }

        FilingReceipt file(Map<String, Object> body, String key) {
            return client.toBlocking()
                    .retrieve(
                            as(HttpRequest.POST("/portal/v1/public/complaints", body)
                                    .header("Idempotency-Key", key)),
                            FilingReceipt.class);
        }

        ComplaintStatusView status(String trackingNumber, String queryCode) {
            return client.toBlocking()
                    .retrieve(as(HttpRequest.GET(statusUri(trackingNumber, queryCode))), ComplaintStatusView.class);
        }

        AttachmentView upload(byte[] content, String name, MediaType declared) {
            return client.toBlocking().retrieve(as(uploadRequest(content, name, declared)), AttachmentView.class);
        }

        Problem refused(MutableHttpRequest<?> request, int status) {
            HttpClientResponseException e = catchThrowableOfType(
                    HttpClientResponseException.class, () -> client.toBlocking().exchange(as(request), String.class));
            assertThat(e).as("expected %d for %s", status, request.getPath()).isNotNull();
            assertThat(e.getStatus().getCode()).as(request.getPath()).isEqualTo(status);
            return e.getResponse().getBody(Problem.class).orElseThrow();
        }

        Problem refusedFiling(Map<String, Object> body, int status) {
            return refused(
                    HttpRequest.POST("/portal/v1/public/complaints", body)
                            .header("Idempotency-Key", UUID.randomUUID().toString()),
                    status);
        }

        private MutableHttpRequest<?> as(MutableHttpRequest<?> request) {
            return request.header("X-Forwarded-For", address);
        }
    }

    static String statusUri(String trackingNumber, String queryCode) {
        return "/portal/v1/public/complaints/" + trackingNumber + "?queryCode=" + queryCode;
    }

    static MutableHttpRequest<?> uploadRequest(byte[] content, String name, MediaType declared) {
        return HttpRequest.POST(
                        "/portal/v1/public/complaints/attachments",
                        MultipartBody.builder()
                                .addPart("file", name, declared, content)
                                .build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE);
    }

    private LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    @Test
    void aCitizenFilesAComplaintAndFollowsItWithTheCodeShownOnce() {
        Citizen citizen = new Citizen();
        FilingReceipt receipt = citizen.file(complaint());

        assertThat(receipt.trackingNumber()).matches("TS" + today().toString().replace("-", "") + "\\d{6}");
        assertThat(receipt.queryCode()).hasSize(10);
        assertThat(receipt.kind()).isEqualTo(ComplaintKind.COMPLAINT);
        assertThat(receipt.status()).isEqualTo(ComplaintStatus.RECEIVED);
        assertThat(receipt.lateFiling()).isFalse();
        assertThat(receipt.deadlines())
                .containsExactly(new DeadlineView(
                        DeadlineKind.ACCEPT_DECISION,
                        calendar.deadline(today(), 7).date(),
                        calendar.deadline(today(), 7).provisional()));

        ComplaintStatusView status =
                citizen.status(receipt.trackingNumber(), receipt.queryCode().toLowerCase());
        assertThat(status.status()).isEqualTo(ComplaintStatus.RECEIVED);
        assertThat(status.receivedOn()).isEqualTo(today());
        assertThat(status.deadlines()).isEqualTo(receipt.deadlines());
        assertThat(status.replies())
                .singleElement()
                .satisfies(r -> assertThat(r.text()).contains(receipt.trackingNumber()));
    }

    @Test
    void anUnknownNumberAndAWrongCodeAnswerTheSame404() {
        Citizen citizen = new Citizen();
        FilingReceipt receipt = citizen.file(complaint());

        Problem wrongCode = citizen.refused(HttpRequest.GET(statusUri(receipt.trackingNumber(), "AAAAAAAAAA")), 404);
        Problem unknown = citizen.refused(HttpRequest.GET(statusUri("TS20260101999999", receipt.queryCode())), 404);
        Problem garbage = citizen.refused(HttpRequest.GET(statusUri("nonsense", receipt.queryCode())), 404);

        assertThat(wrongCode.code()).isEqualTo("COMPLAINT_NOT_FOUND");
        assertThat(unknown).usingRecursiveComparison().ignoringFields("traceId").isEqualTo(wrongCode);
        assertThat(garbage.code()).isEqualTo("COMPLAINT_NOT_FOUND");
        assertThat(citizen.refused(HttpRequest.GET("/portal/v1/public/complaints/" + receipt.trackingNumber()), 400)
                        .code())
                .isIn("MISSING_PARAMETER", "VALIDATION_FAILED");
    }

    @Test
    void wrongCodesAreLimitedPerCaseFromAnyAddressAndPerAddress() {
        FilingReceipt receipt = new Citizen().file(complaint());
        for (int i = 0; i < 5; i++) {
            new Citizen().refused(HttpRequest.GET(statusUri(receipt.trackingNumber(), "WRONGCODE" + i)), 404);
        }
        Problem throttled =
                new Citizen().refused(HttpRequest.GET(statusUri(receipt.trackingNumber(), receipt.queryCode())), 429);
        assertThat(throttled.code()).isEqualTo("TOO_MANY_ATTEMPTS");

        Citizen prober = new Citizen();
        for (int i = 0; i < 10; i++) {
            prober.refused(HttpRequest.GET(statusUri("TS2026010100000" + (i % 10), "X")), 404);
        }
        FilingReceipt other = new Citizen().file(complaint());
        assertThat(prober.refused(HttpRequest.GET(statusUri(other.trackingNumber(), other.queryCode())), 429)
                        .code())
                .isEqualTo("TOO_MANY_ATTEMPTS");
    }

    @Test
    void aRetriedFilingAnswersTheFirstTrackingNumberAndFilesOnce() throws Exception {
        Citizen citizen = new Citizen();
        String key = UUID.randomUUID().toString();
        FilingReceipt first = citizen.file(complaint(), key);
        FilingReceipt retry = citizen.file(complaint(), key);

        assertThat(retry.trackingNumber()).isEqualTo(first.trackingNumber());
        assertThat(retry.id()).isEqualTo(first.id());
        assertThat(retry.queryCode()).as("the code is shown once").isNull();
        assertThat(count("SELECT COUNT(*) FROM complaint WHERE tracking_number = '" + first.trackingNumber() + "'"))
                .isEqualTo(1);
        assertThat(citizen.refused(HttpRequest.POST("/portal/v1/public/complaints", complaint()), 400)
                        .code())
                .as("no key")
                .isEqualTo("IDEMPOTENCY_KEY_REQUIRED");
        assertThat(citizen.refused(
                                HttpRequest.POST("/portal/v1/public/complaints", with(complaint(), "facts", "另一件事"))
                                        .header("Idempotency-Key", key),
                                422)
                        .code())
                .isEqualTo("IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void bothIsSplitIntoALinkedComplaintAndReportOpenedWithOneCode() {
        Citizen citizen = new Citizen();
        FilingReceipt receipt = citizen.file(with(complaint(), "kind", "BOTH"));

        assertThat(receipt.kind()).isEqualTo(ComplaintKind.COMPLAINT);
        assertThat(receipt.linkedTrackingNumber()).isNotNull().isNotEqualTo(receipt.trackingNumber());
        ComplaintStatusView report = citizen.status(receipt.linkedTrackingNumber(), receipt.queryCode());
        assertThat(report.kind()).isEqualTo(ComplaintKind.REPORT);
        assertThat(report.status()).isEqualTo(ComplaintStatus.CASE_DECISION);
        assertThat(report.linkedTrackingNumber()).isEqualTo(receipt.trackingNumber());
        assertThat(report.deadlines())
                .extracting(DeadlineView::kind, DeadlineView::date)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        DeadlineKind.CASE_DECISION,
                        calendar.deadline(today(), 15).date()));
    }

    @Test
    void aReportMayBeAnonymousButAComplaintNeedsItsComplainantAndClaim() {
        Citizen citizen = new Citizen();
        FilingReceipt report = citizen.file(anonymousReport());
        assertThat(report.status()).isEqualTo(ComplaintStatus.CASE_DECISION);

        assertThat(citizen.refusedFiling(with(complaint(), "complainant", null), 400)
                        .code())
                .isEqualTo("COMPLAINT_INCOMPLETE");
        Problem noClaim = citizen.refusedFiling(with(complaint(), "claim", null), 400);
        assertThat(noClaim.code()).isEqualTo("COMPLAINT_INCOMPLETE");
        assertThat(noClaim.detail()).contains("投诉请求");
        assertThat(citizen.refusedFiling(
                                with(anonymousReport(), "target", Map.of("name", "某店", "districtCode", "420103")), 400)
                        .code())
                .isEqualTo("COMPLAINT_INCOMPLETE");
    }

    @Test
    void malformedFilingsAreRefusedWithACodeAndWhatToChange() {
        Citizen citizen = new Citizen();
        Problem phone = citizen.refusedFiling(
                with(complaint(), "complainant", Map.of("name", "李投诉", "phone", "12345", "address", "武汉市")), 400);
        assertThat(phone.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(phone.errors()).anySatisfy(f -> assertThat(f.message()).contains("手机号"));
        // a landline with its area code is a phone too
        assertThat(citizen.file(with(
                                complaint(),
                                "complainant",
                                Map.of("name", "李投诉", "phone", "027-87654321", "address", "武汉市")))
                        .status())
                .isEqualTo(ComplaintStatus.RECEIVED);

        assertThat(citizen.refusedFiling(
                                with(
                                        complaint(),
                                        "occurredOn",
                                        today().plusDays(1).toString()),
                                400)
                        .code())
                .isEqualTo("COMPLAINT_DATE_INVALID");
        assertThat(citizen.refusedFiling(with(complaint(), "facts", "长".repeat(5001)), 400)
                        .code())
                .isEqualTo("VALIDATION_FAILED");
        assertThat(citizen.refusedFiling(with(complaint(), "kind", "PRAISE"), 400)
                        .code())
                .isIn("VALIDATION_FAILED", "MALFORMED_REQUEST");
        assertThat(citizen.refusedFiling(with(complaint(), "target", Map.of("pharmacyId", 999_999)), 404)
                        .code())
                .isEqualTo("PHARMACY_NOT_FOUND");
        assertThat(citizen.refusedFiling(with(complaint(), "attachmentIds", ComplaintFixtures.ids(10)), 400)
                        .code())
                .isEqualTo("ATTACHMENTS_TOO_MANY");
        assertThat(citizen.refusedFiling(with(complaint(), "attachmentIds", List.of("not-an-upload")), 400)
                        .code())
                .isEqualTo("ATTACHMENT_INVALID");
    }

    @Test
    void harmKnownMoreThanThreeYearsAgoIsReceivedButFlaggedForRejection() {
        FilingReceipt late = new Citizen()
                .file(with(
                        complaint(),
                        "occurredOn",
                        today().minusYears(3).minusDays(1).toString()));
        assertThat(late.status()).isEqualTo(ComplaintStatus.RECEIVED);
        assertThat(late.lateFiling()).isTrue();
    }

    @Test
    void theComplainantIsStoredSealedAndFoundOnlyByBlindIndex() throws Exception {
        FilingReceipt receipt = new Citizen().file(complaint());
        try (Connection c = devServices().openConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT complainant_name_sealed, complainant_phone_sealed, complainant_address_sealed,"
                                + " complainant_phone_index FROM complaint WHERE id = ?")) {
            ps.setLong(1, receipt.id());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getString(1)).startsWith("v").doesNotContain("李投诉");
                assertThat(rs.getString(2)).startsWith("v").doesNotContain("13912345678");
                assertThat(rs.getString(3)).startsWith("v").doesNotContain("中北路");
                assertThat(rs.getString(4)).hasSize(64);
            }
        }
    }

    @Test
    void attachmentsAreImagesWithoutExifOrPdfsAndOnlyTheUploaderFilesThem() throws Exception {
        Citizen citizen = new Citizen();
        byte[] photo = ComplaintFixtures.jpegWithExif();
        assertThat(ComplaintFixtures.contains(photo, ComplaintFixtures.EXIF_SECRET))
                .isTrue();

        AttachmentView image = citizen.upload(photo, "IMG_0001.jpg", MediaType.IMAGE_JPEG_TYPE);
        AttachmentView pdf = citizen.upload(ComplaintFixtures.pdf(), "invoice.pdf", MediaType.APPLICATION_PDF_TYPE);

        assertThat(image.contentType()).isEqualTo("image/jpeg");
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        try (InputStream stored = files.open(image.id()).orElseThrow()) {
            byte[] kept = stored.readAllBytes();
            assertThat(ComplaintFixtures.contains(kept, ComplaintFixtures.EXIF_SECRET))
                    .isFalse();
            assertThat(ComplaintFixtures.contains(kept, "Exif")).isFalse();
        }

        // a text file named like a photo is judged by its content
        Problem text = citizen.refused(
                uploadRequest("<html>不是图片</html>".getBytes(), "photo.jpg", MediaType.IMAGE_JPEG_TYPE), 415);
        assertThat(text.code()).isEqualTo("ATTACHMENT_TYPE_UNSUPPORTED");
        Problem fakePdf = citizen.refused(
                uploadRequest("%PDF-1.7\nnot really".getBytes(), "a.pdf", MediaType.APPLICATION_PDF_TYPE), 415);
        assertThat(fakePdf.code()).isEqualTo("ATTACHMENT_TYPE_UNSUPPORTED");

        // another address cannot use these uploads
        assertThat(new Citizen()
                        .refusedFiling(with(complaint(), "attachmentIds", List.of(image.id())), 400)
                        .code())
                .isEqualTo("ATTACHMENT_INVALID");
        FilingReceipt filed = citizen.file(with(complaint(), "attachmentIds", List.of(image.id(), pdf.id())));
        assertThat(filed.status()).isEqualTo(ComplaintStatus.RECEIVED);
        assertThat(files.find(image.id()).orElseThrow().expiresAt())
                .as("kept once a filing uses it")
                .isNull();
        // and not twice
        assertThat(citizen.refusedFiling(with(complaint(), "attachmentIds", List.of(image.id())), 400)
                        .code())
                .isEqualTo("ATTACHMENT_INVALID");
    }

    @Test
    void filingsAreLimitedPerAddress() {
        Citizen busy = new Citizen();
        for (int i = 0; i < 10; i++) {
            busy.file(anonymousReport());
        }
        Problem throttled = busy.refusedFiling(anonymousReport(), 429);
        assertThat(throttled.code()).isEqualTo("TOO_MANY_ATTEMPTS");
        assertThat(new Citizen().file(anonymousReport()).status())
                .as("another address is not limited")
                .isEqualTo(ComplaintStatus.CASE_DECISION);
    }

    private long count(String sql) throws Exception {
        try (Connection c = devServices().openConnection();
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
