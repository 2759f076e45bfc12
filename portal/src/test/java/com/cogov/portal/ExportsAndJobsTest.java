package com.cogov.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.cogov.api.file.FileService;
import com.cogov.api.job.JobService;
import com.cogov.contracts.account.ProfileView;
import com.cogov.contracts.audit.AuditEventView;
import com.cogov.contracts.job.JobState;
import com.cogov.contracts.job.JobView;
import com.cogov.contracts.paging.Page;
import io.micronaut.core.type.Argument;
import io.micronaut.core.type.GenericArgument;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A regulator exports what they see: the request is checked at once, the file is made in the background (a job they
 * can follow, cancel and resume after a node dies), and only they can fetch it, for 24 hours.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportsAndJobsTest implements PortalTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    JobService jobs;

    @Inject
    FileService files;

    @Inject
    DataSource dataSource;

    private static final Argument<Page<AuditEventView>> AUDIT_PAGE = new GenericArgument<>() {};

    PortalSessions portal;
    String inspector;
    String admin;
    String enterprise;
    long inspectorAccount;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(PortalTest.super.getProperties());
        properties.put("cogov.jobs.poll-interval", "200ms");
        // Stalled jobs are recovered when a test says so, not by the schedule in the middle of its setup.
        properties.put("cogov.jobs.heartbeat", "1h");
        return properties;
    }

    @BeforeAll
    void signIn() {
        portal = new PortalSessions(client);
        inspector = portal.login("inspector", devServices().demoPasswords().get("inspector"))
                .tokens()
                .accessToken();
        enterprise = portal.login("enterprise", devServices().demoPasswords().get("enterprise"))
                .tokens()
                .accessToken();
        admin = portal.admin(devServices());
        inspectorAccount = portal.call(HttpRequest.GET("/portal/v1/me"), inspector, ProfileView.class)
                .accountId();
    }

    @Test
    void aHundredThousandRowWorkbookIsMadeInTheBackgroundAndOpensWithItsHeadingAndEveryRow() throws Exception {
        JobView queued = export(inspector, "xlsx", Map.of("rows", 100_000, "districtCode", "420106"));
        assertThat(queued.type()).isEqualTo("EXPORT");
        assertThat(queued.state()).isIn(JobState.QUEUED, JobState.RUNNING);

        JobView done = awaitEnd(inspector, queued.id(), Duration.ofSeconds(90));
        assertThat(done.state()).isEqualTo(JobState.DONE);
        assertThat(done.percent()).isEqualTo(100);
        assertThat(done.done()).isEqualTo(100_000);
        assertThat(done.result()).containsEntry("rows", 100_000);

        HttpResponse<byte[]> file = download(inspector, queued.id());
        assertThat(file.getHeaders().get("Content-Disposition"))
                .startsWith("attachment;")
                .contains("filename*=UTF-8''" + "%E6%B5%8B%E8%AF%95%E8%A1%8C_"); // 测试行_
        assertThat(file.getHeaders().get("X-Content-Type-Options")).isEqualTo("nosniff");
        StreamedWorkbook workbook = StreamedWorkbook.read(file.body());
        assertThat(workbook.creator())
                .isEqualTo(portal.call(HttpRequest.GET("/portal/v1/me"), inspector, ProfileView.class)
                        .displayName());
        assertThat(workbook.firstRows().get(0)).containsExactly("测试行");
        assertThat(workbook.firstRows().get(1).get(0)).startsWith("导出人：");
        assertThat(workbook.firstRows().get(2).get(0)).matches("导出时间：\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
        assertThat(workbook.firstRows().get(3).get(0)).isEqualTo("筛选条件：共100000行，行政区：420106");
        assertThat(workbook.firstRows().get(4)).containsExactlyElementsOf(TestRowsExport.COLUMNS);
        assertThat(workbook.firstRows().get(5))
                .containsExactly("1", "测试药店1", "备注1", "2026-12-03 10:00:01", "4201**********123X");
        assertThat(workbook.rows()).isEqualTo(5 + 100_000);

        Page<AuditEventView> trail = portal.call(
                HttpRequest.GET("/portal/v1/audit/events?targetType=job&targetId=" + queued.id()), admin, AUDIT_PAGE);
        assertThat(trail.items())
                .extracting(AuditEventView::action)
                .contains("export.create", "export.done", "export.download");
        assertThat(trail.items())
                .filteredOn(e -> e.action().equals("export.done"))
                .singleElement()
                .satisfies(e -> assertThat(e.details()).containsEntry("rows", "100000"));
        assertThat(trail.items())
                .filteredOn(e -> e.action().equals("export.create"))
                .singleElement()
                .satisfies(e -> assertThat(e.details())
                        .containsEntry("kind", "TEST_ROWS")
                        .containsEntry("format", "xlsx")
                        .containsEntry("filter", "共100000行，行政区：420106"));
    }

    @Test
    void aSpreadsheetNeverRunsAFormulaFromTheData() throws Exception {
        JobView job = awaitEnd(
                inspector, export(inspector, "xlsx", Map.of("rows", 10)).id(), Duration.ofSeconds(30));
        try (XSSFWorkbook workbook = new XSSFWorkbook(
                new ByteArrayInputStream(download(inspector, job.id()).body()))) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            var cell = sheet.getRow(6 + 9).getCell(2); // the 10th data row, below 4 heading lines, a blank, the columns
            assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
            assertThat(cell.getStringCellValue()).startsWith("=HYPERLINK");
            assertThat(cell.getCellStyle().getQuotePrefixed()).isTrue();
        }
    }

    @Test
    void aCsvHasAByteOrderMarkForExcelItsHeadingAndQuotedFormulas() {
        JobView job =
                awaitEnd(inspector, export(inspector, "csv", Map.of("rows", 10)).id(), Duration.ofSeconds(30));
        byte[] body = download(inspector, job.id()).body();
        assertThat(body).startsWith(0xEF, 0xBB, 0xBF);
        List<String> lines = new String(body, 3, body.length - 3, StandardCharsets.UTF_8)
                .lines()
                .toList();
        assertThat(lines.get(0)).isEqualTo("测试行");
        assertThat(lines.get(1)).startsWith("导出人：");
        assertThat(lines.get(3)).isEqualTo("筛选条件：共10行，行政区：全部");
        assertThat(lines.get(5)).isEqualTo(String.join(",", TestRowsExport.COLUMNS));
        assertThat(lines.get(6)).isEqualTo("1,测试药店1,备注1,2026-12-03 10:00:01,4201**********123X");
        assertThat(lines.get(15))
                .isEqualTo(
                        "10,测试药店10,\"'=HYPERLINK(\"\"http://evil\"\",\"\"点我\"\")\",2026-12-03 10:00:10,4201**********123X");
        assertThat(lines).hasSize(6 + 10);
    }

    @Test
    void anotherUsersJobAndFileDoNotExistForYou() {
        JobView theirs = awaitEnd(admin, export(admin, "csv", Map.of("rows", 1)).id(), Duration.ofSeconds(30));
        long id = theirs.id();
        for (MutableHttpRequest<?> request : List.of(
                HttpRequest.GET("/portal/v1/jobs/" + id),
                HttpRequest.GET("/portal/v1/jobs/" + id + "/events"),
                HttpRequest.POST("/portal/v1/jobs/" + id + "/cancel", ""),
                HttpRequest.GET("/portal/v1/exports/" + id + "/file"))) {
            assertThat(portal.refused(request.bearerAuth(inspector), 404).code())
                    .isIn("JOB_NOT_FOUND");
        }
        assertThat(portal.refused(HttpRequest.GET("/portal/v1/jobs/999999999").bearerAuth(inspector), 404)
                        .code())
                .isEqualTo("JOB_NOT_FOUND");
        assertThat(download(admin, id).status().getCode()).isEqualTo(200);
    }

    @Test
    void aCancelledExportStopsAndLeavesNoFile() {
        JobView job = export(inspector, "xlsx", Map.of("rows", 1_000_000));
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> view(inspector, job.id()).done() > 0);
        JobView cancelling =
                portal.call(HttpRequest.POST("/portal/v1/jobs/" + job.id() + "/cancel", ""), inspector, JobView.class);
        assertThat(cancelling.state()).isIn(JobState.RUNNING, JobState.CANCELLED);

        JobView ended = awaitEnd(inspector, job.id(), Duration.ofSeconds(30));
        assertThat(ended.state()).isEqualTo(JobState.CANCELLED);
        assertThat(ended.done()).isLessThan(1_000_000);
        assertThat(portal.refused(
                                HttpRequest.GET("/portal/v1/exports/" + job.id() + "/file")
                                        .bearerAuth(inspector),
                                409)
                        .code())
                .isEqualTo("EXPORT_NOT_READY");
        assertThat(portal.refused(
                                HttpRequest.POST("/portal/v1/jobs/" + job.id() + "/cancel", "")
                                        .bearerAuth(inspector),
                                409)
                        .code())
                .isEqualTo("JOB_NOT_CANCELLABLE");
    }

    @Test
    void anExportPastItsDayIsGone() throws SQLException {
        JobView job =
                awaitEnd(inspector, export(inspector, "csv", Map.of("rows", 2)).id(), Duration.ofSeconds(30));
        assertThat(download(inspector, job.id()).status().getCode()).isEqualTo(200);
        sql(
                "UPDATE stored_file SET expires_at = TIMESTAMPADD(HOUR, -1, CURRENT_TIMESTAMP(6)) WHERE id = ?",
                job.result().get("fileId"));
        assertThat(portal.refused(
                                HttpRequest.GET("/portal/v1/exports/" + job.id() + "/file")
                                        .bearerAuth(inspector),
                                410)
                        .code())
                .isEqualTo("EXPORT_EXPIRED");

        // the cleanup (scheduled on one node) removes it, and it stays gone
        String fileId = (String) job.result().get("fileId");
        assertThat(files.deleteExpired()).isGreaterThanOrEqualTo(1);
        assertThat(files.find(fileId)).isEmpty();
        assertThat(files.open(fileId)).isEmpty();
        assertThat(portal.refused(
                                HttpRequest.GET("/portal/v1/exports/" + job.id() + "/file")
                                        .bearerAuth(inspector),
                                410)
                        .code())
                .isEqualTo("EXPORT_EXPIRED");
    }

    @Test
    void aJobLeftRunningByADeadNodeResumesFromItsCheckpoint() throws SQLException {
        long id = insertJob(
                "INSERT INTO job (type, owner_account_id, owner_role, owner_district_code, state, done, total, params,"
                        + " checkpoint, created_at, started_at, claimed_by, heartbeat_at) VALUES ('TEST_COUNT', ?,"
                        + " 'DISTRICT_INSPECTOR', '420106', 'RUNNING', 7, 10, '{\"to\":10}', '7',"
                        + " CURRENT_TIMESTAMP(6), CURRENT_TIMESTAMP(6), 'a-node-that-died',"
                        + " TIMESTAMPADD(MINUTE, -10, CURRENT_TIMESTAMP(6)))");
        assertThat(view(inspector, id).state()).isEqualTo(JobState.RUNNING);

        assertThat(jobs.recoverStalled()).isGreaterThanOrEqualTo(1);

        JobView resumed = awaitEnd(inspector, id, Duration.ofSeconds(30));
        assertThat(resumed.state()).isEqualTo(JobState.DONE);
        assertThat(resumed.done()).isEqualTo(10);
        assertThat(resumed.result()).containsEntry("startedFrom", 7);
    }

    @Test
    void theEventStreamFollowsAJobToItsEnd() {
        long id = export(inspector, "csv", Map.of("rows", 20_000)).id();
        String stream = client.toBlocking()
                .retrieve(
                        HttpRequest.GET("/portal/v1/jobs/" + id + "/events")
                                .header("X-Forwarded-For", "10.0.9.9")
                                .bearerAuth(inspector),
                        String.class);
        assertThat(stream).contains("event: job").contains("\"state\":\"DONE\"");
        assertThat(stream.lastIndexOf("\"state\":\"DONE\"")).isGreaterThan(stream.lastIndexOf("\"state\":\"RUNNING\""));
    }

    @Test
    void aBadRequestIsRefusedBeforeAnyJobExists() {
        assertThat(refusedExport(inspector, Map.of("kind", "NO_SUCH_KIND", "format", "xlsx"), 400))
                .isEqualTo("EXPORT_KIND_UNKNOWN");
        assertThat(refusedExport(inspector, Map.of("kind", "TEST_ROWS", "format", "pdf"), 400))
                .isEqualTo("EXPORT_FORMAT_UNKNOWN");
        assertThat(refusedExport(
                        inspector,
                        Map.of("kind", "TEST_ROWS", "format", "csv", "filter", Map.of("rows", Map.of("a", 1))),
                        400))
                .isEqualTo("QUERY_PARAMETER_INVALID");
        assertThat(refusedExport(
                        inspector,
                        Map.of("kind", "TEST_ROWS", "format", "csv", "filter", Map.of("rows", List.of(1))),
                        400))
                .isEqualTo("QUERY_PARAMETER_INVALID");
        assertThat(refusedExport(
                        inspector, Map.of("kind", "TEST_ROWS", "format", "csv", "filter", Map.of("rows", "many")), 400))
                .isEqualTo("QUERY_PARAMETER_INVALID");
        assertThat(refusedExport(
                        inspector,
                        Map.of("kind", "TEST_ROWS", "format", "csv", "filter", Map.of("districtCode", "420103")),
                        404))
                .isEqualTo("DISTRICT_NOT_FOUND");
        assertThat(refusedExport(inspector, Map.of("format", "csv"), 400)).isEqualTo("VALIDATION_FAILED");
        assertThat(refusedExport(enterprise, Map.of("kind", "TEST_ROWS", "format", "csv"), 403))
                .isEqualTo("FORBIDDEN");
        // a boolean and a number are their text, as in a query string
        assertThat(export(inspector, "csv", Map.of("rows", 1, "minor", true)).id())
                .isPositive();
    }

    private String refusedExport(String token, Map<String, Object> body, int status) {
        return portal.refused(HttpRequest.POST("/portal/v1/exports", body).bearerAuth(token), status)
                .code();
    }

    private JobView export(String token, String format, Map<String, Object> filter) {
        HttpResponse<JobView> response = client.toBlocking()
                .exchange(
                        HttpRequest.POST(
                                        "/portal/v1/exports",
                                        Map.of("kind", TestRowsExport.KIND, "format", format, "filter", filter))
                                .header("X-Forwarded-For", "10.0.9.9")
                                .bearerAuth(token),
                        JobView.class);
        assertThat(response.status().getCode()).isEqualTo(202);
        return response.body();
    }

    private JobView view(String token, long id) {
        return portal.call(HttpRequest.GET("/portal/v1/jobs/" + id), token, JobView.class);
    }

    private JobView awaitEnd(String token, long id, Duration atMost) {
        return await().atMost(atMost)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> view(token, id), job -> job.state().ended());
    }

    private HttpResponse<byte[]> download(String token, long id) {
        return client.toBlocking()
                .exchange(
                        HttpRequest.GET("/portal/v1/exports/" + id + "/file")
                                .header("X-Forwarded-For", "10.0.9.9")
                                .bearerAuth(token),
                        byte[].class);
    }

    private void sql(String statement, Object value) throws SQLException {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
                PreparedStatement ps = c.prepareStatement(statement)) {
            ps.setObject(1, value);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }

    private long insertJob(String statement) throws SQLException {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
                PreparedStatement ps = c.prepareStatement(statement, PreparedStatement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, inspectorAccount);
            ps.executeUpdate();
            try (var keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }
}
