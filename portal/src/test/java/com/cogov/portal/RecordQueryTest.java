package com.cogov.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.cogov.contracts.account.AccountRequests;
import com.cogov.contracts.audit.AuditEventView;
import com.cogov.contracts.buyer.DocumentType;
import com.cogov.contracts.paging.Page;
import com.cogov.contracts.registration.RegistrationDetail;
import com.cogov.contracts.registration.RegistrationItemRecord;
import com.cogov.contracts.registration.RegistrationRecord;
import com.cogov.contracts.registration.RegistrationView;
import com.cogov.contracts.registration.UnmaskedBuyer;
import com.cogov.infra.dev.DemoData;
import com.cogov.infra.dev.DemoRegistrations;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The regulator's record queries over the demo sales (DemoRegistrations: pharmacy 1 in 武昌区, pharmacy 2 in 江汉区,
 * two to twenty days ago): the administrator reads the city, the inspector their district, in cursor pages; bad
 * filters are 400s with their codes, other districts 404s; a buyer search and an unmask are audited.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordQueryTest implements PortalTest {

    @SuppressWarnings({"unchecked", "rawtypes"})
    static final Argument<Page<RegistrationRecord>> SALES =
            (Argument) Argument.of(Page.class, RegistrationRecord.class);

    @SuppressWarnings({"unchecked", "rawtypes"})
    static final Argument<Page<RegistrationItemRecord>> ITEMS =
            (Argument) Argument.of(Page.class, RegistrationItemRecord.class);

    /** The demo sales' window: the last four weeks, China days; {@code to} is exclusive. */
    static final String WINDOW =
            "from=" + LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(28) + "&to="
                    + LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1);

    @Inject
    @Client("/")
    HttpClient client;

    PortalSessions portal;
    String admin;
    String inspector;

    @BeforeAll
    void signIn() {
        portal = new PortalSessions(client);
        admin = portal.admin(devServices());
        inspector = portal.login("inspector", devServices().demoPasswords().get("inspector"))
                .tokens()
                .accessToken();
    }

    @Test
    void theAdministratorReadsTheCityAndTheInspectorTheirDistrictPageByPage() {
        List<RegistrationRecord> city = all("/portal/v1/registrations?" + WINDOW + "&limit=7", admin);
        assertThat(city).extracting(RegistrationRecord::districtCode).contains("420106", "420103");
        assertThat(city).hasSizeGreaterThanOrEqualTo(DemoRegistrations.SALES);
        assertThat(city).extracting(RegistrationRecord::number).doesNotHaveDuplicates();
        for (int i = 1; i < city.size(); i++) {
            assertThat(city.get(i).soldAt())
                    .as("newest first")
                    .isBeforeOrEqualTo(city.get(i - 1).soldAt());
        }
        RegistrationRecord any = city.get(0);
        assertThat(any.buyer().number()).contains("*");
        assertThat(any.buyer().name()).contains("*");
        assertThat(any.pharmacyName()).isNotBlank();
        assertThat(any.itemsSummary()).contains("×");

        List<RegistrationRecord> district = all("/portal/v1/registrations?" + WINDOW + "&limit=5", inspector);
        assertThat(district)
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.districtCode()).isEqualTo(DemoData.DEMO_DISTRICT));
        assertThat(district).hasSize((int) city.stream()
                .filter(r -> r.districtCode().equals(DemoData.DEMO_DISTRICT))
                .count());

        List<RegistrationItemRecord> items = new ArrayList<>();
        String cursor = null;
        do {
            Page<RegistrationItemRecord> page = portal.call(
                    HttpRequest.GET("/portal/v1/registration-items?" + WINDOW + "&limit=4"
                            + (cursor == null ? "" : "&cursor=" + cursor)),
                    inspector,
                    ITEMS);
            items.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        assertThat(items).isNotEmpty().allSatisfy(i -> {
            assertThat(i.districtCode()).isEqualTo(DemoData.DEMO_DISTRICT);
            assertThat(i.barcode()).isNotNull();
            assertThat(i.traceCodes()).allSatisfy(code -> assertThat(code).hasSize(20));
        });
    }

    @Test
    void filtersNarrowTheListsOnBothSides() {
        List<RegistrationRecord> voided = all("/portal/v1/registrations?" + WINDOW + "&status=VOIDED", admin);
        assertThat(voided)
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.status()).isEqualTo(RegistrationView.Status.VOIDED));
        assertThat(all("/portal/v1/registrations?" + WINDOW + "&warning=any", admin))
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.warnings()).isNotEmpty());
        assertThat(all("/portal/v1/registrations?" + WINDOW + "&warning=MINOR&minor=true", inspector))
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.buyer().age()).isLessThan(18));
        assertThat(all("/portal/v1/registrations?" + WINDOW + "&pharmacyId=2", admin))
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.pharmacyId()).isEqualTo(2));
        Page<RegistrationItemRecord> byDrug = portal.call(
                HttpRequest.GET("/portal/v1/registration-items?" + WINDOW + "&drugId=3&limit=200"), admin, ITEMS);
        assertThat(byDrug.items())
                .isNotEmpty()
                .allSatisfy(i -> assertThat(i.drugId()).isEqualTo(3));
        Page<RegistrationItemRecord> byBarcode = portal.call(
                HttpRequest.GET("/portal/v1/registration-items?" + WINDOW + "&limit=200&barcode="
                        + byDrug.items().get(0).barcode()),
                admin,
                ITEMS);
        assertThat(byBarcode.items())
                .extracting(RegistrationItemRecord::number)
                .containsExactlyElementsOf(byDrug.items().stream()
                        .map(RegistrationItemRecord::number)
                        .toList());
        assertThat(portal.call(
                                HttpRequest.GET(
                                        "/portal/v1/registration-items?" + WINDOW + "&category=CODEINE_ORAL_LIQUID"),
                                admin,
                                ITEMS)
                        .items())
                .allSatisfy(i -> assertThat(i.specialCategory()).isEqualTo("CODEINE_ORAL_LIQUID"));
    }

    @Test
    void aSearchByDocumentNumberNeedsAReasonAndIsAuditedWithoutTheNumber() {
        String byBuyer = "/portal/v1/registrations?" + WINDOW + "&documentNumber=" + DemoRegistrations.EXAMPLE_BUYER;
        assertThat(portal.refused(HttpRequest.GET(byBuyer).bearerAuth(admin), 400)
                        .code())
                .isEqualTo("REASON_REQUIRED");
        List<RegistrationRecord> sales = all(byBuyer + "&reason=case-2026-118", admin);
        assertThat(sales)
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.buyer().number())
                        .isEqualTo("4201**********" + DemoRegistrations.EXAMPLE_BUYER.substring(14)));
        Page<AuditEventView> trail = portal.call(
                HttpRequest.GET("/portal/v1/audit/events?action=registration.search-by-buyer&limit=5"),
                admin,
                new io.micronaut.core.type.GenericArgument<Page<AuditEventView>>() {});
        assertThat(trail.items()).isNotEmpty();
        AuditEventView search = trail.items().get(0);
        assertThat(search.details()).containsEntry("reason", "case-2026-118");
        assertThat(search.toString()).doesNotContain(DemoRegistrations.EXAMPLE_BUYER);
    }

    @Test
    void aSaleInFullWithItsAlertsAndItsBuyerUnmaskedForAReason() {
        RegistrationRecord warned = all("/portal/v1/registrations?" + WINDOW + "&warning=any", inspector)
                .get(0);
        RegistrationDetail detail = portal.call(
                HttpRequest.GET("/portal/v1/registrations/" + warned.number()), inspector, RegistrationDetail.class);
        assertThat(detail.record().number()).isEqualTo(warned.number());
        assertThat(detail.items()).isNotEmpty();
        assertThat(detail.alerts())
                .isNotEmpty()
                .allSatisfy(a -> assertThat(a.rule())
                        .isIn(warned.warnings().stream().map(w -> w.code()).toArray()));

        // Other tests may void sales in the window too: every voided sale shows its void, the demo's among them.
        List<RegistrationRecord> voided = all("/portal/v1/registrations?" + WINDOW + "&status=VOIDED", admin);
        assertThat(voided).isNotEmpty();
        assertThat(voided.stream()
                        .map(v -> portal.call(
                                        HttpRequest.GET("/portal/v1/registrations/" + v.number()),
                                        admin,
                                        RegistrationDetail.class)
                                .voided())
                        .toList())
                .doesNotContainNull()
                .extracting(v -> v.reason())
                .contains("顾客退货");

        portal.refused(
                HttpRequest.POST(
                                "/portal/v1/registrations/" + warned.number() + "/buyer/unmask",
                                new AccountRequests.Reason(" "))
                        .bearerAuth(inspector),
                400);
        UnmaskedBuyer buyer = portal.call(
                HttpRequest.POST(
                        "/portal/v1/registrations/" + warned.number() + "/buyer/unmask",
                        new AccountRequests.Reason("核查未成年人购药")),
                inspector,
                UnmaskedBuyer.class);
        assertThat(buyer.documentType()).isEqualTo(DocumentType.RESIDENT_ID);
        assertThat(buyer.number()).hasSize(18).doesNotContain("*");
        assertThat(buyer.number().substring(14))
                .isEqualTo(warned.buyer().number().substring(14));
        Page<AuditEventView> trail = portal.call(
                HttpRequest.GET("/portal/v1/audit/events?action=privacy.unmask&targetType=registration&limit=10"),
                admin,
                new io.micronaut.core.type.GenericArgument<Page<AuditEventView>>() {});
        assertThat(trail.items()).extracting(e -> e.details().get("field")).contains("ID_NUMBER", "NAME");
        assertThat(trail.items()).allSatisfy(e -> assertThat(e.toString()).doesNotContain(buyer.number()));
    }

    @Test
    void badFiltersAreRefusedWithTheirCodes() {
        String base = "/portal/v1/registrations?";
        assertThat(code(base + "to=2026-12-01", admin, 400)).isEqualTo("TIME_SPAN_INVALID");
        assertThat(code(base + "from=2025-01-01&to=2026-12-01", admin, 400)).isEqualTo("TIME_SPAN_INVALID");
        assertThat(code(base + "from=2026-12-02&to=2026-12-01", admin, 400)).isEqualTo("TIME_SPAN_INVALID");
        assertThat(code(base + "from=yesterday&to=2026-12-01", admin, 400)).isEqualTo("TIME_SPAN_INVALID");
        assertThat(code(base + WINDOW + "&limit=201", admin, 400)).isEqualTo("PAGE_LIMIT_INVALID");
        assertThat(code(base + WINDOW + "&limit=many", admin, 400)).isEqualTo("PAGE_LIMIT_INVALID");
        assertThat(code(base + WINDOW + "&cursor=bm90LWEtY3Vyc29y", admin, 400)).isEqualTo("PAGE_CURSOR_INVALID");
        assertThat(code(base + WINDOW + "&districtCode=wuchang", admin, 400)).isEqualTo("QUERY_PARAMETER_INVALID");
        assertThat(code(base + WINDOW + "&status=GONE", admin, 400)).isEqualTo("QUERY_PARAMETER_INVALID");
        assertThat(code(base + WINDOW + "&pharmacyId=-1", admin, 400)).isEqualTo("QUERY_PARAMETER_INVALID");
        assertThat(code(base + WINDOW + "&minor=yes", admin, 400)).isEqualTo("QUERY_PARAMETER_INVALID");
        assertThat(code(base + WINDOW + "&districtCode=999999", admin, 404)).isEqualTo("DISTRICT_NOT_FOUND");
        assertThat(code(base + WINDOW + "&pharmacyId=999999", admin, 404)).isEqualTo("PHARMACY_NOT_FOUND");
        assertThat(code(base + WINDOW + "&districtCode=420103", inspector, 404)).isEqualTo("DISTRICT_NOT_FOUND");
        assertThat(code("/portal/v1/registration-items?" + WINDOW + "&pharmacyId=2", inspector, 404))
                .isEqualTo("PHARMACY_NOT_FOUND");
        assertThat(code("/portal/v1/registrations/DJ2026", admin, 404)).isEqualTo("REGISTRATION_NOT_FOUND");
        String enterprise = portal.login(
                        "enterprise", devServices().demoPasswords().get("enterprise"))
                .tokens()
                .accessToken();
        portal.refused(HttpRequest.GET(base + WINDOW).bearerAuth(enterprise), 403);
        portal.refused(
                HttpRequest.GET("/portal/v1/registration-items?" + WINDOW).bearerAuth(enterprise), 403);
    }

    private String code(String uri, String token, int status) {
        return portal.refused(HttpRequest.GET(uri).bearerAuth(token), status).code();
    }

    /** Every page of a list, following nextCursor; each cursor seen once. */
    private List<RegistrationRecord> all(String uri, String token) {
        List<RegistrationRecord> rows = new ArrayList<>();
        HashSet<String> cursors = new HashSet<>();
        String cursor = null;
        do {
            Page<RegistrationRecord> page =
                    portal.call(HttpRequest.GET(uri + (cursor == null ? "" : "&cursor=" + cursor)), token, SALES);
            rows.addAll(page.items());
            cursor = page.nextCursor();
            assertThat(cursor == null || cursors.add(cursor)).isTrue();
        } while (cursor != null);
        return rows;
    }
}
