package com.cogov.portal;

import static com.cogov.portal.ComplaintFixtures.anonymousReport;
import static com.cogov.portal.ComplaintFixtures.complaint;
import static com.cogov.portal.ComplaintFixtures.complaintInJianghan;
import static com.cogov.portal.ComplaintFixtures.fileOnTheWeb;
import static org.assertj.core.api.Assertions.assertThat;

import com.cogov.api.calendar.CalendarService;
import com.cogov.api.complaint.ComplaintService;
import com.cogov.api.shared.Actor;
import com.cogov.contracts.account.Role;
import com.cogov.contracts.complaint.ComplaintCaseView;
import com.cogov.contracts.complaint.ComplaintOutcome;
import com.cogov.contracts.complaint.ComplaintRequest;
import com.cogov.contracts.complaint.ComplaintStatus;
import com.cogov.contracts.complaint.ComplaintStatusView;
import com.cogov.contracts.complaint.ComplaintSummaryView;
import com.cogov.contracts.complaint.DeadlineKind;
import com.cogov.contracts.complaint.DeadlineView;
import com.cogov.contracts.complaint.FilingReceipt;
import com.cogov.contracts.paging.Page;
import io.micronaut.core.type.Argument;
import io.micronaut.core.type.GenericArgument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * District handlers working complaints and reports against their legal deadlines: in scope, in order, with the
 * person masked and the filer told.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComplaintHandlingTest implements PortalTest {

    static final Argument<Page<ComplaintSummaryView>> WORKLIST = new GenericArgument<>() {};

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    CalendarService calendar;

    @Inject
    ComplaintService complaints;

    @Inject
    JsonMapper json;

    @Inject
    com.cogov.api.audit.AuditService audit;

    PortalSessions portal;
    String admin;
    String inspector;
    String enterprise;

    @BeforeAll
    void signIn() {
        portal = new PortalSessions(client);
        admin = portal.admin(devServices());
        inspector = portal.login("inspector", devServices().demoPasswords().get("inspector"))
                .tokens()
                .accessToken();
        enterprise = portal.login("enterprise", devServices().demoPasswords().get("enterprise"))
                .tokens()
                .accessToken();
    }

    private LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    private ComplaintCaseView step(String token, long id, String transition, Map<String, Object> body) {
        return portal.call(
                HttpRequest.POST("/portal/v1/complaints/" + id + "/" + transition, body),
                token,
                ComplaintCaseView.class);
    }

    private static Map<String, Object> note(String note) {
        return Map.of("note", note);
    }

    private ComplaintStatusView citizenView(FilingReceipt receipt) {
        return client.toBlocking()
                .retrieve(
                        HttpRequest.GET(ComplaintFilingTest.statusUri(receipt.trackingNumber(), receipt.queryCode()))
                                .header("X-Forwarded-For", "10.88.0." + (receipt.id() % 250 + 1)),
                        ComplaintStatusView.class);
    }

    @Test
    void anInspectorTakesAComplaintThroughMediationAndTheCitizenSeesEachStepButNoNotes() {
        FilingReceipt receipt = fileOnTheWeb(client, complaint());

        Page<ComplaintSummaryView> worklist = portal.call(
                HttpRequest.GET("/portal/v1/complaints?status=RECEIVED&kind=COMPLAINT&q=" + receipt.trackingNumber()),
                inspector,
                WORKLIST);
        assertThat(worklist.items()).singleElement().satisfies(s -> {
            assertThat(s.districtCode()).isEqualTo("420106");
            assertThat(s.dueDate()).isEqualTo(calendar.deadline(today(), 7).date());
        });
        ComplaintCaseView read = portal.call(
                HttpRequest.GET("/portal/v1/complaints/" + receipt.id()), inspector, ComplaintCaseView.class);
        assertThat(read.complainant().name()).isEqualTo("李**");
        assertThat(read.complainant().phone()).isEqualTo("139****5678");
        assertThat(read.complainant().address()).startsWith("湖北省武汉市").doesNotContain("中北路");
        assertThat(read.timeline()).extracting(ComplaintCaseView.Step::action).containsExactly("FILED");

        step(inspector, receipt.id(), "accept", note("材料齐全，内部备注A"));
        var twice = portal.refused(
                HttpRequest.POST("/portal/v1/complaints/" + receipt.id() + "/accept", note("再次受理"))
                        .bearerAuth(inspector),
                409);
        assertThat(twice.code()).isEqualTo("COMPLAINT_TRANSITION_INVALID");
        ComplaintCaseView mediating = step(inspector, receipt.id(), "start-mediation", note("双方同意调解"));
        assertThat(mediating.status()).isEqualTo(ComplaintStatus.MEDIATING);
        assertThat(mediating.deadlines())
                .contains(new DeadlineView(
                        DeadlineKind.MEDIATION_END,
                        calendar.deadline(today(), 45).date(),
                        calendar.deadline(today(), 45).provisional()));
        var wrongOutcome = portal.refused(
                HttpRequest.POST(
                                "/portal/v1/complaints/" + receipt.id() + "/close",
                                Map.of("note", "立案", "outcome", "CASE_OPENED"))
                        .bearerAuth(inspector),
                409);
        assertThat(wrongOutcome.detail()).contains("AGREED");
        step(inspector, receipt.id(), "reply", note("请于周五前提供购药小票"));
        ComplaintCaseView closed =
                step(inspector, receipt.id(), "close", Map.of("note", "内部备注B：商家拒绝赔偿", "outcome", "NOT_AGREED"));

        assertThat(closed.status()).isEqualTo(ComplaintStatus.CLOSED);
        assertThat(closed.outcome()).isEqualTo(ComplaintOutcome.NOT_AGREED);
        assertThat(closed.timeline())
                .extracting(ComplaintCaseView.Step::action)
                .containsExactly("FILED", "ACCEPT", "START_MEDIATION", "REPLY", "CLOSE");
        ComplaintStatusView seen = citizenView(receipt);
        assertThat(seen.status()).isEqualTo(ComplaintStatus.CLOSED);
        assertThat(seen.replies())
                .extracting(ComplaintStatusView.Reply::text)
                .anySatisfy(t -> assertThat(t).contains("已受理"))
                .anySatisfy(t -> assertThat(t).contains("购药小票"))
                .allSatisfy(t -> assertThat(t).doesNotContain("内部备注"));
    }

    @Test
    void aReportIsExtendedOnceAndDecidedButNeverMediated() {
        FilingReceipt receipt = fileOnTheWeb(client, anonymousReport()); // 江汉区: the city handles it here
        ComplaintCaseView extended = step(admin, receipt.id(), "extend", note("需调取监控"));
        LocalDate first = calendar.deadline(today(), 15).date();
        assertThat(extended.deadlines())
                .extracting(DeadlineView::kind, DeadlineView::date)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        DeadlineKind.CASE_DECISION, calendar.deadline(first, 15).date()));
        assertThat(portal.refused(
                                HttpRequest.POST("/portal/v1/complaints/" + receipt.id() + "/extend", note("再延长"))
                                        .bearerAuth(admin),
                                409)
                        .detail())
                .contains("一次");
        portal.refused(
                HttpRequest.POST("/portal/v1/complaints/" + receipt.id() + "/start-mediation", note("调解"))
                        .bearerAuth(admin),
                409);
        portal.refused(
                HttpRequest.POST("/portal/v1/complaints/" + receipt.id() + "/fly", note("x"))
                        .bearerAuth(admin),
                404);
        ComplaintCaseView decided =
                step(admin, receipt.id(), "close", Map.of("note", "证据确凿", "outcome", "CASE_OPENED"));
        assertThat(decided.outcome()).isEqualTo(ComplaintOutcome.CASE_OPENED);
        assertThat(decided.complainant()).as("an anonymous report").isNull();
        assertThat(portal.refused(
                                HttpRequest.POST(
                                                "/portal/v1/complaints/" + receipt.id() + "/complainant/unmask",
                                                Map.of("reason", "核实"))
                                        .bearerAuth(admin),
                                409)
                        .code())
                .isEqualTo("COMPLAINT_TRANSITION_INVALID");
    }

    @Test
    void casesOutsideTheDistrictAreNotFoundUntilTheCityAssignsThem() {
        FilingReceipt elsewhere = fileOnTheWeb(client, complaintInJianghan());

        assertThat(portal.refused(
                                HttpRequest.GET("/portal/v1/complaints/" + elsewhere.id())
                                        .bearerAuth(inspector),
                                404)
                        .code())
                .isEqualTo("COMPLAINT_NOT_FOUND");
        assertThat(portal.call(
                                HttpRequest.GET("/portal/v1/complaints?q=" + elsewhere.trackingNumber()),
                                inspector,
                                WORKLIST)
                        .items())
                .isEmpty();
        portal.refused(
                HttpRequest.GET("/portal/v1/complaints?districtCode=420103").bearerAuth(inspector), 404);
        portal.refused(HttpRequest.GET("/portal/v1/complaints").bearerAuth(enterprise), 403);
        portal.refused(
                HttpRequest.POST(
                                "/portal/v1/complaints/" + elsewhere.id() + "/assign",
                                Map.of("note", "转交", "districtCode", "420106"))
                        .bearerAuth(enterprise),
                403);

        ComplaintCaseView assigned =
                step(admin, elsewhere.id(), "assign", Map.of("note", "属武昌区管辖", "districtCode", "420106"));
        assertThat(assigned.districtCode()).isEqualTo("420106");
        assertThat(portal.call(
                                HttpRequest.GET("/portal/v1/complaints/" + elsewhere.id()),
                                inspector,
                                ComplaintCaseView.class)
                        .status())
                .isEqualTo(ComplaintStatus.RECEIVED);
        var notCity = portal.refused(
                HttpRequest.POST(
                                "/portal/v1/complaints/" + elsewhere.id() + "/assign",
                                Map.of("note", "退回", "districtCode", "420103"))
                        .bearerAuth(inspector),
                403);
        assertThat(notCity.code()).isEqualTo("FORBIDDEN");
        portal.refused(HttpRequest.GET("/portal/v1/complaints?due=SOMEDAY").bearerAuth(admin), 400);
        portal.refused(HttpRequest.GET("/portal/v1/complaints?status=LOST").bearerAuth(admin), 400);
    }

    @Test
    void aHandlerSeesTheComplainantInFullOnlyWithAReasonThatIsAudited() throws Exception {
        FilingReceipt receipt = fileOnTheWeb(client, complaint());
        ComplaintCaseView.Person full = portal.call(
                HttpRequest.POST(
                        "/portal/v1/complaints/" + receipt.id() + "/complainant/unmask", Map.of("reason", "电话回访")),
                inspector,
                ComplaintCaseView.Person.class);
        assertThat(full.name()).isEqualTo("李投诉");
        assertThat(full.phone()).isEqualTo("13912345678");
        portal.refused(
                HttpRequest.POST("/portal/v1/complaints/" + receipt.id() + "/complainant/unmask", Map.of())
                        .bearerAuth(inspector),
                400);
        audit.flush(); // chain what is committed, as the trail's scheduler does shortly after
        try (Connection c = devServices().openConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT COUNT(*) FROM audit_event WHERE action = 'privacy.unmask' AND target_type = 'complaint'"
                                + " AND target_id = ?")) {
            ps.setString(1, String.valueOf(receipt.id()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getLong(1))
                        .as("name, phone and address, each audited")
                        .isEqualTo(3);
            }
        }
    }

    @Test
    void handlersDownloadTheCasesFilesAsAttachmentsOnly() {
        FilingReceipt receipt = fileOnTheWeb(client, complaint(), ComplaintFixtures.pdf());
        ComplaintCaseView read = portal.call(
                HttpRequest.GET("/portal/v1/complaints/" + receipt.id()), inspector, ComplaintCaseView.class);
        String fileId = read.attachments().get(0).id();

        HttpResponse<byte[]> file = client.toBlocking()
                .exchange(
                        HttpRequest.GET("/portal/v1/complaints/" + receipt.id() + "/attachments/" + fileId)
                                .bearerAuth(inspector)
                                .header("X-Forwarded-For", "10.0.9.9"),
                        byte[].class);
        assertThat(file.header("Content-Disposition")).startsWith("attachment");
        assertThat(file.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(file.getContentType().orElseThrow().toString()).startsWith("application/pdf");
        assertThat(new String(file.body(), 0, 5)).isEqualTo("%PDF-");
        portal.refused(
                HttpRequest.GET("/portal/v1/complaints/" + receipt.id() + "/attachments/not-its-file")
                        .bearerAuth(inspector),
                404);
    }

    @Test
    void aMiniProgramFilerIsToldOfEachStepInTheirInbox() throws Exception {
        long citizen;
        try (Connection c = devServices().openConnection();
                ResultSet rs = c.createStatement()
                        .executeQuery("SELECT id FROM account WHERE wechat_openid = 'demo-public'")) {
            rs.next();
            citizen = rs.getLong(1);
        }
        Map<String, Object> body = new HashMap<>(complaint());
        FilingReceipt receipt = complaints.fileFromMiniProgram(
                new Actor(citizen, Role.PUBLIC, null, null, null, "10.0.8.8", null),
                UUID.randomUUID().toString(),
                json.readValue(json.writeValueAsBytes(body), ComplaintRequest.class));

        step(inspector, receipt.id(), "accept", note("受理"));

        try (Connection c = devServices().openConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT body FROM notification_inbox WHERE account_id = ? AND topic = 'COMPLAINT'"
                                + " AND body LIKE ?")) {
            ps.setLong(1, citizen);
            ps.setString(2, "%" + receipt.trackingNumber() + "%");
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("an inbox entry for the filer").isTrue();
                assertThat(rs.getString(1)).contains("已受理").doesNotContain("李投诉");
            }
        }
    }

    @Test
    void theDemoCasesOpenWithTheDemoCodeAndAnOverdueOneIsOnTheInspectorsList() throws Exception {
        String overdue;
        try (Connection c = devServices().openConnection();
                ResultSet rs = c.createStatement()
                        .executeQuery("SELECT tracking_number FROM complaint WHERE tracking_number LIKE 'TS%000002'"
                                + " AND due_flag = 'OVERDUE'")) {
            assertThat(rs.next()).as("the seeded overdue report").isTrue();
            overdue = rs.getString(1);
        }
        assertThat(portal.call(HttpRequest.GET("/portal/v1/complaints?due=OVERDUE"), inspector, WORKLIST)
                        .items())
                .extracting(ComplaintSummaryView::trackingNumber)
                .contains(overdue);
        ComplaintStatusView seen = client.toBlocking()
                .retrieve(
                        HttpRequest.GET(ComplaintFilingTest.statusUri(overdue, "DEMO2026CX"))
                                .header("X-Forwarded-For", "10.88.1.1"),
                        ComplaintStatusView.class);
        assertThat(seen.status()).isEqualTo(ComplaintStatus.CASE_DECISION);
    }

    @Test
    void statisticsCountTheDistrictsCasesAndTheShareClosedOnTime() {
        FilingReceipt receipt = fileOnTheWeb(client, complaint());
        step(inspector, receipt.id(), "reject", note("超过三年，依第十五条不予受理"));
        String window = "from=" + today().minusDays(30) + "&to=" + today().plusDays(1);

        var mine = portal.call(
                HttpRequest.GET("/portal/v1/statistics/complaints?" + window),
                inspector,
                com.cogov.contracts.complaint.ComplaintStatisticsView.class);
        assertThat(mine.rows()).allSatisfy(r -> assertThat(r.districtCode()).isEqualTo("420106"));
        assertThat(mine.rows()).anySatisfy(r -> assertThat(r.status()).isEqualTo(ComplaintStatus.REJECTED));
        assertThat(mine.closed()).isPositive();
        assertThat(mine.closedOnTime()).isPositive();
        assertThat(mine.onTimeShare()).isBetween(0.0, 1.0);

        var city = portal.call(
                HttpRequest.GET("/portal/v1/statistics/complaints?" + window),
                admin,
                com.cogov.contracts.complaint.ComplaintStatisticsView.class);
        assertThat(city.cases()).isGreaterThan(mine.cases());
        portal.refused(
                HttpRequest.GET("/portal/v1/statistics/complaints?" + window + "&districtCode=420103")
                        .bearerAuth(inspector),
                404);
        portal.refused(HttpRequest.GET("/portal/v1/statistics/complaints").bearerAuth(admin), 400);
    }

    @Test
    void theStatisticsExportAsACsvWithoutAnyonesIdentity() {
        FilingReceipt receipt = fileOnTheWeb(client, complaint());
        String from = today().minusDays(30).toString();
        String to = today().plusDays(1).toString();
        com.cogov.contracts.job.JobView job = portal.call(
                HttpRequest.POST(
                        "/portal/v1/exports",
                        Map.of(
                                "kind",
                                "COMPLAINT_STATISTICS",
                                "format",
                                "csv",
                                "filter",
                                Map.of("from", from, "to", to))),
                inspector,
                com.cogov.contracts.job.JobView.class);
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .pollInterval(java.time.Duration.ofMillis(100))
                .until(
                        () -> portal.call(
                                HttpRequest.GET("/portal/v1/jobs/" + job.id()),
                                inspector,
                                com.cogov.contracts.job.JobView.class),
                        j -> j.state().ended());
        byte[] body = portal.call(HttpRequest.GET("/portal/v1/exports/" + job.id() + "/file"), inspector, byte[].class);
        String csv = new String(body, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv).contains("投诉举报统计", "类别,行政区划代码,状态,件数", "DRUG,420106,RECEIVED", "合计", "按期办结率");
        assertThat(csv).doesNotContain("李投诉", "13912345678", "420103", receipt.trackingNumber());
        assertThat(portal.refused(
                                HttpRequest.POST(
                                                "/portal/v1/exports",
                                                Map.of(
                                                        "kind",
                                                        "COMPLAINT_STATISTICS",
                                                        "format",
                                                        "csv",
                                                        "filter",
                                                        Map.of()))
                                        .bearerAuth(inspector),
                                400)
                        .code())
                .isEqualTo("TIME_SPAN_INVALID");
    }
}
