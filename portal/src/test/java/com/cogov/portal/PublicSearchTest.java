package com.cogov.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.cogov.contracts.error.Problem;
import com.cogov.contracts.paging.Page;
import com.cogov.contracts.pharmacy.PharmacyRequests;
import com.cogov.contracts.pharmacy.PharmacyStatus;
import com.cogov.contracts.pharmacy.PharmacyView;
import com.cogov.contracts.publicsearch.PublicDrug;
import com.cogov.contracts.publicsearch.PublicPharmacy;
import com.cogov.contracts.publicsearch.PublicPharmacyDetail;
import com.cogov.infra.dev.DemoData;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A citizen on the public web finds pharmacies and drugs without signing in (issue 20 §1-2, "Public endpoints", "Bad
 * input"). Its own pharmacies in 黄陂区, far from the demo's: a cluster about a point (31.000, 114.000) for "near
 * me", and a group named 鹤鸣堂 for the ranking. The app's clock is set to times of day for the opening hours.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicSearchTest implements PortalTest {

    static final String SPEC = "PublicSearchTest";
    static final String HUANGPI = "420116";
    static final int LIMIT = 100;

    private static final Random RANDOM = new Random();
    private static final AtomicInteger ADDRESSES = new AtomicInteger(1);

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    PublicSearchClient search;

    long near;
    long middle;
    long far;
    long suspended;
    long outside;
    long exact;
    long prefix;
    long contains;
    long byAddress;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(PortalTest.super.getProperties());
        properties.put("spec.name", SPEC);
        properties.put("cogov.public.requests-per-address", String.valueOf(LIMIT));
        properties.put("cogov.public.window", "1h"); // a minute's window could roll over while the test counts
        properties.put("cogov.public-search.copy-lifetime", "0s"); // rows written by the test show at once
        return properties;
    }

    @BeforeAll
    void createPharmacies() throws Exception {
        PortalSessions portal = new PortalSessions(client);
        String admin = portal.admin(devServices());
        // lat offsets: 0.0009° ≈ 100 m
        near = create(portal, admin, "近邻测试药房", "武汉市黄陂区测试路1号", 0.0027, "00:00-24:00");
        middle = create(portal, admin, "夜间测试药房", "武汉市黄陂区测试路2号", 0.0072, "20:00-02:00");
        far = create(portal, admin, "日间测试药房", "武汉市黄陂区测试路3号", 0.0135, "08:00-18:00");
        suspended = create(portal, admin, "停业测试药房", "武汉市黄陂区测试路4号", 0.0009, "00:00-24:00");
        outside = create(portal, admin, "远郊测试药房", "武汉市黄陂区测试路5号", 0.045, "00:00-24:00");
        portal.call(
                HttpRequest.POST(
                        "/portal/v1/pharmacies/" + suspended + "/status",
                        new PharmacyRequests.StatusChange(PharmacyStatus.SUSPENDED, "停业整顿")),
                admin,
                PharmacyView.class);
        exact = create(portal, admin, "鹤鸣堂", "武汉市黄陂区前川街1号", 0.2, "08:00-22:00");
        prefix = create(portal, admin, "鹤鸣堂大药房", "武汉市黄陂区前川街2号", 0.2, "08:00-22:00");
        contains = create(portal, admin, "新鹤鸣堂药房", "武汉市黄陂区前川街3号", 0.2, "08:00-22:00");
        byAddress = create(portal, admin, "平安康药房", "武汉市黄陂区鹤鸣堂街8号", 0.2, "08:00-22:00");
        try (Connection c = devServices().openConnection()) {
            pharmacist(c, middle, "孙执业", "ZYT" + unique(), "2037-12-31 00:00:00");
            pharmacist(c, far, "钱执业", "ZYT" + unique(), "2020-01-01 00:00:00"); // lapsed long ago
            collectionPoint(c, far, "ACTIVE");
            collectionPoint(c, near, "SUSPENDED");
        }
    }

    @AfterEach
    void realTime() {
        ShiftableClock.Installed.CLOCK.reset();
    }

    // ---------------------------------------------------------------- pharmacies

    @Test
    void nearMeListsTradingPharmaciesNearestFirstWithTheirDistanceWithinTheRadius() {
        List<PublicPharmacy> rows = search.pharmacies(null, null, 31.0, 114.0, 2000, null, null, null, null, 50)
                .items();
        assertThat(rows).extracting(PublicPharmacy::id).containsExactly(near, middle, far);
        assertThat(rows)
                .extracting(PublicPharmacy::distanceMeters)
                .allSatisfy(d -> assertThat(d).isNotNull());
        assertThat(rows.get(0).distanceMeters()).isBetween(290, 310);
        assertThat(rows.get(1).distanceMeters()).isBetween(790, 810);
        assertThat(rows.get(2).distanceMeters()).isBetween(1490, 1510);
        PublicPharmacy first = rows.get(0);
        assertThat(first.name()).isEqualTo("近邻测试药房");
        assertThat(first.districtName()).isEqualTo("黄陂区");
        assertThat(first.phone()).isEqualTo("027-88886666");
        assertThat(first.openingHours()).isEqualTo("00:00-24:00");
        assertThat(first.openNow()).isTrue();
        assertThat(first.sellsSpecialCompounds()).isTrue();
        assertThat(first.acceptsExpiredDrugs()).isFalse(); // its collection point is suspended
    }

    @Test
    void nearMePagesByCursorWithoutLosingOrRepeatingAPharmacy() {
        Page<PublicPharmacy> first = search.pharmacies(null, null, 31.0, 114.0, 2000, null, null, null, null, 1);
        Page<PublicPharmacy> second =
                search.pharmacies(null, null, 31.0, 114.0, 2000, null, null, null, first.nextCursor(), 1);
        Page<PublicPharmacy> third =
                search.pharmacies(null, null, 31.0, 114.0, 2000, null, null, null, second.nextCursor(), 1);
        assertThat(List.of(
                        first.items().get(0).id(),
                        second.items().get(0).id(),
                        third.items().get(0).id()))
                .containsExactly(near, middle, far);
        assertThat(third.nextCursor()).isNull();
    }

    @Test
    void openNowFollowsTheHoursInChinaTimeAcrossMidnightAndRoundTheClock() {
        assertThat(openNear("2026-12-03T23:30:00+08:00")).containsExactly(near, middle);
        assertThat(openNear("2026-12-04T01:30:00+08:00")).containsExactly(near, middle);
        assertThat(openNear("2026-12-04T03:00:00+08:00")).containsExactly(near);
        assertThat(openNear("2026-12-04T10:00:00+08:00")).containsExactly(near, far);
        // and each row says so, filtered or not
        ShiftableClock.Installed.CLOCK.set(
                OffsetDateTime.parse("2026-12-04T01:30:00+08:00").toInstant());
        assertThat(search.pharmacies(null, null, 31.0, 114.0, 2000, null, null, null, null, 50)
                        .items())
                .extracting(PublicPharmacy::openNow)
                .containsExactly(true, true, false);
    }

    @Test
    void pharmacistOnDutyAndCollectionPointFilterAndShowInEachRow() {
        ShiftableClock.Installed.CLOCK.set(
                OffsetDateTime.parse("2026-12-04T10:00:00+08:00").toInstant());
        assertThat(search.pharmacies(null, null, 31.0, 114.0, 2000, null, true, null, null, 50)
                        .items())
                .extracting(PublicPharmacy::id)
                .containsExactly(middle); // far's mark lapsed
        List<PublicPharmacy> collecting = search.pharmacies(null, null, 31.0, 114.0, 2000, null, null, true, null, 50)
                .items();
        assertThat(collecting).extracting(PublicPharmacy::id).containsExactly(far);
        assertThat(collecting.get(0).acceptsExpiredDrugs()).isTrue();
        assertThat(collecting.get(0).pharmacistOnDuty()).isFalse();
    }

    @Test
    void byNameOrAddressTheBestMatchComesFirstInChineseAndInPinyinInitials() {
        Set<Long> mine = Set.of(exact, prefix, contains, byAddress);
        for (String q : List.of("鹤鸣堂", "hmt", "HMT")) {
            List<Long> found =
                    search.pharmacies(q, HUANGPI, null, null, null, null, null, null, null, 200).items().stream()
                            .map(PublicPharmacy::id)
                            .filter(mine::contains)
                            .toList();
            assertThat(found).as(q).containsExactly(exact, prefix, contains, byAddress);
        }
        assertThat(search.pharmacies("鹤鸣堂街", null, null, null, null, null, null, null, null, 50)
                        .items())
                .extracting(PublicPharmacy::id)
                .containsExactly(byAddress);
    }

    @Test
    void theDetailNamesTheLicenceAndTheLicensedPharmaciststheSuspendedOneIsNotFound() {
        PublicPharmacyDetail detail = search.pharmacy(middle);
        assertThat(detail.pharmacy().name()).isEqualTo("夜间测试药房");
        assertThat(detail.licenseNumber()).startsWith("鄂CB-T");
        assertThat(detail.pharmacists()).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("孙执业");
            assertThat(p.licenseNumber()).startsWith("ZYT");
            assertThat(p.onDuty()).isTrue();
        });
        assertThat(refused(HttpRequest.GET("/portal/v1/public/pharmacies/" + suspended), address(), 404)
                        .code())
                .isEqualTo("PHARMACY_NOT_FOUND");
        assertThat(search.pharmacies("停业测试", null, null, null, null, null, null, null, null, 50)
                        .items())
                .isEmpty();
    }

    // ---------------------------------------------------------------- drugs

    @Test
    void drugsByPinyinInitialsWithThePurchaseRulesOfTheirCategory() {
        List<PublicDrug> found =
                search.drugs("xktk", null, null, null, null, null, 20).items();
        assertThat(found).isNotEmpty();
        assertThat(found).extracting(PublicDrug::name).containsOnly("新康泰克");
        assertThat(found).extracting(PublicDrug::id).isSorted();
        PublicDrug.PurchaseRules rules = found.get(0).purchaseRules();
        assertThat(rules.idRequired()).isTrue();
        assertThat(rules.maxPackagesPerSale()).isEqualTo(2);
        assertThat(rules.prescriptionRequired()).isFalse();
        assertThat(rules.notForMinors()).isFalse();
        assertThat(rules.summary()).contains("每次最多购买2个最小包装（2盒）");

        PublicDrug codeine = search.drugs("复方磷酸可待因口服溶液", null, null, null, null, null, 20)
                .items()
                .get(0);
        assertThat(codeine.name()).isEqualTo("复方磷酸可待因口服溶液");
        assertThat(codeine.purchaseRules().prescriptionRequired()).isTrue();
        assertThat(codeine.purchaseRules().notForMinors()).isTrue();
        assertThat(codeine.purchaseRules().summary()).contains("不得向未成年人销售", "凭医师处方购买，按处方剂量销售");

        PublicDrug ordinary =
                search.drugs("蒙脱石散", null, null, null, null, null, 20).items().get(0);
        assertThat(ordinary.specialCategory()).isNull();
        assertThat(ordinary.purchaseRules()).isNull();
    }

    @Test
    void drugsRankExactBeforePrefixBeforeContainsAcrossNameGenericNameAndMaker() {
        List<PublicDrug> found =
                search.drugs("布洛芬", null, null, null, null, null, 200).items();
        // 布洛芬缓释胶囊 starts with it; 布洛伪麻片 does not contain it; a generic name that contains it comes after
        assertThat(found.get(0).name()).isEqualTo("布洛芬缓释胶囊");
        List<PublicDrug> byMaker =
                search.drugs("楚天药业股份有限公司", null, null, null, null, null, 200).items();
        assertThat(byMaker).isNotEmpty().allSatisfy(d -> assertThat(d.maker()).isEqualTo("楚天药业股份有限公司"));
    }

    @Test
    void drugsByBarcodeApprovalNumberCategoryAndPrescription() {
        PublicDrug byBarcode = search.drugs(null, null, DemoData.EXAMPLE_BARCODE, null, null, null, 20)
                .items()
                .get(0);
        assertThat(byBarcode.name()).isEqualTo("新康泰克");
        assertThat(search.drugs(null, byBarcode.approvalNumber(), null, null, null, null, 20)
                        .items())
                .extracting(PublicDrug::id)
                .containsExactly(byBarcode.id());
        List<PublicDrug> dextro = search.drugs(null, null, null, "DEXTROMETHORPHAN", null, null, 200)
                .items();
        assertThat(dextro)
                .hasSize(6)
                .allSatisfy(d -> assertThat(d.specialCategory().code()).isEqualTo("DEXTROMETHORPHAN"));
        assertThat(search.drugs(null, null, null, null, false, null, 200).items())
                .allSatisfy(d -> assertThat(d.prescriptionOnly()).isFalse());
        assertThat(search.drug(byBarcode.id()).barcodes()).contains(DemoData.EXAMPLE_BARCODE);
        assertThat(refused(HttpRequest.GET("/portal/v1/public/drugs/999999"), address(), 404)
                        .code())
                .isEqualTo("DRUG_NOT_FOUND");
    }

    // ---------------------------------------------------------------- the public endpoints

    @Test
    void answersCarryAStrongETagAndArePublicForAMinuteAndAMatchingTagAnswers304() {
        String from = address();
        HttpResponse<String> first = get("/portal/v1/public/drugs?q=xktk", from, null);
        String tag = first.header("ETag");
        assertThat(tag).matches("\"[A-Za-z0-9_-]{43}\"");
        assertThat(first.header("Cache-Control")).isEqualTo("public, max-age=60");

        HttpResponse<String> again = get("/portal/v1/public/drugs?q=xktk", from, tag);
        assertThat(again.code()).isEqualTo(304);
        assertThat(again.getBody()).isEmpty();
        assertThat(again.header("ETag")).isEqualTo(tag);

        assertThat(get("/portal/v1/public/drugs?q=xktk", from, "\"stale\"").code())
                .isEqualTo(200);
        assertThat(get("/portal/v1/public/drugs?q=bjh", from, tag).header("ETag"))
                .isNotEqualTo(tag);
        // the routes that were there before get it too
        assertThat(get("/portal/v1/public/districts", from, null).header("Cache-Control"))
                .isEqualTo("public, max-age=60");
    }

    @Test
    void tooManyQueriesFromOneAddressAnswer429WithRetryAfterWhileOthersAreServed() {
        String from = address();
        for (int i = 0; i < LIMIT; i++) {
            assertThat(get("/portal/v1/public/districts", from, null).code()).isEqualTo(200);
        }
        HttpClientResponseException throttled = failure(HttpRequest.GET("/portal/v1/public/drugs?q=xktk"), from);
        assertThat(throttled.getStatus().getCode()).isEqualTo(429);
        assertThat(throttled.getResponse().getContentType().orElseThrow().toString())
                .isEqualTo(Problem.MEDIA_TYPE);
        assertThat(throttled.getResponse().getBody(Problem.class).orElseThrow().code())
                .isEqualTo("TOO_MANY_REQUESTS");
        assertThat(Integer.parseInt(throttled.getResponse().header("Retry-After")))
                .isBetween(1, 3600);
        assertThat(throttled.getResponse().header("Cache-Control")).isEqualTo("no-store");
        assertThat(get("/portal/v1/public/districts", address(), null).code()).isEqualTo(200);
        // a complaint's status is personal: not cached, not counted here (it has its own limit on wrong codes)
        HttpClientResponseException lookup =
                failure(HttpRequest.GET("/portal/v1/public/complaints/TS20261203999999?queryCode=000000"), from);
        assertThat(lookup.getStatus().getCode()).isEqualTo(404);
        assertThat(lookup.getResponse().header("ETag")).isNull();
        assertThat(lookup.getResponse().header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void badInputIsA400WithAStableCodeNeverA500() {
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("/pharmacies?lat=31&lng=114&radiusMeters=20001", "SEARCH_RADIUS_INVALID");
        cases.put("/pharmacies?lat=31&lng=114&radiusMeters=0", "SEARCH_RADIUS_INVALID");
        cases.put("/pharmacies?lat=91&lng=114", "LOCATION_INVALID");
        cases.put("/pharmacies?lat=31&lng=181", "LOCATION_INVALID");
        cases.put("/pharmacies?lat=31", "LOCATION_INCOMPLETE");
        cases.put("/pharmacies?lng=114", "LOCATION_INCOMPLETE");
        cases.put("/pharmacies?radiusMeters=500", "LOCATION_INCOMPLETE");
        cases.put("/pharmacies?q=" + "药".repeat(51), "SEARCH_TEXT_TOO_LONG");
        cases.put("/drugs?q=" + "a".repeat(51), "SEARCH_TEXT_TOO_LONG");
        cases.put("/pharmacies?districtCode=999999", "DISTRICT_UNKNOWN");
        cases.put("/pharmacies?districtCode=abc", "DISTRICT_UNKNOWN");
        cases.put("/drugs?category=HEROIN", "DRUG_CATEGORY_UNKNOWN");
        cases.put("/pharmacies?cursor=not-a-cursor", "PAGE_CURSOR_INVALID");
        cases.put("/drugs?cursor=ZDE6LTE6MTox", "PAGE_CURSOR_INVALID");
        cases.put("/drugs?limit=0", "PAGE_LIMIT_INVALID");
        cases.put("/drugs?barcode=12ab", "SEARCH_PARAMETER_INVALID");
        cases.forEach((path, code) -> {
            Problem problem = refused(
                    HttpRequest.GET("/portal/v1/public" + path.replace("药".repeat(51), encoded51())), address(), 400);
            assertThat(problem.code()).as(path).isEqualTo(code);
        });
        Map<String, Integer> malformed = new java.util.LinkedHashMap<>();
        for (String path : List.of("/pharmacies?lat=north&lng=114", "/pharmacies?radiusMeters=far", "/drugs/abc")) {
            HttpClientResponseException e = failure(HttpRequest.GET("/portal/v1/public" + path), address());
            malformed.put(path, e == null ? 200 : e.getStatus().getCode());
        }
        assertThat(malformed)
                .allSatisfy((path, status) -> assertThat(status).as(path).isEqualTo(400));
    }

    // ---------------------------------------------------------------- helpers

    private List<Long> openNear(String chinaTime) {
        ShiftableClock.Installed.CLOCK.set(OffsetDateTime.parse(chinaTime).toInstant());
        return search.pharmacies(null, null, 31.0, 114.0, 2000, true, null, null, null, 50).items().stream()
                .map(PublicPharmacy::id)
                .toList();
    }

    private static String encoded51() {
        return java.net.URLEncoder.encode("药".repeat(51), java.nio.charset.StandardCharsets.UTF_8);
    }

    private HttpResponse<String> get(String path, String from, String ifNoneMatch) {
        MutableHttpRequest<?> request = HttpRequest.GET(path).header("X-Forwarded-For", from);
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return client.toBlocking().exchange(request, String.class);
    }

    private Problem refused(MutableHttpRequest<?> request, String from, int status) {
        HttpClientResponseException e = failure(request, from);
        assertThat(e).as("expected %d for %s", status, request.getPath()).isNotNull();
        assertThat(e.getStatus().getCode()).as(request.getPath()).isEqualTo(status);
        assertThat(e.getResponse().getContentType().orElseThrow().toString()).isEqualTo(Problem.MEDIA_TYPE);
        return e.getResponse().getBody(Problem.class).orElseThrow();
    }

    private HttpClientResponseException failure(MutableHttpRequest<?> request, String from) {
        return org.assertj.core.api.Assertions.catchThrowableOfType(
                HttpClientResponseException.class,
                () -> client.toBlocking().exchange(request.header("X-Forwarded-For", from), String.class));
    }

    private static String address() {
        return "203.0.113." + ADDRESSES.getAndIncrement();
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private long create(PortalSessions portal, String admin, String name, String street, double north, String hours) {
        return portal.call(
                        HttpRequest.POST(
                                "/portal/v1/pharmacies",
                                new PharmacyRequests.Create(
                                        "鄂CB-T" + unique(),
                                        DemoData.creditCode("91" + HUANGPI, RANDOM),
                                        name,
                                        HUANGPI,
                                        street,
                                        new BigDecimal("31.000000").add(BigDecimal.valueOf(north)),
                                        new BigDecimal("114.000000"),
                                        hours,
                                        "027-88886666")),
                        admin,
                        PharmacyView.class)
                .id();
    }

    private static void pharmacist(Connection c, long pharmacy, String name, String license, String until)
            throws Exception {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO pharmacy_pharmacist (pharmacy_id, name, license_number, on_duty_until) VALUES (?,?,?,?)")) {
            ps.setLong(1, pharmacy);
            ps.setString(2, name);
            ps.setString(3, license);
            ps.setString(4, until);
            ps.executeUpdate();
        }
    }

    private static void collectionPoint(Connection c, long pharmacy, String status) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO collection_point (pharmacy_id, status, accepted_kinds) VALUES (?, ?, 'BOX,BOTTLE')")) {
            ps.setLong(1, pharmacy);
            ps.setString(2, status);
            ps.executeUpdate();
        }
    }
}
