package com.cogov.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.cogov.api.buyer.TestPersonalData;
import com.cogov.api.registration.RegistrationService;
import com.cogov.api.shared.Actor;
import com.cogov.contracts.account.Role;
import com.cogov.contracts.buyer.DocumentType;
import com.cogov.contracts.registration.RegistrationRequest;
import com.cogov.contracts.registration.RegistrationResult;
import com.cogov.contracts.statistics.StatisticsOverview;
import com.cogov.contracts.statistics.StatisticsRow;
import com.cogov.contracts.statistics.StatisticsTable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Statistics and the dashboard over HTTP, on sales registered through the counter's own path and counted by the
 * rollup job. Figures are compared before and after, so other tests' sales on the same database do not matter.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatisticsTest implements PortalTest {

    private static final String WUCHANG = "420106";
    private static final String JIANGHAN = "420103";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    RegistrationService registrations;

    PortalSessions portal;
    String admin;
    String inspector;
    String enterprise;
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(PortalTest.super.getProperties());
        properties.put("cogov.statistics.rollup-interval", "300ms");
        return properties;
    }

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

    @Test
    void salesRegisteredAtTheCounterAreCountedPerDistrictWithVoidsAndDistinctBuyers() throws Exception {
        StatisticsTable before = byDistrict(admin, "");
        StatisticsTable inspectorBefore = table(inspector, "groupBy=pharmacy&from=" + today + "&to=" + today);

        Actor wuchangClerk = clerk(1L, WUCHANG);
        String buyer = TestPersonalData.residentId(LocalDate.of(1980, 3, 1));
        sell(wuchangClerk, buyer, 2);
        sell(wuchangClerk, buyer, 1); // the same buyer again: one more sale, not one more buyer
        RegistrationResult voided = sell(wuchangClerk, TestPersonalData.residentId(LocalDate.of(1981, 4, 2)), 1);
        registrations.voidRegistration(wuchangClerk, voided.number(), "录入错误，重新登记");
        sell(clerk(2L, JIANGHAN), TestPersonalData.residentId(LocalDate.of(1982, 5, 3)), 1);

        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(300))
                .untilAsserted(() -> {
                    StatisticsTable after = byDistrict(admin, "");
                    StatisticsRow wuchang = change(before, after, WUCHANG);
                    assertThat(wuchang.sales()).as("sales not voided").isEqualTo(2);
                    assertThat(wuchang.packages()).isEqualTo(3);
                    assertThat(wuchang.voids()).isEqualTo(1);
                    assertThat(wuchang.distinctBuyers())
                            .as("one buyer twice; the voided sale's buyer is taken out")
                            .isEqualTo(1);
                    assertThat(change(before, after, JIANGHAN).sales()).isEqualTo(1);
                    assertThat(after.totals().sales() - before.totals().sales()).isEqualTo(3);
                    assertThat(after.totals().voids() - before.totals().voids()).isEqualTo(1);
                });
        StatisticsTable after = byDistrict(admin, "");
        assertThat(after.rows()).extracting(StatisticsRow::label).contains("武昌区", "江汉区");

        // the inspector counts their district only, totals included
        StatisticsTable inspectorAfter = table(inspector, "groupBy=pharmacy&from=" + today + "&to=" + today);
        assertThat(inspectorAfter.districtCode()).isEqualTo(WUCHANG);
        assertThat(inspectorAfter.totals().sales() - inspectorBefore.totals().sales())
                .isEqualTo(2);
        assertThat(inspectorAfter.rows())
                .extracting(StatisticsRow::key)
                .contains("1")
                .doesNotContain("2");
        assertThat(table(inspector, "groupBy=district").rows())
                .extracting(StatisticsRow::key)
                .containsOnly(WUCHANG);

        // one row per drug and per category; by day, today is the newest row
        assertThat(table(admin, "groupBy=drug&districtCode=" + WUCHANG).rows())
                .extracting(StatisticsRow::label)
                .isNotEmpty()
                .doesNotContainNull();
        assertThat(table(admin, "groupBy=category").rows())
                .extracting(StatisticsRow::key)
                .contains("EPHEDRINE_COMPOUND");
        assertThat(table(admin, "groupBy=day").rows().get(0).key()).isEqualTo(today.toString());
    }

    @Test
    void theDashboardShowsTheScopeSeriesTopDrugsAlertsAndDormantPharmacies() throws Exception {
        sell(clerk(1L, WUCHANG), TestPersonalData.residentId(LocalDate.of(1983, 6, 4)), 1);
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(300))
                .untilAsserted(
                        () -> assertThat(overview(admin, "").today().sales()).isPositive());

        StatisticsOverview city = overview(admin, "?date=" + today);
        assertThat(city.districtCode()).isNull();
        assertThat(city.last30Days()).hasSize(30);
        assertThat(city.last30Days().get(29).key()).isEqualTo(today.toString());
        assertThat(city.sameWeekdayLastWeek().key())
                .isEqualTo(today.minusDays(7).toString());
        assertThat(city.topDrugs()).isNotEmpty().hasSizeLessThanOrEqualTo(10);
        assertThat(city.districts()).extracting(StatisticsRow::key).contains(WUCHANG);
        assertThat(city.dormantPharmacies().count())
                .as("most demo pharmacies registered nothing")
                .isPositive();
        assertThat(city.dormantPharmacies().items())
                .extracting(StatisticsOverview.DormantPharmacy::pharmacyId)
                .doesNotContain(1L);
        assertThat(city.openAlerts()).allSatisfy(a -> assertThat(a.count()).isPositive());

        StatisticsOverview district = overview(inspector, "");
        assertThat(district.districtCode()).isEqualTo(WUCHANG);
        assertThat(district.today().sales()).isPositive();
        assertThat(district.districts()).extracting(StatisticsRow::key).containsOnly(WUCHANG);
        assertThat(district.dormantPharmacies().items())
                .extracting(StatisticsOverview.DormantPharmacy::districtCode)
                .containsOnly(WUCHANG);
        assertThat(district.dormantPharmacies().count())
                .isLessThan(city.dormantPharmacies().count());
    }

    @Test
    void badInputIsRefusedWithAStableCode() {
        assertThat(problem(admin, "groupBy=week", 400)).isEqualTo("QUERY_PARAMETER_INVALID");
        assertThat(problem(admin, "from=2026-12-05&to=2026-12-01", 400)).isEqualTo("TIME_SPAN_INVALID");
        assertThat(problem(admin, "from=2025-01-01&to=2026-01-02", 400)).isEqualTo("TIME_SPAN_INVALID");
        assertThat(problem(admin, "from=yesterday", 400)).isEqualTo("QUERY_PARAMETER_INVALID");
        assertThat(problem(admin, "districtCode=42010", 400)).isEqualTo("QUERY_PARAMETER_INVALID");
        assertThat(problem(admin, "districtCode=429999", 404)).isEqualTo("DISTRICT_NOT_FOUND");
        assertThat(problem(inspector, "districtCode=" + JIANGHAN, 404)).isEqualTo("DISTRICT_NOT_FOUND");
        assertThat(problem(enterprise, "", 403)).isEqualTo("FORBIDDEN");
        assertThat(portal.refused(
                                HttpRequest.GET("/portal/v1/statistics/overview?date=12/03/2026")
                                        .bearerAuth(admin),
                                400)
                        .code())
                .isEqualTo("QUERY_PARAMETER_INVALID");
        assertThat(portal.refused(
                                HttpRequest.GET("/portal/v1/statistics/overview")
                                        .bearerAuth(enterprise),
                                403)
                        .code())
                .isEqualTo("FORBIDDEN");
        // a whole year (366 days) and instants with an offset are fine
        assertThat(table(admin, "from=2025-01-01T00:00:00%2B08:00&to=2026-01-01")
                        .from())
                .isEqualTo(LocalDate.of(2025, 1, 1));
    }

    private StatisticsTable byDistrict(String token, String extra) {
        return table(token, "groupBy=district&from=" + today + "&to=" + today + extra);
    }

    private static StatisticsRow change(StatisticsTable before, StatisticsTable after, String key) {
        StatisticsRow b = row(before, key);
        StatisticsRow a = row(after, key);
        return new StatisticsRow(
                key,
                a.label(),
                a.sales() - b.sales(),
                a.packages() - b.packages(),
                a.distinctBuyers() - b.distinctBuyers(),
                a.warnings() - b.warnings(),
                a.blocks() - b.blocks(),
                a.voids() - b.voids());
    }

    private static StatisticsRow row(StatisticsTable table, String key) {
        return table.rows().stream()
                .filter(r -> r.key().equals(key))
                .findFirst()
                .orElse(new StatisticsRow(key, key, 0, 0, 0, 0, 0, 0));
    }

    private StatisticsTable table(String token, String query) {
        return portal.call(
                HttpRequest.GET("/portal/v1/statistics/registrations?" + query), token, StatisticsTable.class);
    }

    private StatisticsOverview overview(String token, String query) {
        return portal.call(HttpRequest.GET("/portal/v1/statistics/overview" + query), token, StatisticsOverview.class);
    }

    private String problem(String token, String query, int status) {
        return portal.refused(
                        HttpRequest.GET("/portal/v1/statistics/registrations?" + query)
                                .bearerAuth(token),
                        status)
                .code();
    }

    private RegistrationResult sell(Actor clerk, String buyerId, int packages) {
        return registrations.register(
                clerk,
                UUID.randomUUID().toString(),
                new RegistrationRequest(
                        new RegistrationRequest.Buyer(
                                null, DocumentType.RESIDENT_ID, buyerId, TestPersonalData.COUNTER_BUYER_NAME),
                        List.of(new RegistrationRequest.Item(null, 1L, packages, "B20261", null, null)),
                        null,
                        OffsetDateTime.now(ZoneOffset.ofHours(8))));
    }

    private Actor clerk(long pharmacy, String district) throws Exception {
        try (Connection c = devServices().openConnection();
                PreparedStatement ps = c.prepareStatement("SELECT id FROM account WHERE wechat_openid = 'demo-clerk'");
                ResultSet rs = ps.executeQuery()) {
            assertThat(rs.next()).isTrue();
            return new Actor(rs.getLong(1), Role.PHARMACY_CLERK, pharmacy, district, null, "127.0.0.1", null);
        }
    }
}
