package com.cogov.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.cogov.api.file.NewFile;
import com.cogov.contracts.account.AccountRequests;
import com.cogov.contracts.account.ProfileView;
import com.cogov.contracts.job.JobView;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Object-level authorisation (OWASP IDOR) on the portal, with a district-scoped user (武昌区's inspector) and an
 * enterprise user. Every route that takes an id declares how such a user is kept out:
 * <ul>
 *   <li>{@link Case#roleOnly}: the route is not for their role at all: exactly 403, before any object is looked up;</li>
 *   <li>{@link Case#scoped}: the route is for their role, and scope is checked against the object: an object outside
 *       their district or enterprise answers exactly 404, and the same request for an object inside it succeeds.</li>
 * </ul>
 * Routes are read from the running app, so a new route with an id and no case here fails the build, and a route
 * opened to district users must say which of their objects it reaches and which it does not.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ObjectScopeMatrixTest implements PortalTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Router router;

    @Inject
    com.cogov.api.file.FileService files;

    PortalSessions portal;
    String admin;
    String districtInspector;
    String enterpriseUser;
    long cityAdminAccount;
    long adminsInboxEntry;
    long inspectorsInboxEntry;
    long adminExport;
    long inspectorExport;
    long adminImport;
    long inspectorImport;
    String saleInDistrict;
    String saleElsewhere;
    com.cogov.contracts.complaint.FilingReceipt complaintInDistrict;
    com.cogov.contracts.complaint.FilingReceipt complaintElsewhere;
    long noticeElsewhere;
    long noticeWithFile;
    String fileOfNotice;

    /**
     * How one route keeps a scoped user out. {@code outOfScope} is their request against an object outside their scope;
     * {@code inScope}, for scoped routes, the same request against one of their own objects.
     */
    record Case(
            @Nullable Supplier<MutableHttpRequest<?>> outOfScope,
            boolean scopedByObject,
            @Nullable Supplier<MutableHttpRequest<?>> inScope) {

        static Case unowned() {
            return new Case(null, false, null);
        }

        static Case roleOnly(Supplier<MutableHttpRequest<?>> request) {
            return new Case(request, false, null);
        }

        static Case scoped(Supplier<MutableHttpRequest<?>> outOfScope, Supplier<MutableHttpRequest<?>> inScope) {
            return new Case(outOfScope, true, inScope);
        }
    }

    Map<String, Case> matrix() {
        Map<String, Case> m = new TreeMap<>();
        m.put("GET /portal/v1/public/drugs/barcode/{code}", Case.unowned()); // the catalog is public: no owner
        // the public search: trading pharmacies and the catalog are everyone's to read (PublicSearchTest)
        m.put("GET /portal/v1/public/pharmacies/{id}", Case.unowned());
        m.put("GET /portal/v1/public/drugs/{id}", Case.unowned());
        // a citizen's case on the public web is opened by its query code, not by anyone's scope (ComplaintFilingTest)
        m.put("GET /portal/v1/public/complaints/{trackingNumber}", Case.unowned());
        // a case belongs to the target's district: 江汉区's is outside 武昌区 (fresh web filings, one with a file each)
        m.put(
                "GET /portal/v1/complaints/{id}",
                Case.scoped(
                        () -> HttpRequest.GET("/portal/v1/complaints/" + complaintElsewhere.id()),
                        () -> HttpRequest.GET("/portal/v1/complaints/" + complaintInDistrict.id())));
        m.put(
                "POST /portal/v1/complaints/{id}/{transition}",
                Case.scoped(
                        () -> HttpRequest.POST(
                                "/portal/v1/complaints/" + complaintElsewhere.id() + "/reply", Map.of("note", "越权测试")),
                        () -> HttpRequest.POST(
                                "/portal/v1/complaints/" + complaintInDistrict.id() + "/reply",
                                Map.of("note", "辖区答复"))));
        m.put(
                "POST /portal/v1/complaints/{id}/complainant/unmask",
                Case.scoped(
                        () -> HttpRequest.POST(
                                "/portal/v1/complaints/" + complaintElsewhere.id() + "/complainant/unmask",
                                new AccountRequests.Reason("越权测试")),
                        () -> HttpRequest.POST(
                                "/portal/v1/complaints/" + complaintInDistrict.id() + "/complainant/unmask",
                                new AccountRequests.Reason("辖区核查"))));
        m.put(
                "GET /portal/v1/complaints/{id}/attachments/{attachmentId}",
                Case.scoped(
                        () -> HttpRequest.GET("/portal/v1/complaints/" + complaintElsewhere.id() + "/attachments/"
                                + attachmentOf(complaintElsewhere.id())),
                        () -> HttpRequest.GET("/portal/v1/complaints/" + complaintInDistrict.id() + "/attachments/"
                                + attachmentOf(complaintInDistrict.id()))));
        m.put(
                "GET /portal/v1/complaints?districtCode",
                Case.scoped(
                        () -> HttpRequest.GET("/portal/v1/complaints?districtCode=420103"),
                        () -> HttpRequest.GET("/portal/v1/complaints?districtCode=420106")));
        m.put(
                "GET /portal/v1/statistics/complaints?districtCode",
                Case.scoped(
                        () -> HttpRequest.GET(
                                "/portal/v1/statistics/complaints?" + RecordQueryTest.WINDOW + "&districtCode=420103"),
                        () -> HttpRequest.GET("/portal/v1/statistics/complaints?" + RecordQueryTest.WINDOW
                                + "&districtCode=420106")));
        // the catalog is the city's to keep (DrugMaintenanceTest): a district user is refused by role, before any
        // lookup
        String demoDrug = "/portal/v1/drugs/1";
        m.put("GET /portal/v1/drugs/{id}", Case.roleOnly(() -> HttpRequest.GET(demoDrug)));
        m.put("PATCH /portal/v1/drugs/{id}", Case.roleOnly(() -> HttpRequest.PATCH(demoDrug, Map.of("name", "越权改名"))));
        m.put(
                "POST /portal/v1/drugs/{id}/barcodes",
                Case.roleOnly(() -> HttpRequest.POST(
                        demoDrug + "/barcodes", Map.of("barcode", com.cogov.infra.dev.DemoData.EXAMPLE_BARCODE))));
        m.put(
                "DELETE /portal/v1/drugs/{id}/barcodes/{barcode}",
                Case.roleOnly(() ->
                        HttpRequest.DELETE(demoDrug + "/barcodes/" + com.cogov.infra.dev.DemoData.EXAMPLE_BARCODE)));
        m.put(
                "POST /portal/v1/drugs/{id}/status",
                Case.roleOnly(() -> HttpRequest.POST(demoDrug + "/status", Map.of("status", "RETIRED"))));
        m.put(
                "POST /portal/v1/catalog/unknown-barcodes/{barcode}/resolve",
                Case.roleOnly(() -> HttpRequest.POST(
                        "/portal/v1/catalog/unknown-barcodes/" + com.cogov.infra.dev.DemoUnknownBarcodes.EXAMPLE
                                + "/resolve",
                        Map.of("reject", "越权测试"))));
        // the official calendar is everyone's to read; only the city loads a year
        m.put("GET /portal/v1/calendar/{year}", Case.unowned());
        m.put(
                "PUT /portal/v1/calendar/{year}",
                Case.roleOnly(() -> HttpRequest.PUT("/portal/v1/calendar/2040", Map.of("days", List.of()))));
        m.put(
                "GET /portal/v1/accounts/{id}",
                Case.roleOnly(() -> HttpRequest.GET("/portal/v1/accounts/" + cityAdminAccount)));
        for (String action : List.of("disable", "enable", "delete", "phone/unmask")) {
            m.put(
                    "POST /portal/v1/accounts/{id}/" + action,
                    Case.roleOnly(() -> HttpRequest.POST(
                            "/portal/v1/accounts/" + cityAdminAccount + "/" + action,
                            new AccountRequests.Reason("越权测试"))));
        }
        for (String action : List.of("reset-password", "unlock", "activation-code")) {
            m.put(
                    "POST /portal/v1/accounts/{id}/" + action,
                    Case.roleOnly(
                            () -> HttpRequest.POST("/portal/v1/accounts/" + cityAdminAccount + "/" + action, "")));
        }
        // an alert of 江汉区 (pharmacy 2), outside 武昌区; the in-scope triage gets a fresh open alert each time
        m.put(
                "GET /portal/v1/alerts/{id}",
                Case.scoped(
                        () -> HttpRequest.GET("/portal/v1/alerts/" + alert("420103", 2)),
                        () -> HttpRequest.GET("/portal/v1/alerts/" + alert("420106", 1))));
        m.put(
                "POST /portal/v1/alerts/{id}/triage",
                Case.scoped(
                        () -> HttpRequest.POST(
                                "/portal/v1/alerts/" + alert("420103", 2) + "/triage", Map.of("status", "REVIEWING")),
                        () -> HttpRequest.POST(
                                "/portal/v1/alerts/" + alert("420106", 1) + "/triage", Map.of("status", "REVIEWING"))));
        // the inspection checklist is the city's: a district inspector may read it, not change it
        m.put(
                "PUT /portal/v1/inspections/checklist/{code}",
                Case.roleOnly(() -> HttpRequest.PUT(
                        "/portal/v1/inspections/checklist/ID_CHECKED",
                        Map.of("label", "越权测试", "description", "越权测试", "sortOrder", 10, "active", false))));
        // an inspection of 江汉区 (pharmacy 2) is outside 武昌区; so is the photo that inspection uses
        m.put(
                "GET /portal/v1/inspections/{id}",
                Case.scoped(
                        () -> HttpRequest.GET("/portal/v1/inspections/" + inspection("420103", 2)),
                        () -> HttpRequest.GET("/portal/v1/inspections/" + inspection("420106", 1))));
        m.put(
                "GET /portal/v1/inspections/photos/{photoId}",
                Case.scoped(
                        () -> HttpRequest.GET("/portal/v1/inspections/photos/" + photoOf(inspection("420103", 2))),
                        () -> HttpRequest.GET("/portal/v1/inspections/photos/" + photoOf(inspection("420106", 1)))));
        // an inbox entry is its recipient's: anyone else's is not found
        m.put(
                "POST /portal/v1/inbox/{id}/read",
                Case.scoped(
                        () -> HttpRequest.POST("/portal/v1/inbox/" + adminsInboxEntry + "/read", ""),
                        () -> HttpRequest.POST("/portal/v1/inbox/" + inspectorsInboxEntry + "/read", "")));
        // The demo sales: one of pharmacy 1 (武昌区, the inspector's) and one of pharmacy 2 (江汉区).
        m.put(
                "GET /portal/v1/registrations/{number}",
                Case.scoped(
                        () -> HttpRequest.GET("/portal/v1/registrations/" + saleElsewhere),
                        () -> HttpRequest.GET("/portal/v1/registrations/" + saleInDistrict)));
        m.put(
                "POST /portal/v1/registrations/{number}/buyer/unmask",
                Case.scoped(
                        () -> HttpRequest.POST(
                                "/portal/v1/registrations/" + saleElsewhere + "/buyer/unmask",
                                new AccountRequests.Reason("越权测试")),
                        () -> HttpRequest.POST(
                                "/portal/v1/registrations/" + saleInDistrict + "/buyer/unmask",
                                new AccountRequests.Reason("辖区核查"))));
        for (String list : List.of("registrations", "registration-items")) {
            String uri = "/portal/v1/" + list + "?" + RecordQueryTest.WINDOW;
            m.put(
                    "GET /portal/v1/" + list + "?pharmacyId",
                    Case.scoped(
                            () -> HttpRequest.GET(uri + "&pharmacyId=2"),
                            () -> HttpRequest.GET(uri + "&pharmacyId=1")));
            m.put(
                    "GET /portal/v1/" + list + "?districtCode",
                    Case.scoped(
                            () -> HttpRequest.GET(uri + "&districtCode=420103"),
                            () -> HttpRequest.GET(uri + "&districtCode=420106")));
        }
        // The pharmacy lifecycle: pharmacy 2 is in 江汉区, outside 武昌区; pharmacy 1 is 武昌区's. Changes that would
        // disturb the demo pharmacy (its status, its manager's code) act in scope on a fresh 武昌区 pharmacy each time.
        m.put(
                "GET /portal/v1/pharmacies/{id}",
                Case.scoped(
                        () -> HttpRequest.GET("/portal/v1/pharmacies/2"),
                        () -> HttpRequest.GET("/portal/v1/pharmacies/1")));
        m.put(
                "PATCH /portal/v1/pharmacies/{id}",
                Case.scoped(
                        () -> HttpRequest.PATCH("/portal/v1/pharmacies/2", Map.of("name", "越权改名")),
                        () -> HttpRequest.PATCH("/portal/v1/pharmacies/" + freshPharmacy(), Map.of("name", "辖区改名"))));
        m.put(
                "POST /portal/v1/pharmacies/{id}/status",
                Case.scoped(
                        () -> HttpRequest.POST(
                                "/portal/v1/pharmacies/2/status", Map.of("status", "SUSPENDED", "reason", "越权测试")),
                        () -> HttpRequest.POST(
                                "/portal/v1/pharmacies/" + freshPharmacy() + "/status",
                                Map.of("status", "SUSPENDED", "reason", "辖区停业整顿"))));
        m.put(
                "POST /portal/v1/pharmacies/{id}/manager-activation",
                Case.scoped(
                        () -> HttpRequest.POST("/portal/v1/pharmacies/2/manager-activation", ""),
                        () -> HttpRequest.POST(
                                "/portal/v1/pharmacies/" + freshPharmacy() + "/manager-activation", "")));
        m.put(
                "GET /portal/v1/pharmacies?districtCode",
                Case.scoped(
                        () -> HttpRequest.GET("/portal/v1/pharmacies?districtCode=420103"),
                        () -> HttpRequest.GET("/portal/v1/pharmacies?districtCode=420106")));
        // the city's alone
        m.put(
                "POST /portal/v1/pharmacies/{id}/transfer",
                Case.roleOnly(() -> HttpRequest.POST(
                        "/portal/v1/pharmacies/1/transfer", Map.of("districtCode", "420111", "reason", "越权测试"))));
        m.put(
                "PATCH /portal/v1/districts/{code}",
                Case.roleOnly(() -> HttpRequest.PATCH("/portal/v1/districts/420103", Map.of("name", "越权改名"))));
        // statistics take a district, not an id in the path: 江汉区 (420103) is outside 武昌区
        m.put(
                "GET /portal/v1/statistics/registrations?districtCode",
                Case.scoped(
                        () -> HttpRequest.GET("/portal/v1/statistics/registrations?districtCode=420103"),
                        () -> HttpRequest.GET("/portal/v1/statistics/registrations?districtCode=420106")));
        // Jobs and their exports are their requester's alone: the city administrator's are not found by anyone else.
        for (String route : List.of("", "/events")) {
            m.put(
                    "GET /portal/v1/jobs/{id}" + route,
                    Case.scoped(
                            () -> HttpRequest.GET("/portal/v1/jobs/" + adminExport + route),
                            () -> HttpRequest.GET("/portal/v1/jobs/" + inspectorExport + route)));
        }
        m.put(
                "POST /portal/v1/jobs/{id}/cancel",
                Case.scoped(
                        () -> HttpRequest.POST("/portal/v1/jobs/" + adminExport + "/cancel", ""),
                        () -> HttpRequest.POST(
                                "/portal/v1/jobs/" + exportOf(districtInspector, 1_000_000) + "/cancel", "")));
        // an import's refused rows are its requester's alone, like its job; drugs are the city's to import
        m.put(
                "GET /portal/v1/imports/{id}/errors",
                Case.scoped(
                        () -> HttpRequest.GET("/portal/v1/imports/" + adminImport + "/errors"),
                        () -> HttpRequest.GET("/portal/v1/imports/" + inspectorImport + "/errors")));
        m.put(
                "GET /portal/v1/imports/templates/{kind}",
                Case.roleOnly(() -> HttpRequest.GET("/portal/v1/imports/templates/DRUGS")));
        m.put(
                "GET /portal/v1/exports/{id}/file",
                Case.scoped(
                        () -> HttpRequest.GET("/portal/v1/exports/" + adminExport + "/file"),
                        () -> HttpRequest.GET("/portal/v1/exports/" + inspectorExport + "/file")));
        notices(m);
        return m;
    }

    /**
     * Notices (docs/notices.md): 江汉区's (written by the city) is outside 武昌区; in-scope steps act on fresh 武昌区
     * notices of the inspector's. Approval is the city's alone. The register of cross-border pharmacists is the city's.
     */
    private void notices(Map<String, Case> m) {
        String elsewhere = "/portal/v1/notices/" + noticeElsewhere;
        m.put(
                "GET /portal/v1/notices/{id}",
                Case.scoped(
                        () -> HttpRequest.GET(elsewhere),
                        () -> HttpRequest.GET("/portal/v1/notices/" + noticeWithFile)));
        m.put(
                "PATCH /portal/v1/notices/{id}",
                Case.scoped(
                        () -> HttpRequest.PATCH(elsewhere, Map.of("title", "越权修改")),
                        () -> HttpRequest.PATCH("/portal/v1/notices/" + freshNotice(false), Map.of("title", "辖区修改"))));
        m.put(
                "POST /portal/v1/notices/{id}/submit",
                Case.scoped(
                        () -> HttpRequest.POST(elsewhere + "/submit", ""),
                        () -> HttpRequest.POST("/portal/v1/notices/" + freshNotice(false) + "/submit", "")));
        m.put(
                "POST /portal/v1/notices/{id}/withdraw",
                Case.scoped(
                        () -> HttpRequest.POST(elsewhere + "/withdraw", ""),
                        () -> HttpRequest.POST("/portal/v1/notices/" + freshNotice(true) + "/withdraw", "")));
        m.put(
                "POST /portal/v1/notices/{id}/approve",
                Case.roleOnly(() -> HttpRequest.POST("/portal/v1/notices/" + freshNotice(true) + "/approve", "")));
        m.put(
                "GET /portal/v1/notices/{id}/readers",
                Case.scoped(
                        () -> HttpRequest.GET(elsewhere + "/readers"),
                        () -> HttpRequest.GET("/portal/v1/notices/" + noticeWithFile + "/readers")));
        m.put(
                "GET /portal/v1/notices/{id}/attachments/{fileId}",
                Case.scoped(
                        () -> HttpRequest.GET(elsewhere + "/attachments/" + fileOfNotice),
                        () -> HttpRequest.GET(
                                "/portal/v1/notices/" + noticeWithFile + "/attachments/" + fileOfNotice)));
        // published public notices are everyone's to read (NoticeDeskTest: only published PUBLIC ones are found)
        m.put("GET /portal/v1/public/notices/{id}", Case.unowned());
        m.put("GET /portal/v1/public/notices/{id}/attachments/{fileId}", Case.unowned());
        m.put(
                "PATCH /portal/v1/cross-border-pharmacists/{id}",
                Case.roleOnly(() -> HttpRequest.PATCH("/portal/v1/cross-border-pharmacists/1", Map.of("namePt", "X"))));
        m.put(
                "POST /portal/v1/cross-border-pharmacists/{id}/revoke",
                Case.roleOnly(() ->
                        HttpRequest.POST("/portal/v1/cross-border-pharmacists/1/revoke", Map.of("reason", "越权测试"))));
    }

    /** A 武昌区 PHARMACIES notice of the inspector's: a draft, or submitted. */
    private long freshNotice(boolean submitted) {
        long id = portal.call(
                        HttpRequest.POST("/portal/v1/notices", NoticeFixtures.notice("PHARMACIES", null)),
                        districtInspector,
                        com.cogov.contracts.notice.NoticeView.class)
                .id();
        if (submitted) {
            portal.call(
                    HttpRequest.POST("/portal/v1/notices/" + id + "/submit", ""),
                    districtInspector,
                    com.cogov.contracts.notice.NoticeView.class);
        }
        return id;
    }

    /** A new 武昌区 pharmacy, added by the city administrator, for in-scope changes that must not touch the demo's. */
    private long freshPharmacy() {
        return portal.call(
                        HttpRequest.POST(
                                "/portal/v1/pharmacies",
                                PharmacyLifecycleTest.newPharmacy(PharmacyLifecycleTest.WUCHANG, "越权矩阵药房")),
                        admin,
                        com.cogov.contracts.pharmacy.PharmacyView.class)
                .id();
    }

    /** A rule alert of a pharmacy in the district, as a blocked sale leaves it. */
    private long alert(String district, long pharmacy) {
        try (Connection c = devServices().openConnection();
                PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO rule_alert (district_code, pharmacy_id, rule_code, severity, detail)"
                                + " VALUES (?,?,'PER_SALE_LIMIT','BLOCK','越权测试')",
                        Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, district);
            ps.setLong(2, pharmacy);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A compliant inspection of the pharmacy, as the phone leaves it in the database. */
    private long inspection(String district, long pharmacy) {
        try (Connection c = devServices().openConnection();
                PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO inspection (pharmacy_id, district_code, inspector_account_id, findings,"
                                + " disposition, latitude, longitude) SELECT ?, ?, id, '越权测试', 'COMPLIANT', 30.55,"
                                + " 114.32 FROM account WHERE username = 'inspector'",
                        Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, pharmacy);
            ps.setString(2, district);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A stored photo, used by the inspection. */
    private String photoOf(long inspectionId) {
        String id = files.store(
                        new NewFile(null, "EVIDENCE_PHOTO", "image/png", "inspection-photo.png", null),
                        new java.io.ByteArrayInputStream(com.cogov.infra.dev.BarcodePhotos.photo(
                                com.cogov.infra.dev.BarcodePhotos.Photo.values()[0])))
                .id();
        try (Connection c = devServices().openConnection();
                PreparedStatement ps =
                        c.prepareStatement("INSERT INTO inspection_photo (file_id, inspection_id) VALUES (?, ?)")) {
            ps.setString(1, id);
            ps.setLong(2, inspectionId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return id;
    }

    /** The file of a case, as its row in the database names it. */
    private String attachmentOf(long complaintId) {
        try (Connection c = devServices().openConnection();
                PreparedStatement ps =
                        c.prepareStatement("SELECT file_id FROM complaint_attachment WHERE complaint_id = ?")) {
            ps.setLong(1, complaintId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts a TEST_ROWS export (portal test sources) as the user. @return its job's id */
    private long exportOf(String token, int rows) {
        return portal.call(
                        HttpRequest.POST(
                                "/portal/v1/exports",
                                Map.of("kind", "TEST_ROWS", "format", "csv", "filter", Map.of("rows", rows))),
                        token,
                        JobView.class)
                .id();
    }

    /** A dry-run import of one 武昌区 pharmacy (nothing written), finished. @return its job's id */
    private long finishedImportOf(String token) {
        byte[] csv = ImportWorkbooks.csv(List.of(ImportWorkbooks.row(ImportWorkbooks.license(), "420106", "矩阵导入药房")))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        long id = portal.call(ImportsTest.uploadRequest("PHARMACIES", csv, "m.csv", true), token, JobView.class)
                .id();
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> portal.call(HttpRequest.GET("/portal/v1/jobs/" + id), token, JobView.class)
                        .state()
                        .ended());
        return id;
    }

    private long finishedExportOf(String token) {
        long id = exportOf(token, 1);
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> portal.call(HttpRequest.GET("/portal/v1/jobs/" + id), token, JobView.class)
                        .state()
                        .ended());
        return id;
    }

    @BeforeAll
    void signIn() throws SQLException {
        portal = new PortalSessions(client);
        admin = portal.admin(devServices());
        cityAdminAccount = portal.call(HttpRequest.GET("/portal/v1/me"), admin, ProfileView.class)
                .accountId();
        saleInDistrict = demoSale(admin, 1);
        saleElsewhere = demoSale(admin, 2);
        districtInspector = portal.login(
                        "inspector", devServices().demoPasswords().get("inspector"))
                .tokens()
                .accessToken();
        enterpriseUser = portal.login(
                        "enterprise", devServices().demoPasswords().get("enterprise"))
                .tokens()
                .accessToken();
        assertThat(portal.call(HttpRequest.GET("/portal/v1/me"), districtInspector, ProfileView.class)
                        .districtCode())
                .as("the matrix's district user is scoped to 武昌区")
                .isEqualTo("420106");
        long inspectorAccount = portal.call(HttpRequest.GET("/portal/v1/me"), districtInspector, ProfileView.class)
                .accountId();
        adminsInboxEntry = inboxEntry(cityAdminAccount);
        inspectorsInboxEntry = inboxEntry(inspectorAccount);
        complaintInDistrict =
                ComplaintFixtures.fileOnTheWeb(client, ComplaintFixtures.complaint(), ComplaintFixtures.pdf());
        complaintElsewhere = ComplaintFixtures.fileOnTheWeb(
                client, ComplaintFixtures.complaintInJianghan(), ComplaintFixtures.pdf());
        noticeElsewhere = portal.call(
                        HttpRequest.POST("/portal/v1/notices", NoticeFixtures.notice("PHARMACIES", "420103")),
                        admin,
                        com.cogov.contracts.notice.NoticeView.class)
                .id();
        fileOfNotice = portal.call(
                        HttpRequest.POST(
                                        "/portal/v1/notices/attachments",
                                        io.micronaut.http.client.multipart.MultipartBody.builder()
                                                .addPart(
                                                        "file",
                                                        "f",
                                                        io.micronaut.http.MediaType.APPLICATION_OCTET_STREAM_TYPE,
                                                        ComplaintFixtures.pdf())
                                                .build())
                                .contentType(io.micronaut.http.MediaType.MULTIPART_FORM_DATA_TYPE),
                        districtInspector,
                        com.cogov.contracts.notice.NoticeAttachmentView.class)
                .id();
        Map<String, Object> withFile = NoticeFixtures.notice("PHARMACIES", null);
        withFile.put("attachmentIds", List.of(fileOfNotice));
        noticeWithFile = portal.call(
                        HttpRequest.POST("/portal/v1/notices", withFile),
                        districtInspector,
                        com.cogov.contracts.notice.NoticeView.class)
                .id();
        adminExport = finishedExportOf(admin);
        inspectorExport = finishedExportOf(districtInspector);
        adminImport = finishedImportOf(admin);
        inspectorImport = finishedImportOf(districtInspector);
    }

    private long inboxEntry(long accountId) throws SQLException {
        try (Connection c = devServices().openConnection();
                PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO notification_inbox (account_id, notice_key, topic, title, body)"
                                + " VALUES (?, ?, 'SYSTEM', '越权测试', '越权测试')",
                        Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, accountId);
            ps.setString(2, "idor:" + UUID.randomUUID());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** The newest demo sale of a pharmacy, as the city administrator finds it. */
    private String demoSale(String admin, long pharmacy) {
        return portal.call(
                        HttpRequest.GET("/portal/v1/registrations?" + RecordQueryTest.WINDOW + "&limit=1&pharmacyId="
                                + pharmacy),
                        admin,
                        RecordQueryTest.SALES)
                .items()
                .get(0)
                .number();
    }

    @Test
    void everyRouteWithAnIdHasACrossScopeCase() {
        var routesWithIds = router.uriRoutes()
                .filter(r -> !"HEAD".equals(r.getHttpMethodName())) // authorised exactly like its GET
                .map(r -> r.getHttpMethodName() + " " + r.getUriMatchTemplate().toString())
                .filter(r -> r.contains(" /portal/") && r.contains("{"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(routesWithIds)
                .as("add a cross-scope case to ObjectScopeMatrixTest.matrix() for each new route that takes an id")
                .isSubsetOf(matrix().keySet());
    }

    @Test
    void aDistrictUserIsRefusedByRoleOrFindsNothingOutsideTheirDistrict() {
        matrix().forEach((route, c) -> {
            if (c.outOfScope() == null) {
                return;
            }
            var refused = portal.failure(c.outOfScope().get().bearerAuth(districtInspector));
            assertThat(refused).as(route).isNotNull();
            assertThat(refused.getStatus().getCode()).as(route).isEqualTo(c.scopedByObject() ? 404 : 403);
            if (c.scopedByObject()) {
                assertThat(portal.failure(c.inScope().get().bearerAuth(districtInspector)))
                        .as("%s: the district user's own object", route)
                        .isNull();
            }
        });
    }

    @Test
    void anEnterpriseUserReachesNoRegulatorsObject() {
        matrix().forEach((route, c) -> {
            if (c.outOfScope() != null) {
                var refused = portal.failure(c.outOfScope().get().bearerAuth(enterpriseUser));
                assertThat(refused).as(route).isNotNull();
                assertThat(refused.getStatus().getCode()).as(route).isIn(403, 404);
            }
        });
    }
}
