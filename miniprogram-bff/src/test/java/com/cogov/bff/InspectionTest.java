package com.cogov.bff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.cogov.api.pharmacy.PharmacyChangedEvent;
import com.cogov.contracts.account.Tokens;
import com.cogov.contracts.error.Problem;
import com.cogov.contracts.inspection.CheckResult;
import com.cogov.contracts.inspection.Disposition;
import com.cogov.contracts.inspection.InspectionRequests;
import com.cogov.contracts.inspection.InspectionSummary;
import com.cogov.contracts.inspection.InspectionView;
import com.cogov.contracts.inspection.InspectorPharmacyDetail;
import com.cogov.contracts.inspection.InspectorPharmacyRow;
import com.cogov.contracts.inspection.RectificationState;
import com.cogov.contracts.notify.InboxEntryView;
import com.cogov.contracts.paging.Page;
import com.cogov.contracts.registration.RegistrationRecord;
import com.cogov.infra.dev.DevServicesTest;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.type.Argument;
import io.micronaut.core.type.GenericArgument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The inspector's phone and the pharmacy's side, end to end on the real MariaDB and Redis (docs/inspection.md): the
 * lookup by name, pinyin initials and nearest first; a pharmacy's page and records; recording with photos, retries,
 * OFF_SITE and corrections; the manager notified (inbox and the fake WeChat), acknowledging and rectifying; the
 * inspector's review; the reminder the day before and the overdue list; and every bad input as a 4xx.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InspectionTest implements DevServicesTest {

    private static final Argument<Page<InspectorPharmacyRow>> PHARMACIES = new GenericArgument<>() {};
    private static final Argument<Page<InspectionSummary>> INSPECTIONS = new GenericArgument<>() {};
    private static final Argument<Page<RegistrationRecord>> RECORDS = new GenericArgument<>() {};
    private static final Argument<Page<InboxEntryView>> INBOX = new GenericArgument<>() {};
    private static final String DISTRICT = "420106";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Inject
    org.redisson.api.RedissonClient redis;

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    ApplicationEventPublisher<PharmacyChangedEvent> pharmacyChanges;

    @Inject
    TransactionOperations<Connection> transactions;

    MiniProgramSessions mp;
    InspectionFixture fixture;
    Tokens inspector;
    Tokens manager;
    Tokens otherDistrictsInspector;
    double[] pharmacyOne;
    /** A name no other run's pharmacies share, so exact and prefix matches are this run's. */
    String marker;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(DevServicesTest.super.getProperties());
        properties.put("cogov.notify.send-interval", "200ms");
        properties.put("cogov.inspection.schedule-interval", "300ms");
        properties.put("cogov.inspection.schedule-initial-delay", "100ms");
        return properties;
    }

    @BeforeAll
    void signIn() throws Exception {
        try (Connection c = devServices().openConnection()) {
            c.createStatement()
                    .executeUpdate("INSERT IGNORE INTO account (wechat_openid, role, display_name, district_code)"
                            + " VALUES ('insp-other-district', 'DISTRICT_INSPECTOR', '江汉区检查员', '420103')");
            pharmacyOne = InspectionFixture.coordinatesOf(c, 1);
        }
        mp = new MiniProgramSessions(client);
        fixture = new InspectionFixture(client);
        inspector = mp.signIn("demo-inspector");
        manager = mp.signIn("demo-manager");
        otherDistrictsInspector = mp.signIn("insp-other-district");
        mp.call(HttpRequest.PUT("/mp/v1/notification-subscriptions/INSPECTION", ""), manager, String.class);
        Random random = new Random();
        StringBuilder m = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            m.append("甲乙丙丁戊己庚辛壬癸".charAt(random.nextInt(10)));
        }
        marker = m.toString();
    }

    // ---------------------------------------------------------------- lookup

    @Test
    void findsPharmaciesOfTheDistrictByNameOrInitialsBestMatchFirst() throws Exception {
        long exact = newPharmacy(marker + "泰和堂", DISTRICT, 30.55, 114.32);
        long prefix = newPharmacy(marker + "泰和堂大药房", DISTRICT, 30.55, 114.32);
        long contains = newPharmacy("同" + marker + "泰和堂药房", DISTRICT, 30.55, 114.32);
        long elsewhere = newPharmacy(marker + "泰和堂", "420103", 30.60, 114.27);

        List<Long> byName = ids(lookup("q=" + q(marker + "泰和堂") + "&limit=50"));
        assertThat(byName).containsSubsequence(exact, prefix, contains).doesNotContain(elsewhere);

        // 康泰克 → ktk: the clerk's way of typing a name
        long kangtaike = newPharmacy("康泰克" + marker + "药店", DISTRICT, 30.55, 114.32);
        assertThat(ids(lookup("q=ktk&limit=200"))).contains(kangtaike);
        assertThat(ids(lookup("q=KTK&limit=200"))).contains(kangtaike);
        // a Chinese substring from the middle of the name
        assertThat(ids(lookup("q=" + q(marker.substring(1) + "药店") + "&limit=200")))
                .containsExactly(kangtaike);

        // renamed (the lifecycle publishes PharmacyChangedEvent in its transaction): found by the new name only
        try (Connection c = devServices().openConnection()) {
            c.createStatement()
                    .executeUpdate("UPDATE pharmacy SET name = '" + marker + "改名药房' WHERE id = " + kangtaike);
        }
        changed(kangtaike);
        assertThat(ids(lookup("q=" + q(marker + "改名")))).containsExactly(kangtaike);
        assertThat(ids(lookup("q=" + q(marker.substring(1) + "药店") + "&limit=200")))
                .doesNotContain(kangtaike);
    }

    @Test
    void nearestFirstPagesThroughTheDistrictWithDistancesAndFollowsAMove() throws Exception {
        String at = "lat=30.55&lng=114.32&radiusMeters=50000";
        List<InspectorPharmacyRow> all = new ArrayList<>();
        String cursor = null;
        do {
            Page<InspectorPharmacyRow> page = lookup(at + "&limit=3" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.items().size()).isLessThanOrEqualTo(3);
            all.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        assertThat(all).isNotEmpty().allSatisfy(r -> {
            assertThat(r.districtCode()).isEqualTo(DISTRICT);
            assertThat(r.distanceMeters()).isNotNull();
        });
        assertThat(all.stream().map(InspectorPharmacyRow::distanceMeters).toList())
                .isSorted();
        Set<Long> seen = new HashSet<>(ids(new Page<>(all, null)));
        assertThat(seen).hasSize(all.size()).contains(1L); // no row twice; the demo pharmacy among them
        try (Connection c = devServices().openConnection();
                ResultSet rs = c.createStatement()
                        .executeQuery("SELECT COUNT(*) FROM pharmacy WHERE district_code = '" + DISTRICT
                                + "' AND latitude IS NOT NULL")) {
            rs.next();
            assertThat(all).hasSize(rs.getInt(1)); // every located pharmacy of the district is within 50 km
        }

        // moved far away (an address change): no longer near, and nearest first at its new place
        long moving = newPharmacy(marker + "搬迁药房", DISTRICT, 30.55, 114.32);
        try (Connection c = devServices().openConnection()) {
            c.createStatement()
                    .executeUpdate("UPDATE pharmacy SET latitude = 30.9, longitude = 114.9 WHERE id = " + moving);
        }
        changed(moving);
        assertThat(ids(lookup("lat=30.55&lng=114.32&radiusMeters=5000&limit=200")))
                .doesNotContain(moving);
        InspectorPharmacyRow first =
                lookup("lat=30.9&lng=114.9&radiusMeters=1000").items().get(0);
        assertThat(first.id()).isEqualTo(moving);
        assertThat(first.distanceMeters()).isLessThan(5);
    }

    @Test
    void nearbyStillAnswersAfterRedisLostTheIndex() {
        // A Redis restarted without persistence, or a failover to an empty replica: the index is simply not there.
        redis.getKeys().deleteByPattern("cogov:geo:pharmacy*");

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(ids(lookup("lat=30.55&lng=114.32&radiusMeters=50000&limit=200")))
                        .as("rebuilt from the database on the first search that finds it gone")
                        .contains(1L));
    }

    @Test
    void aPharmacysPageShowsItsStaffMaskedItsSalesAndItsRecords() {
        new Counter(client, devServices())
                .register(mp.signIn("demo-clerk"), Counter.sale(Counter.adultId(), Counter.item(Counter.EPHEDRINE, 1)));
        InspectorPharmacyDetail detail =
                mp.call(HttpRequest.GET("/mp/v1/inspector/pharmacies/1"), inspector, InspectorPharmacyDetail.class);
        assertThat(detail.licenseNumber()).startsWith("鄂CB027");
        assertThat(detail.creditCode()).hasSize(18);
        assertThat(detail.staff())
                .anySatisfy(s -> assertThat(s.formOfAddress()).isEqualTo("李店长"))
                .anySatisfy(s -> assertThat(s.formOfAddress()).isEqualTo("王店员"))
                .allSatisfy(s ->
                        assertThat(s.phone() == null || s.phone().contains("*")).isTrue());
        assertThat(detail.salesLast7Days()).isGreaterThanOrEqualTo(detail.salesToday());

        Page<RegistrationRecord> records =
                mp.call(HttpRequest.GET("/mp/v1/inspector/pharmacies/1/registrations?limit=5"), inspector, RECORDS);
        assertThat(records.items()).isNotEmpty().allSatisfy(r -> {
            assertThat(r.pharmacyId()).isEqualTo(1L);
            assertThat(r.buyer().name()).contains("*"); // masked, as on the portal
        });

        // another district's pharmacy does not exist for this inspector
        assertThat(mp.refused(HttpRequest.GET("/mp/v1/inspector/pharmacies/2").bearerAuth(inspector.accessToken()), 404)
                        .code())
                .isEqualTo("PHARMACY_NOT_FOUND");
        mp.refused(
                HttpRequest.GET("/mp/v1/inspector/pharmacies/2/registrations").bearerAuth(inspector.accessToken()),
                404);
        mp.refused(HttpRequest.GET("/mp/v1/inspector/pharmacies/1").bearerAuth(manager.accessToken()), 403);
    }

    // ---------------------------------------------------------------- recording, the pharmacy's side, review

    @Test
    void anInspectionIsRecordedOnceTheManagerIsToldAcknowledgesRectifiesAndTheInspectorAccepts() {
        String photo = fixture.upload(inspector);
        List<InspectionRequests.Answer> answers = new ArrayList<>();
        InspectionRequests.Record body = fixture.body(inspector, 1, pharmacyOne, r -> {
            for (InspectionRequests.Answer a : r.checklist()) {
                answers.add(
                        a.item().equals("STORAGE")
                                ? new InspectionRequests.Answer("STORAGE", CheckResult.PROBLEM, "含麻黄碱类药品未设专柜")
                                : a);
            }
            return InspectionFixture.rectify(
                    new InspectionRequests.Record(
                            r.pharmacyId(),
                            answers,
                            r.findings(),
                            r.disposition(),
                            null,
                            null,
                            r.location(),
                            List.of(photo),
                            null),
                    today().plusDays(7));
        });
        String key = UUID.randomUUID().toString();
        HttpResponse<InspectionView> created =
                client.toBlocking().exchange(InspectionFixture.post(inspector, key, body), InspectionView.class);
        assertThat(created.code()).isEqualTo(201);
        InspectionView inspection = created.body();
        assertThat(inspection.disposition()).isEqualTo(Disposition.RECTIFY);
        assertThat(inspection.flags()).doesNotContain("OFF_SITE");
        assertThat(inspection.distanceMeters()).isLessThan(5);
        assertThat(inspection.photoIds()).containsExactly(photo);
        assertThat(inspection.checklist()).anySatisfy(a -> {
            assertThat(a.item()).isEqualTo("STORAGE");
            assertThat(a.result()).isEqualTo(CheckResult.PROBLEM);
        });
        assertThat(inspection.rectification().state()).isEqualTo(RectificationState.OPEN);

        // the phone lost the answer and sends it again: the same inspection, not a second one
        InspectionView retried =
                client.toBlocking().retrieve(InspectionFixture.post(inspector, key, body), InspectionView.class);
        assertThat(retried.id()).isEqualTo(inspection.id());
        assertThat(ids(mp
                        .call(HttpRequest.GET("/mp/v1/inspections?pharmacyId=1&limit=200"), inspector, INSPECTIONS)
                        .items()
                        .stream()
                        .map(InspectionSummary::id)
                        .toList()))
                .containsOnlyOnce(inspection.id());

        // the manager: in the inbox and as a WeChat subscribe message
        assertThat(mp.call(HttpRequest.GET("/mp/v1/inbox?unread=true&limit=200"), manager, INBOX)
                        .items())
                .anySatisfy(e -> assertThat(e.link()).isEqualTo("/pharmacy/inspections/" + inspection.id()));
        JsonNode message = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> weChatMessageTo("demo-manager", "/pharmacy/inspections/" + inspection.id()),
                        m -> m != null);
        assertThat(message.path("data").path("thing1").path("value").asText()).isEqualTo("本店收到整改通知");

        // the manager reads it (their pharmacy's photo too), acknowledges, rectifies with a photo of their own
        assertThat(mp.call(HttpRequest.GET("/mp/v1/pharmacy/inspections"), manager, INSPECTIONS)
                        .items())
                .anySatisfy(s -> assertThat(s.id()).isEqualTo(inspection.id()));
        HttpResponse<byte[]> download = client.toBlocking()
                .exchange(
                        HttpRequest.GET("/mp/v1/inspections/photos/" + photo).bearerAuth(manager.accessToken()),
                        byte[].class);
        assertThat(download.body()).isEqualTo(InspectionFixture.jpeg());
        assertThat(download.header("Content-Disposition")).startsWith("attachment");
        assertThat(download.header("X-Content-Type-Options")).isEqualTo("nosniff");
        mp.refused(
                HttpRequest.GET("/mp/v1/inspections/photos/" + photo).bearerAuth(otherDistrictsInspector.accessToken()),
                404);

        InspectionView acknowledged = mp.call(
                HttpRequest.POST("/mp/v1/pharmacy/inspections/" + inspection.id() + "/acknowledge", ""),
                manager,
                InspectionView.class);
        assertThat(acknowledged.acknowledgedAt()).isNotNull();
        String managersPhoto = fixture.upload(manager);
        InspectionView submitted = mp.call(
                HttpRequest.POST(
                        "/mp/v1/pharmacy/inspections/" + inspection.id() + "/rectification",
                        new InspectionRequests.Rectification("已设立专柜并张贴告示", List.of(managersPhoto))),
                manager,
                InspectionView.class);
        assertThat(submitted.rectification().state()).isEqualTo(RectificationState.SUBMITTED);
        assertThat(submitted.rectification().submissions().get(0).photoIds()).containsExactly(managersPhoto);
        Problem twice = mp.refused(
                HttpRequest.POST(
                                "/mp/v1/pharmacy/inspections/" + inspection.id() + "/rectification",
                                new InspectionRequests.Rectification("再次提交", null))
                        .bearerAuth(manager.accessToken()),
                409);
        assertThat(twice.code()).isEqualTo("RECTIFICATION_NOT_EXPECTED");

        // the inspector reviews: accepted, and the manager is told
        InspectionView reviewed = mp.call(
                HttpRequest.POST(
                        "/mp/v1/inspections/" + inspection.id() + "/rectification/review",
                        new InspectionRequests.Review(true, "整改到位")),
                inspector,
                InspectionView.class);
        assertThat(reviewed.rectification().state()).isEqualTo(RectificationState.ACCEPTED);
        assertThat(reviewed.rectification().submissions().get(0).accepted()).isTrue();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> mp.call(HttpRequest.GET("/mp/v1/inbox?limit=200"), manager, INBOX).items().stream()
                        .anyMatch(e -> e.title().equals("整改已通过审核")));
        mp.refused(
                HttpRequest.POST(
                                "/mp/v1/inspections/" + inspection.id() + "/rectification/review",
                                new InspectionRequests.Review(true, null))
                        .bearerAuth(inspector.accessToken()),
                409);
    }

    @Test
    void farFromThePharmacyIsAcceptedButFlaggedAndACorrectionSupersedesOnce() {
        double[] twoKilometresAway = {pharmacyOne[0] + 0.018, pharmacyOne[1]};
        InspectionView away = fixture.record(
                inspector,
                fixture.body(inspector, 1, twoKilometresAway, r -> InspectionFixture.rectify(r, today().plusDays(3))));
        assertThat(away.flags()).containsExactly("OFF_SITE");
        assertThat(away.distanceMeters()).isBetween(1900, 2100);

        InspectionView correction = fixture.record(
                inspector,
                fixture.body(
                        inspector,
                        1,
                        pharmacyOne,
                        r -> new InspectionRequests.Record(
                                r.pharmacyId(),
                                r.checklist(),
                                "更正：复查后符合要求",
                                Disposition.COMPLIANT,
                                null,
                                null,
                                r.location(),
                                List.of(),
                                away.id())));
        assertThat(correction.supersedes()).isEqualTo(away.id());
        InspectionView old =
                mp.call(HttpRequest.GET("/mp/v1/inspections/" + away.id()), inspector, InspectionView.class);
        assertThat(old.supersededBy()).isEqualTo(correction.id());
        assertThat(old.rectification().state()).isEqualTo(RectificationState.SUPERSEDED);
        assertThat(old.findings()).isEqualTo(away.findings()); // the old one is never edited

        Problem again = mp.refused(
                InspectionFixture.post(
                        inspector,
                        UUID.randomUUID().toString(),
                        fixture.body(
                                inspector,
                                1,
                                pharmacyOne,
                                r -> new InspectionRequests.Record(
                                        r.pharmacyId(),
                                        r.checklist(),
                                        "再次更正",
                                        Disposition.COMPLIANT,
                                        null,
                                        null,
                                        r.location(),
                                        List.of(),
                                        away.id()))),
                409);
        assertThat(again.code()).isEqualTo("INSPECTION_SUPERSEDE_INVALID");
    }

    @Test
    void theManagerIsRemindedOnceTheDayBeforeAndAMissedDateIsOverdueEverywhere() throws Exception {
        InspectionView dueTomorrow = fixture.record(
                inspector,
                fixture.body(inspector, 1, pharmacyOne, r -> InspectionFixture.rectify(r, today().plusDays(1))));
        JsonNode reminder = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> weChatMessageTo("demo-manager", "整改期限明天截止", "/pharmacy/inspections/" + dueTomorrow.id()),
                        m -> m != null);
        assertThat(reminder).isNotNull();

        InspectionView missed = fixture.record(
                inspector,
                fixture.body(inspector, 1, pharmacyOne, r -> InspectionFixture.rectify(r, today().plusDays(2))));
        try (Connection c = devServices().openConnection()) { // two days pass
            c.createStatement()
                    .executeUpdate("UPDATE inspection_rectification_state SET due_on = DATE_SUB(due_on,"
                            + " INTERVAL 3 DAY) WHERE inspection_id = " + missed.id());
        }
        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        mp.call(HttpRequest.GET("/mp/v1/inspections/" + missed.id()), inspector, InspectionView.class)
                                        .rectification()
                                        .state()
                                == RectificationState.OVERDUE);
        assertThat(mp.call(HttpRequest.GET("/mp/v1/inspections?overdue=true&limit=200"), inspector, INSPECTIONS)
                        .items())
                .anySatisfy(s -> assertThat(s.id()).isEqualTo(missed.id()))
                .allSatisfy(s -> assertThat(s.overdue()).isTrue());
        assertThat(mp.call(HttpRequest.GET("/mp/v1/pharmacy/inspections?overdue=true&limit=200"), manager, INSPECTIONS)
                        .items())
                .anySatisfy(s -> assertThat(s.id()).isEqualTo(missed.id()));
        Problem late = mp.refused(
                HttpRequest.POST(
                                "/mp/v1/pharmacy/inspections/" + missed.id() + "/rectification",
                                new InspectionRequests.Rectification("迟到的整改", null))
                        .bearerAuth(manager.accessToken()),
                409);
        assertThat(late.code()).isEqualTo("RECTIFICATION_OVERDUE");
        // reminded once only, however often the schedule runs
        assertThat(devServices().weChat().subscribeMessagesTo("demo-manager").stream()
                        .filter(m -> m.path("data")
                                .path("thing1")
                                .path("value")
                                .asText()
                                .equals("整改期限明天截止"))
                        .filter(m -> inboxLinkOf(m).equals("/pharmacy/inspections/" + dueTomorrow.id()))
                        .count())
                .isEqualTo(1);
    }

    // ---------------------------------------------------------------- bad input

    @Test
    void badInputIsA4xxWithAStableCode() throws Exception {
        assertCode(
                InspectionFixture.post(
                        inspector,
                        UUID.randomUUID().toString(),
                        fixture.body(
                                inspector,
                                1,
                                pharmacyOne,
                                r -> new InspectionRequests.Record(
                                        r.pharmacyId(),
                                        r.checklist().subList(1, r.checklist().size()),
                                        r.findings(),
                                        r.disposition(),
                                        null,
                                        null,
                                        r.location(),
                                        List.of(),
                                        null))),
                400,
                "CHECKLIST_INCOMPLETE");
        assertCode(
                InspectionFixture.post(
                        inspector,
                        UUID.randomUUID().toString(),
                        fixture.body(
                                inspector,
                                1,
                                pharmacyOne,
                                r -> new InspectionRequests.Record(
                                        r.pharmacyId(),
                                        withFirst(
                                                r,
                                                new InspectionRequests.Answer(
                                                        r.checklist().get(0).item(), CheckResult.PROBLEM, " ")),
                                        r.findings(),
                                        r.disposition(),
                                        null,
                                        null,
                                        r.location(),
                                        List.of(),
                                        null))),
                400,
                "CHECKLIST_PROBLEM_UNEXPLAINED");
        assertCode(
                InspectionFixture.post(
                        inspector,
                        UUID.randomUUID().toString(),
                        fixture.body(
                                inspector,
                                1,
                                pharmacyOne,
                                r -> new InspectionRequests.Record(
                                        r.pharmacyId(),
                                        withFirst(
                                                r, new InspectionRequests.Answer("NO_SUCH_ITEM", CheckResult.OK, null)),
                                        r.findings(),
                                        r.disposition(),
                                        null,
                                        null,
                                        r.location(),
                                        List.of(),
                                        null))),
                400,
                "CHECKLIST_ITEM_UNKNOWN");
        assertCode(
                InspectionFixture.post(
                        inspector,
                        UUID.randomUUID().toString(),
                        fixture.body(inspector, 1, pharmacyOne, r -> InspectionFixture.rectify(r, null))),
                400,
                "RECTIFY_BY_INVALID");
        assertCode(
                InspectionFixture.post(
                        inspector,
                        UUID.randomUUID().toString(),
                        fixture.body(
                                inspector, 1, pharmacyOne, r -> InspectionFixture.rectify(r, today().minusDays(1)))),
                400,
                "RECTIFY_BY_INVALID");
        assertCode(
                InspectionFixture.post(
                        inspector,
                        UUID.randomUUID().toString(),
                        fixture.body(
                                inspector,
                                1,
                                pharmacyOne,
                                r -> new InspectionRequests.Record(
                                        r.pharmacyId(),
                                        r.checklist(),
                                        r.findings(),
                                        Disposition.CASE_OPENED,
                                        null,
                                        " ",
                                        r.location(),
                                        List.of(),
                                        null))),
                400,
                "CASE_NUMBER_REQUIRED");
        assertCode(
                InspectionFixture.post(
                        inspector,
                        UUID.randomUUID().toString(),
                        fixture.body(inspector, 1, new double[] {91, 114.3}, r -> r)),
                400,
                "LOCATION_OUT_OF_RANGE");
        assertCode(
                InspectionFixture.post(inspector, null, fixture.body(inspector, 1, pharmacyOne, r -> r)),
                400,
                "IDEMPOTENCY_KEY_REQUIRED");
        assertCode(
                InspectionFixture.post(
                        inspector, UUID.randomUUID().toString(), fixture.body(inspector, 2, pharmacyOne, r -> r)),
                404,
                "PHARMACY_NOT_FOUND");
        assertCode(
                InspectionFixture.post(
                        inspector, UUID.randomUUID().toString(), fixture.body(inspector, 999_999, pharmacyOne, r -> r)),
                404,
                "PHARMACY_NOT_FOUND");
        String othersPhoto = fixture.upload(otherDistrictsInspector);
        assertCode(
                InspectionFixture.post(
                        inspector,
                        UUID.randomUUID().toString(),
                        fixture.body(
                                inspector,
                                1,
                                pharmacyOne,
                                r -> new InspectionRequests.Record(
                                        r.pharmacyId(),
                                        r.checklist(),
                                        r.findings(),
                                        r.disposition(),
                                        null,
                                        null,
                                        r.location(),
                                        List.of(othersPhoto),
                                        null))),
                422,
                "EVIDENCE_PHOTO_INVALID");
        assertCode(
                InspectionFixture.post(
                        manager, UUID.randomUUID().toString(), fixture.body(inspector, 1, pharmacyOne, r -> r)),
                403,
                "FORBIDDEN");
        assertCode(
                InspectionFixture.uploadRequest("<html>not a photo</html>".getBytes(), "x.jpg")
                        .bearerAuth(inspector.accessToken()),
                415,
                "UPLOAD_NOT_AN_IMAGE");
        assertCode(
                HttpRequest.GET("/mp/v1/inspector/pharmacies?lat=30.5").bearerAuth(inspector.accessToken()),
                400,
                "QUERY_PARAMETER_INVALID");
        assertCode(
                HttpRequest.GET("/mp/v1/inspector/pharmacies?lat=99&lng=114").bearerAuth(inspector.accessToken()),
                400,
                "QUERY_PARAMETER_INVALID");
        assertCode(
                HttpRequest.GET("/mp/v1/inspector/pharmacies?lat=30.5&lng=114.3&radiusMeters=0")
                        .bearerAuth(inspector.accessToken()),
                400,
                "QUERY_PARAMETER_INVALID");
        assertCode(
                HttpRequest.GET("/mp/v1/inspector/pharmacies?cursor=nonsense").bearerAuth(inspector.accessToken()),
                400,
                "PAGE_CURSOR_INVALID");
        assertCode(
                HttpRequest.GET("/mp/v1/inspections?disposition=MAYBE").bearerAuth(inspector.accessToken()),
                400,
                "QUERY_PARAMETER_INVALID");
        assertCode(
                HttpRequest.GET("/mp/v1/inspections/999999999").bearerAuth(inspector.accessToken()),
                404,
                "INSPECTION_NOT_FOUND");
        assertCode(
                HttpRequest.GET("/mp/v1/inspections/photos/unknown").bearerAuth(inspector.accessToken()),
                404,
                "EVIDENCE_PHOTO_NOT_FOUND");
    }

    // ---------------------------------------------------------------- helpers

    private static List<InspectionRequests.Answer> withFirst(InspectionRequests.Record r, InspectionRequests.Answer a) {
        List<InspectionRequests.Answer> answers = new ArrayList<>(r.checklist());
        answers.set(0, a);
        return answers;
    }

    private void assertCode(MutableHttpRequest<?> request, int status, String code) {
        assertThat(mp.refused(request, status).code())
                .as("%s %s", request.getMethod(), request.getPath())
                .isEqualTo(code);
    }

    private Page<InspectorPharmacyRow> lookup(String query) {
        return mp.call(HttpRequest.GET("/mp/v1/inspector/pharmacies?" + query), inspector, PHARMACIES);
    }

    private static String q(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static List<Long> ids(Page<InspectorPharmacyRow> page) {
        return page.items().stream().map(InspectorPharmacyRow::id).toList();
    }

    private static List<Long> ids(List<Long> ids) {
        return ids;
    }

    private static LocalDate today() {
        return LocalDate.now(CHINA);
    }

    /** A pharmacy as the lifecycle creates it: inserted, then PharmacyChangedEvent in the transaction. */
    private long newPharmacy(String name, String district, double lat, double lng) throws Exception {
        long id;
        try (Connection c = devServices().openConnection();
                PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO pharmacy (license_number, credit_code, name, district_code, address, latitude,"
                                + " longitude) VALUES (?, '91420106MA4K000000', ?, ?, '测试地址', ?, ?)",
                        Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, "T" + UUID.randomUUID().toString().substring(0, 20));
            ps.setString(2, name);
            ps.setString(3, district);
            ps.setDouble(4, lat);
            ps.setDouble(5, lng);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        changed(id);
        return id;
    }

    private void changed(long pharmacyId) {
        transactions.executeWrite(status -> {
            pharmacyChanges.publishEvent(new PharmacyChangedEvent(pharmacyId));
            return null;
        });
    }

    private JsonNode weChatMessageTo(String openid, String link) {
        return weChatMessageTo(openid, null, link);
    }

    /** The subscribe message to the user whose inbox entry links to {@code link}; null until it is sent. */
    private JsonNode weChatMessageTo(String openid, String title, String link) {
        for (JsonNode m : devServices().weChat().subscribeMessagesTo(openid)) {
            if ((title == null
                            || m.path("data")
                                    .path("thing1")
                                    .path("value")
                                    .asText()
                                    .equals(title))
                    && inboxLinkOf(m).equals(link)) {
                return m;
            }
        }
        return null;
    }

    /** A message opens the inbox entry (?id=); the entry says what it links to. */
    private String inboxLinkOf(JsonNode message) {
        String page = message.path("page").asText();
        long entry = Long.parseLong(page.substring(page.indexOf("?id=") + 4));
        try (Connection c = devServices().openConnection();
                PreparedStatement ps = c.prepareStatement("SELECT link FROM notification_inbox WHERE id = ?")) {
            ps.setLong(1, entry);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getString(1) != null ? rs.getString(1) : "";
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
