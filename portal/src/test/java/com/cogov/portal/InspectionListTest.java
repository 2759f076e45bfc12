package com.cogov.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.cogov.api.file.FileService;
import com.cogov.api.file.NewFile;
import com.cogov.contracts.inspection.ChecklistEntry;
import com.cogov.contracts.inspection.InspectionSummary;
import com.cogov.contracts.inspection.InspectionView;
import com.cogov.contracts.paging.Page;
import io.micronaut.core.type.Argument;
import io.micronaut.core.type.GenericArgument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The portal's inspection list (docs/inspection.md): the city administrator follows the city's overdue rectifications,
 * or one district's; a district inspector only their own district's; other roles not at all.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InspectionListTest implements PortalTest {

    private static final Argument<Page<InspectionSummary>> PAGE = new GenericArgument<>() {};
    private static final Argument<List<ChecklistEntry>> CHECKLIST = Argument.listOf(ChecklistEntry.class);

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    FileService files;

    PortalSessions portal;
    String admin;
    String inspector;
    String enterpriseUser;
    long overdueInWuchang;
    long overdueInJianghan;
    long dueLaterInWuchang;

    @BeforeAll
    void signInAndRecord() throws Exception {
        portal = new PortalSessions(client);
        admin = portal.admin(devServices());
        inspector = portal.login("inspector", devServices().demoPasswords().get("inspector"))
                .tokens()
                .accessToken();
        enterpriseUser = portal.login(
                        "enterprise", devServices().demoPasswords().get("enterprise"))
                .tokens()
                .accessToken();
        // Recorded on the phones (the mini-program's InspectionTest covers that), here as the rows they leave.
        overdueInWuchang = rectify(1, "420106", -2, "OVERDUE");
        overdueInJianghan = rectify(2, "420103", -1, "OPEN"); // past its date, before the schedule marked it
        dueLaterInWuchang = rectify(1, "420106", 5, "OPEN");
    }

    @Test
    void theCityFollowsEveryOverdueRectificationAndCanNarrowToADistrict() {
        List<InspectionSummary> city = all("/portal/v1/inspections?overdue=true&limit=2", admin);
        assertThat(city)
                .extracting(InspectionSummary::id)
                .contains(overdueInWuchang, overdueInJianghan)
                .doesNotContain(dueLaterInWuchang)
                .doesNotHaveDuplicates();
        assertThat(city).allSatisfy(s -> assertThat(s.overdue()).isTrue());

        assertThat(all("/portal/v1/inspections?overdue=true&districtCode=420103", admin))
                .extracting(InspectionSummary::id)
                .contains(overdueInJianghan)
                .doesNotContain(overdueInWuchang);
        assertThat(all("/portal/v1/inspections?pharmacyId=1", admin))
                .extracting(InspectionSummary::id)
                .contains(overdueInWuchang, dueLaterInWuchang);
    }

    @Test
    void aDistrictInspectorSeesTheirDistrictOnly() {
        assertThat(all("/portal/v1/inspections?overdue=true", inspector))
                .extracting(InspectionSummary::id)
                .contains(overdueInWuchang)
                .doesNotContain(overdueInJianghan);
        assertThat(portal.refused(
                                HttpRequest.GET("/portal/v1/inspections?districtCode=420103")
                                        .bearerAuth(inspector),
                                404)
                        .code())
                .isEqualTo("DISTRICT_NOT_FOUND");
        assertThat(portal.refused(
                                HttpRequest.GET("/portal/v1/inspections?pharmacyId=2")
                                        .bearerAuth(inspector),
                                404)
                        .code())
                .isEqualTo("PHARMACY_NOT_FOUND");
        portal.refused(HttpRequest.GET("/portal/v1/inspections").bearerAuth(enterpriseUser), 403);
    }

    @Test
    void aRegulatorReadsAnInspectionAndItsPhotosWithinTheirScope() throws Exception {
        assertThat(portal.call(
                                HttpRequest.GET("/portal/v1/inspections/" + overdueInJianghan),
                                admin,
                                InspectionView.class)
                        .id())
                .isEqualTo(overdueInJianghan);
        assertThat(portal.call(
                                HttpRequest.GET("/portal/v1/inspections/" + overdueInWuchang),
                                inspector,
                                InspectionView.class)
                        .id())
                .isEqualTo(overdueInWuchang);
        assertThat(portal.refused(
                                HttpRequest.GET("/portal/v1/inspections/" + overdueInJianghan)
                                        .bearerAuth(inspector),
                                404)
                        .code())
                .isEqualTo("INSPECTION_NOT_FOUND");

        byte[] jpeg = com.cogov.infra.dev.BarcodePhotos.photo(com.cogov.infra.dev.BarcodePhotos.Photo.values()[0]);
        String photo = files.store(
                        new NewFile(null, "EVIDENCE_PHOTO", "image/png", "inspection-photo.png", null),
                        new java.io.ByteArrayInputStream(jpeg))
                .id();
        try (Connection c = devServices().openConnection();
                PreparedStatement ps =
                        c.prepareStatement("INSERT INTO inspection_photo (file_id, inspection_id) VALUES (?, ?)")) {
            ps.setString(1, photo);
            ps.setLong(2, overdueInJianghan);
            ps.executeUpdate();
        }
        HttpResponse<byte[]> download = client.toBlocking()
                .exchange(
                        HttpRequest.GET("/portal/v1/inspections/photos/" + photo)
                                .bearerAuth(admin),
                        byte[].class);
        assertThat(download.body()).isEqualTo(jpeg);
        assertThat(download.header("Content-Disposition")).startsWith("attachment;");
        assertThat(download.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(portal.refused(
                                HttpRequest.GET("/portal/v1/inspections/photos/" + photo)
                                        .bearerAuth(inspector),
                                404)
                        .code())
                .as("another district's inspection's photo")
                .isEqualTo("EVIDENCE_PHOTO_NOT_FOUND");
    }

    @Test
    void badFiltersAre400() {
        for (String query : List.of(
                "overdue=maybe", "disposition=NONE", "districtCode=42", "limit=0", "cursor=x", "from=yesterday")) {
            assertThat(portal.refused(
                            HttpRequest.GET("/portal/v1/inspections?" + query).bearerAuth(admin), 400))
                    .as(query)
                    .isNotNull();
        }
    }

    @Test
    void theCityKeepsTheChecklistAsDataAndRetiresRatherThanDeletes() {
        var item = java.util.Map.of("label", "冷链药品温度记录", "description", "查看近30日温度记录", "sortOrder", 80, "active", true);
        ChecklistEntry added = portal.call(
                HttpRequest.PUT("/portal/v1/inspections/checklist/COLD_CHAIN_LOG", item), admin, ChecklistEntry.class);
        assertThat(added.active()).isTrue();
        assertThat(portal.call(HttpRequest.GET("/portal/v1/inspections/checklist"), inspector, CHECKLIST))
                .anySatisfy(e -> assertThat(e.code()).isEqualTo("COLD_CHAIN_LOG"))
                .anySatisfy(e -> assertThat(e.code()).isEqualTo("ID_CHECKED"));

        var retire =
                java.util.Map.of("label", "冷链药品温度记录", "description", "查看近30日温度记录", "sortOrder", 80, "active", false);
        portal.call(
                HttpRequest.PUT("/portal/v1/inspections/checklist/COLD_CHAIN_LOG", retire),
                admin,
                ChecklistEntry.class);
        assertThat(portal.call(HttpRequest.GET("/portal/v1/inspections/checklist"), admin, CHECKLIST))
                .filteredOn(e -> e.code().equals("COLD_CHAIN_LOG"))
                .singleElement()
                .satisfies(e -> assertThat(e.active()).isFalse());

        portal.refused(
                HttpRequest.PUT("/portal/v1/inspections/checklist/COLD_CHAIN_LOG", retire)
                        .bearerAuth(inspector),
                403);
        assertThat(portal.refused(
                                HttpRequest.PUT("/portal/v1/inspections/checklist/bad-code", retire)
                                        .bearerAuth(admin),
                                400)
                        .code())
                .isEqualTo("VALIDATION_FAILED");
    }

    private List<InspectionSummary> all(String path, String token) {
        List<InspectionSummary> rows = new ArrayList<>();
        String cursor = null;
        do {
            Page<InspectionSummary> page =
                    portal.call(HttpRequest.GET(path + (cursor == null ? "" : "&cursor=" + cursor)), token, PAGE);
            rows.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return rows;
    }

    /** A RECTIFY inspection due in {@code days} (negative: past), with its rectification in the state. */
    private long rectify(long pharmacyId, String district, int days, String state) throws Exception {
        try (Connection c = devServices().openConnection()) {
            long id;
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO inspection (pharmacy_id, district_code, inspector_account_id, findings, disposition,"
                            + " rectify_by, latitude, longitude) SELECT ?, ?, id, '未设专柜', 'RECTIFY',"
                            + " DATE_ADD(CURRENT_DATE, INTERVAL ? DAY), 30.55, 114.32 FROM account"
                            + " WHERE username = 'inspector'",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setLong(1, pharmacyId);
                ps.setString(2, district);
                ps.setInt(3, days);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO inspection_rectification_state (inspection_id, district_code, pharmacy_id, due_on,"
                            + " state) VALUES (?, ?, ?, DATE_ADD(CURRENT_DATE, INTERVAL ? DAY), ?)")) {
                ps.setLong(1, id);
                ps.setString(2, district);
                ps.setLong(3, pharmacyId);
                ps.setInt(4, days);
                ps.setString(5, state);
                ps.executeUpdate();
            }
            return id;
        }
    }
}
