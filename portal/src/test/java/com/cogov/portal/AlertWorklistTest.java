package com.cogov.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cogov.api.buyer.TestPersonalData;
import com.cogov.api.export.ExportSource;
import com.cogov.api.privacy.PersonalField;
import com.cogov.api.privacy.PrivacyService;
import com.cogov.api.shared.Actor;
import com.cogov.api.shared.CogovException;
import com.cogov.contracts.account.ProfileView;
import com.cogov.contracts.account.Role;
import com.cogov.contracts.alert.AlertDetailView;
import com.cogov.contracts.alert.AlertStatus;
import com.cogov.contracts.alert.AlertView;
import com.cogov.contracts.alert.TriageRequest;
import com.cogov.contracts.audit.AuditEventView;
import com.cogov.contracts.error.ErrorCode;
import com.cogov.contracts.paging.Page;
import io.micronaut.core.type.Argument;
import io.micronaut.core.type.GenericArgument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The alert worklist as regulators use it: the patterns found by the detection job (run every 200 ms here), seen in
 * scope and masked, triaged with a note and a history, and exported through the same filter.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertWorklistTest implements PortalTest {

    /** Between two looks at what the detection job wrote: it runs every 200 ms here. */
    private static final Duration POLL = Duration.ofMillis(100);

    private static final Argument<Page<AlertView>> PAGE = new GenericArgument<>() {};
    /** Demo pharmacies: 1 and 5 in 武昌区 (the inspector's), 2 in 江汉区, 3 in 硚口区, 7 in 洪山区. */
    private static final long WUCHANG = 1;

    private static final long JIANGHAN = 2;
    private static final long QIAOKOU = 3;
    private static final long HONGSHAN = 7;
    /** 新康泰克: an ephedrine compound, at most 2 packages a sale. */
    private static final long EPHEDRINE_DRUG = 1;

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    PrivacyService privacy;

    @Inject
    List<ExportSource> exports;

    PortalSessions portal;
    String admin;
    String inspector;
    String enterprise;
    long inspectorAccount;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(PortalTest.super.getProperties());
        properties.put("cogov.alerts.detect-every", "200ms");
        properties.put("cogov.alerts.surge-every", "300ms");
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
        inspectorAccount = portal.call(HttpRequest.GET("/portal/v1/me"), inspector, ProfileView.class)
                .accountId();
    }

    @Test
    void aBuyerInThreeDistrictsWithinAWeekIsOneAlertForTheLastDistrictsInspector() throws Exception {
        String buyer = freshBuyer();
        Instant now = Instant.now();
        sale(JIANGHAN, "420103", buyer, now.minus(Duration.ofDays(3)), 1);
        sale(QIAOKOU, "420104", buyer, now.minus(Duration.ofDays(2)), 1);
        sale(WUCHANG, "420106", buyer, now.minus(Duration.ofHours(1)), 1);

        AlertView alert = awaitAlert(inspector, "MANY_DISTRICTS", buyer);
        assertThat(alert.districtCode()).isEqualTo("420106");
        assertThat(alert.status()).isEqualTo(AlertStatus.OPEN);
        assertThat(alert.detail()).contains("3个行政区");
        assertThat(alert.buyer().number()).isEqualTo(privacy.mask(PersonalField.ID_NUMBER, buyer));
        assertThat(alert.buyer().name()).startsWith("司").doesNotContain("测试乙");

        AlertDetailView detail =
                portal.call(HttpRequest.GET("/portal/v1/alerts/" + alert.id()), inspector, AlertDetailView.class);
        assertThat(detail.sales()).hasSize(3);
        assertThat(detail.sales())
                .extracting(AlertDetailView.Sale::districtCode)
                .containsExactly("420106", "420104", "420103");
        assertThat(detail.sales()).allSatisfy(s -> {
            assertThat(s.number()).startsWith("DJ");
            assertThat(s.buyer().number()).doesNotContain(buyer.substring(6, 14));
            assertThat(s.items()).contains("×1");
        });

        // A fourth district in the same week joins the alert; runs re-reading the overlap raise nothing again.
        sale(HONGSHAN, "420111", buyer, now.minus(Duration.ofMinutes(30)), 1);
        long unrelated = sale(WUCHANG, "420106", freshBuyer(), now, 1);
        awaitCheckpointPast(unrelated);
        AlertView joined = awaitAlert(inspector, "MANY_DISTRICTS", buyer);
        assertThat(joined.id()).isEqualTo(alert.id());
        assertThat(countAlerts("MANY_DISTRICTS", buyer)).isEqualTo(1);
        AlertDetailView four =
                portal.call(HttpRequest.GET("/portal/v1/alerts/" + alert.id()), inspector, AlertDetailView.class);
        assertThat(four.sales()).hasSize(4);
        assertThat(four.alert().detail()).contains("4个行政区");
    }

    @Test
    void threeSalesAtThePerSaleMaximumWithinADayAreSplitPurchases() throws Exception {
        String buyer = freshBuyer();
        Instant now = Instant.now();
        sale(WUCHANG, "420106", buyer, now.minus(Duration.ofHours(20)), 2);
        sale(WUCHANG, "420106", buyer, now.minus(Duration.ofHours(9)), 2);
        sale(WUCHANG, "420106", buyer, now.minus(Duration.ofHours(8)), 1); // under the maximum: not counted
        sale(WUCHANG, "420106", buyer, now.minus(Duration.ofHours(1)), 2);

        AlertView alert = awaitAlert(inspector, "SPLIT_PURCHASES", buyer);
        assertThat(alert.category()).isEqualTo("EPHEDRINE_COMPOUND");
        assertThat(alert.detail()).contains("3次");
        assertThat(portal.call(HttpRequest.GET("/portal/v1/alerts/" + alert.id()), admin, AlertDetailView.class)
                        .sales())
                .hasSize(3);
    }

    @Test
    void aPharmacyWhoseBuyersTodayFarExceedItsOwnPastAndItsPeersIsASurge() throws Exception {
        // Pharmacy 20 sells nothing else in these tests: its own 28-day median is 0, and so is its district's.
        long pharmacy = 20;
        String district;
        try (Connection c = devServices().openConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT district_code FROM pharmacy WHERE id = " + pharmacy)) {
            rs.next();
            district = rs.getString(1);
        }
        for (int i = 0; i < 6; i++) { // six buyers today: over the floor of five, and over 3 x 0
            sale(pharmacy, district, freshBuyer(), Instant.now(), 1);
        }

        AlertView surge = awaitAlert(admin, "PHARMACY_SURGE", a -> a.pharmacyId() == pharmacy);
        assertThat(surge.districtCode()).isEqualTo(district);
        assertThat(surge.category()).isEqualTo("EPHEDRINE_COMPOUND");
        assertThat(surge.buyer()).as("about a pharmacy, not one buyer").isNull();
        assertThat(surge.detail()).contains("今日购买人数6");
    }

    @Test
    void triageNeedsANoteToCloseKeepsEveryStepAndIsAudited() throws Exception {
        long id = alertIn("420106", WUCHANG);
        String path = "/portal/v1/alerts/" + id + "/triage";

        AlertDetailView reviewing = portal.call(
                HttpRequest.POST(path, new TriageRequest("REVIEWING", null)), inspector, AlertDetailView.class);
        assertThat(reviewing.alert().status()).isEqualTo(AlertStatus.REVIEWING);

        assertThat(portal.refused(
                                HttpRequest.POST(path, new TriageRequest("DISMISSED", "  "))
                                        .bearerAuth(inspector),
                                400)
                        .code())
                .isEqualTo(ErrorCode.ALERT_NOTE_REQUIRED.name());
        assertThat(portal.refused(
                                HttpRequest.POST(path, Map.of("status", "CLOSED"))
                                        .bearerAuth(inspector),
                                400)
                        .code())
                .isEqualTo(ErrorCode.VALIDATION_FAILED.name());

        AlertDetailView dismissed = portal.call(
                HttpRequest.POST(path, new TriageRequest("DISMISSED", "已电话核实：购买人为家属代购，回拨 13912345678")),
                inspector,
                AlertDetailView.class);
        assertThat(dismissed.alert().status()).isEqualTo(AlertStatus.DISMISSED);
        assertThat(dismissed.history()).hasSize(2);
        AlertDetailView.Step last = dismissed.history().get(1);
        assertThat(last.from()).isEqualTo(AlertStatus.REVIEWING);
        assertThat(last.to()).isEqualTo(AlertStatus.DISMISSED);
        assertThat(last.byAccountId()).isEqualTo(inspectorAccount);
        assertThat(last.byName()).isEqualTo("武昌区监管科");
        assertThat(last.note()).contains("家属代购").contains("139****5678").doesNotContain("13912345678");

        assertThat(portal.refused(
                                HttpRequest.POST(path, new TriageRequest("REVIEWING", null))
                                        .bearerAuth(inspector),
                                409)
                        .code())
                .isEqualTo(ErrorCode.ALERT_TRANSITION_INVALID.name());

        Page<AuditEventView> trail = portal.call(
                HttpRequest.GET("/portal/v1/audit/events?action=alert.triage&targetType=alert&targetId=" + id),
                admin,
                new GenericArgument<Page<AuditEventView>>() {});
        assertThat(trail.items()).hasSize(2);
        assertThat(trail.items().get(0).details()).containsEntry("to", "DISMISSED");
    }

    @Test
    void anInspectorFindsNothingOutsideTheirDistrictAndOthersAreRefused() throws Exception {
        long elsewhere = alertIn("420103", JIANGHAN);
        portal.refused(HttpRequest.GET("/portal/v1/alerts/" + elsewhere).bearerAuth(inspector), 404);
        portal.refused(
                HttpRequest.POST("/portal/v1/alerts/" + elsewhere + "/triage", new TriageRequest("REVIEWING", null))
                        .bearerAuth(inspector),
                404);
        assertThat(portal.call(HttpRequest.GET("/portal/v1/alerts/" + elsewhere), admin, AlertDetailView.class)
                        .alert()
                        .districtCode())
                .isEqualTo("420103");
        Page<AlertView> mine = client.toBlocking()
                .retrieve(
                        HttpRequest.GET("/portal/v1/alerts?limit=200")
                                .bearerAuth(inspector)
                                .header("X-Forwarded-For", "203.0.113.9"),
                        PAGE);
        assertThat(mine.items())
                .isNotEmpty()
                .allSatisfy(a -> assertThat(a.districtCode()).isEqualTo("420106"));
        portal.refused(HttpRequest.GET("/portal/v1/alerts").bearerAuth(enterprise), 403);
        portal.refused(HttpRequest.GET("/portal/v1/alerts/" + elsewhere).bearerAuth(enterprise), 403);
    }

    @Test
    void badFiltersAreRefusedWithTheirCodeAndNeverFail() {
        Map<String, String> bad = Map.ofEntries(
                Map.entry("status=CLOSED", "QUERY_PARAMETER_INVALID"),
                Map.entry("rule=many-districts", "QUERY_PARAMETER_INVALID"),
                Map.entry("districtCode=4201", "QUERY_PARAMETER_INVALID"),
                Map.entry("pharmacyId=abc", "QUERY_PARAMETER_INVALID"),
                Map.entry("from=yesterday", "TIME_SPAN_INVALID"),
                Map.entry("from=2026-12-03&to=2026-12-01", "TIME_SPAN_INVALID"),
                Map.entry("from=2024-01-01&to=2026-01-01", "TIME_SPAN_INVALID"),
                Map.entry("limit=201", "PAGE_LIMIT_INVALID"),
                Map.entry("limit=0", "PAGE_LIMIT_INVALID"),
                Map.entry("cursor=not-a-cursor", "PAGE_CURSOR_INVALID"));
        bad.forEach((query, code) -> assertThat(portal.refused(
                                HttpRequest.GET("/portal/v1/alerts?" + query).bearerAuth(admin), 400)
                        .code())
                .as(query)
                .isEqualTo(code));
        assertThat(portal.refused(
                                HttpRequest.GET("/portal/v1/alerts?districtCode=420199")
                                        .bearerAuth(admin),
                                404)
                        .code())
                .isEqualTo("DISTRICT_NOT_FOUND");
        assertThat(portal.refused(
                                HttpRequest.GET("/portal/v1/alerts?districtCode=420103")
                                        .bearerAuth(inspector),
                                404)
                        .code())
                .isEqualTo("DISTRICT_NOT_FOUND");
        assertThat(portal.refused(
                                HttpRequest.GET("/portal/v1/alerts?pharmacyId=2")
                                        .bearerAuth(inspector),
                                404)
                        .code())
                .isEqualTo("PHARMACY_NOT_FOUND");
        portal.refused(HttpRequest.GET("/portal/v1/alerts/999999999").bearerAuth(admin), 404);
    }

    @Test
    void theListPagesNewestFirstWithACursor() throws Exception {
        for (int i = 0; i < 3; i++) {
            alertIn("420106", WUCHANG);
        }
        Supplier<HttpRequest<?>> first = () -> HttpRequest.GET("/portal/v1/alerts?limit=2&pharmacyId=1&from=2020-01-01")
                .bearerAuth(admin);
        Page<AlertView> one = client.toBlocking().retrieve(first.get(), PAGE);
        assertThat(one.items()).hasSize(2);
        assertThat(one.nextCursor()).isNotBlank();
        Page<AlertView> two = client.toBlocking()
                .retrieve(
                        HttpRequest.GET("/portal/v1/alerts?limit=2&pharmacyId=1&from=2020-01-01&cursor="
                                        + one.nextCursor())
                                .bearerAuth(admin),
                        PAGE);
        assertThat(two.items()).isNotEmpty();
        assertThat(two.items().get(0).id()).isLessThan(one.items().get(1).id());
        assertThat(one.items().get(0).createdAt())
                .isAfterOrEqualTo(one.items().get(1).createdAt());
    }

    @Test
    void theAlertsExportReadsItsFilterAsTheListDoesAndMasksTheBuyer() throws Exception {
        ExportSource source = exports.stream()
                .filter(e -> e.kind().equals("ALERTS"))
                .findFirst()
                .orElseThrow();
        Actor inspectorActor = new Actor(inspectorAccount, Role.DISTRICT_INSPECTOR, null, "420106", null, null, null);
        assertThatThrownBy(() -> source.plan(inspectorActor, Map.of("status", "CLOSED")))
                .isInstanceOfSatisfying(
                        CogovException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.QUERY_PARAMETER_INVALID));
        assertThatThrownBy(() -> source.plan(inspectorActor, Map.of("districtCode", "420103")))
                .isInstanceOfSatisfying(
                        CogovException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.DISTRICT_NOT_FOUND));
        Actor enterpriseActor = new Actor(99L, Role.ENTERPRISE_USER, null, null, 1L, null, null);
        assertThatThrownBy(() -> source.plan(enterpriseActor, Map.of()))
                .isInstanceOfSatisfying(
                        CogovException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN));

        String buyer = freshBuyer();
        alertIn("420106", WUCHANG, buyer);
        var plan = source.plan(inspectorActor, Map.of("rule", "PER_SALE_LIMIT", "status", "OPEN"));
        assertThat(plan.filterDescription()).contains("420106").contains("PER_SALE_LIMIT");
        List<List<?>> rows = new ArrayList<>();
        plan.rows(row -> rows.add(row));
        assertThat(rows)
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r).hasSize(plan.columns().size()));
        assertThat(rows).allSatisfy(r -> assertThat(r.get(4)).isEqualTo("420106"));
        assertThat(rows.toString()).doesNotContain(buyer).contains(privacy.mask(PersonalField.ID_NUMBER, buyer));
        List<List<?>> firstOnly = new ArrayList<>();
        plan.rows(row -> {
            firstOnly.add(row);
            return false;
        });
        assertThat(firstOnly).hasSize(1);
    }

    // --- fixtures ---

    private static String freshBuyer() {
        return TestPersonalData.residentId(
                "420106",
                LocalDate.of(1960, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(15_000)),
                ThreadLocalRandom.current().nextInt(1000));
    }

    /** A registration written as the counter writes it (sealed buyer, blind index), with one item of 新康泰克. */
    private long sale(long pharmacy, String district, String buyer, Instant soldAt, int packages) throws Exception {
        return sale(pharmacy, district, buyer, soldAt, EPHEDRINE_DRUG, "EPHEDRINE_COMPOUND", packages);
    }

    private long sale(
            long pharmacy, String district, String buyer, Instant soldAt, long drug, String category, int packages)
            throws Exception {
        try (Connection c = devServices().openConnection()) {
            long id;
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO registration (number, pharmacy_id, district_code, clerk_id, sold_at,"
                            + " buyer_document_type, buyer_number_sealed, buyer_number_index, buyer_name_sealed)"
                            + " VALUES (?,?,?,1,?,'RESIDENT_ID_CARD',?,?,?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(
                        1,
                        "DJ20261203"
                                + String.format(
                                        "%010d", ThreadLocalRandom.current().nextLong(1L << 33)));
                ps.setLong(2, pharmacy);
                ps.setString(3, district);
                ps.setTimestamp(4, Timestamp.from(soldAt));
                ps.setString(5, privacy.seal(buyer));
                ps.setString(6, privacy.blindIndex(PersonalField.ID_NUMBER, buyer));
                ps.setString(7, privacy.seal(TestPersonalData.COUNTER_BUYER_NAME));
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO registration_item (registration_id, drug_id, special_category_code, quantity,"
                            + " batch_number, sold_at, pharmacy_id, district_code) SELECT id, ?, ?, ?, 'B20261101',"
                            + " sold_at, pharmacy_id, district_code FROM registration WHERE id = ?")) {
                ps.setLong(1, drug);
                ps.setString(2, category);
                ps.setInt(3, packages);
                ps.setLong(4, id);
                ps.executeUpdate();
            }
            return id;
        }
    }

    private long alertIn(String district, long pharmacy) throws Exception {
        return alertIn(district, pharmacy, freshBuyer());
    }

    /** A per-sale alert as a refused sale leaves it (a block has no registration). */
    private long alertIn(String district, long pharmacy, String buyer) throws Exception {
        try (Connection c = devServices().openConnection();
                PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO rule_alert (district_code, pharmacy_id, buyer_number_index, buyer_document_type,"
                                + " buyer_number_sealed, buyer_name_sealed, rule_code, severity, category_code, detail)"
                                + " VALUES (?,?,?,'RESIDENT_ID_CARD',?,?,'PER_SALE_LIMIT','BLOCK','EPHEDRINE_COMPOUND',"
                                + " '含麻黄碱类复方制剂每次销售不得超过2个最小包装（本次3个）')",
                        Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, district);
            ps.setLong(2, pharmacy);
            ps.setString(3, privacy.blindIndex(PersonalField.ID_NUMBER, buyer));
            ps.setString(4, privacy.seal(buyer));
            ps.setString(5, privacy.seal(TestPersonalData.COUNTER_BUYER_NAME));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private AlertView awaitAlert(String token, String rule, String buyer) {
        String masked = privacy.mask(PersonalField.ID_NUMBER, buyer);
        return awaitAlert(
                token, rule, a -> a.buyer() != null && masked.equals(a.buyer().number()));
    }

    private AlertView awaitAlert(String token, String rule, Predicate<AlertView> wanted) {
        Instant deadline = Instant.now().plusSeconds(20);
        while (true) {
            Page<AlertView> page = client.toBlocking()
                    .retrieve(
                            HttpRequest.GET("/portal/v1/alerts?limit=200&rule=" + rule)
                                    .bearerAuth(token)
                                    .header("X-Forwarded-For", "203.0.113.9"),
                            PAGE);
            Optional<AlertView> found = page.items().stream().filter(wanted).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            assertThat(Instant.now()).as("a %s alert within 20 s", rule).isBefore(deadline);
            LockSupport.parkNanos(POLL.toNanos());
        }
    }

    private void awaitCheckpointPast(long id) throws Exception {
        Instant deadline = Instant.now().plusSeconds(20);
        while (true) {
            try (Connection c = devServices().openConnection();
                    Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery(
                            "SELECT last_id FROM alert_detection_checkpoint WHERE name = 'buyer-patterns'")) {
                if (rs.next() && rs.getLong(1) >= id) {
                    return;
                }
            }
            assertThat(Instant.now()).as("detection passes %d within 20 s", id).isBefore(deadline);
            LockSupport.parkNanos(POLL.toNanos());
        }
    }

    private int countAlerts(String rule, String buyer) throws Exception {
        try (Connection c = devServices().openConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT COUNT(*) FROM rule_alert WHERE rule_code = ? AND buyer_number_index = ?")) {
            ps.setString(1, rule);
            ps.setString(2, privacy.blindIndex(PersonalField.ID_NUMBER, buyer));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
