package com.cogov.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.cogov.api.buyer.TestPersonalData;
import com.cogov.api.catalog.CatalogService;
import com.cogov.api.notify.NotificationService;
import com.cogov.api.paging.PageRequest;
import com.cogov.api.registration.RegistrationService;
import com.cogov.api.shared.Actor;
import com.cogov.api.shared.CogovException;
import com.cogov.contracts.account.Role;
import com.cogov.contracts.buyer.DocumentType;
import com.cogov.contracts.catalog.DrugRequests;
import com.cogov.contracts.catalog.DrugStatus;
import com.cogov.contracts.catalog.DrugView;
import com.cogov.contracts.catalog.UnknownBarcodeReportView;
import com.cogov.contracts.catalog.UnknownBarcodeView;
import com.cogov.contracts.error.ErrorCode;
import com.cogov.contracts.error.Problem;
import com.cogov.contracts.notify.InboxEntryView;
import com.cogov.contracts.paging.Page;
import com.cogov.contracts.registration.RegistrationDetail;
import com.cogov.contracts.registration.RegistrationRequest;
import com.cogov.contracts.registration.RegistrationView;
import com.cogov.infra.dev.DemoData;
import io.micronaut.core.type.Argument;
import io.micronaut.core.type.GenericArgument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Drug maintenance and the unknown-barcode queue through the portal (issue 18 §2 and §3), on the real database and
 * Redis: what the city administrator sees and changes, and what a clerk's scan then finds.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DrugMaintenanceTest implements PortalTest {

    static final Argument<Page<DrugView>> DRUGS = new GenericArgument<>() {};
    static final Argument<Page<UnknownBarcodeView>> QUEUE = new GenericArgument<>() {};
    /** Distinguishes this run's drugs from an earlier run's in the same database. */
    static final String RUN = String.valueOf(ThreadLocalRandom.current().nextInt(100_000, 999_999));

    private static final AtomicInteger NEXT =
            new AtomicInteger(ThreadLocalRandom.current().nextInt(1_000_000));

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    CatalogService catalog;

    @Inject
    RegistrationService registrations;

    @Inject
    NotificationService notifications;

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
    void theListFindsNamesByPinyinInitialsApprovalNumbersAndBarcodesNewestFirst() {
        DrugView tablets = create(drug("T" + RUN + "晴川咳停片", "右美沙芬片", barcode()));
        DrugView capsules = create(drug("T" + RUN + "晴川咳停胶囊", "右美沙芬胶囊", barcode()));

        // t<run>qckt: the initials of both names' beginning
        List<DrugView> byInitials = list("q=t" + RUN + "qckt").items();
        assertThat(byInitials).extracting(DrugView::id).containsExactly(capsules.id(), tablets.id());
        assertThat(byInitials.get(0).name()).isEqualTo("T" + RUN + "晴川咳停胶囊");
        assertThat(byInitials.get(0).barcodes()).isEqualTo(capsules.barcodes());
        assertThat(byInitials.get(0).specialCategory().code()).isEqualTo("DEXTROMETHORPHAN");
        assertThat(byInitials.get(0).status()).isEqualTo(DrugStatus.ACTIVE);

        assertThat(list("q=" + tablets.approvalNumber().substring(5)).items())
                .extracting(DrugView::id)
                .containsExactly(tablets.id());
        assertThat(list("q=" + capsules.barcodes().get(0).substring(0, 12)).items())
                .extracting(DrugView::id)
                .contains(capsules.id())
                .doesNotContain(tablets.id());
        // one page at a time, without repeats
        Page<DrugView> first = list("q=t" + RUN + "qckt&limit=1");
        assertThat(first.items()).extracting(DrugView::id).containsExactly(capsules.id());
        assertThat(list("q=t" + RUN + "qckt&limit=1&cursor=" + first.nextCursor())
                        .items())
                .extracting(DrugView::id)
                .containsExactly(tablets.id());
        assertThat(list("q=t" + RUN + "qckt&category=EPHEDRINE_COMPOUND").items())
                .isEmpty();
    }

    @Test
    void theDemoCatalogIsFoundByTheInitialsOfItsGenericNames() {
        // the demo drugs are indexed in the background at start: poll with a deadline
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(list("q=ffyswmhjhsjn&limit=200").items())
                        .extracting(DrugView::genericName)
                        .contains("复方盐酸伪麻黄碱缓释胶囊"));
        assertThat(list("q=xktk&category=EPHEDRINE_COMPOUND").items())
                .extracting(DrugView::name)
                .contains("新康泰克");
    }

    @Test
    void aBarcodeBelongsToOneDrugAndANaturalKeyToOne() {
        DrugView drug = create(drug("T" + RUN + "条码测试片", "右美沙芬片", barcode()));
        Problem taken = portal.refused(
                HttpRequest.POST(
                                "/portal/v1/drugs/" + drug.id() + "/barcodes",
                                new DrugRequests.AddBarcode(DemoData.EXAMPLE_BARCODE))
                        .bearerAuth(admin),
                409);
        assertThat(taken.code()).isEqualTo(ErrorCode.BARCODE_TAKEN.name());
        assertThat(taken.detail()).contains(DemoData.EXAMPLE_BARCODE);

        DrugRequests.Create again = new DrugRequests.Create(
                "另一个名字",
                "右美沙芬片",
                "江城制药有限公司",
                drug.strength(),
                "片剂",
                drug.packageUnit(),
                drug.approvalNumber(),
                "DEXTROMETHORPHAN",
                true,
                null,
                List.of());
        assertThat(portal.refused(HttpRequest.POST("/portal/v1/drugs", again).bearerAuth(admin), 409)
                        .code())
                .isEqualTo(ErrorCode.DRUG_ALREADY_EXISTS.name());

        String second = barcode();
        DrugView withTwo = portal.call(
                HttpRequest.POST("/portal/v1/drugs/" + drug.id() + "/barcodes", new DrugRequests.AddBarcode(second)),
                admin,
                DrugView.class);
        assertThat(withTwo.barcodes()).contains(second, drug.barcodes().get(0));
        assertThat(publicLookup(second).id()).isEqualTo(drug.id());
        DrugView withOne = portal.call(
                HttpRequest.DELETE("/portal/v1/drugs/" + drug.id() + "/barcodes/" + second), admin, DrugView.class);
        assertThat(withOne.barcodes()).containsExactlyElementsOf(drug.barcodes());
        portal.refused(HttpRequest.GET("/portal/v1/public/drugs/barcode/" + second), 404);
        assertThat(portal.refused(
                                HttpRequest.DELETE("/portal/v1/drugs/" + drug.id() + "/barcodes/" + second)
                                        .bearerAuth(admin),
                                404)
                        .code())
                .isEqualTo(ErrorCode.BARCODE_NOT_ON_DRUG.name());
    }

    @Test
    void aBadDrugIsRefusedNamingEachField() {
        DrugRequests.Create bad = new DrugRequests.Create(
                "坏数据", "坏数据", "厂家", "1g", "片剂", "盒", "国药准字X1234", "NO_SUCH", false, 0, List.of("6901234567890"));
        Problem problem =
                portal.refused(HttpRequest.POST("/portal/v1/drugs", bad).bearerAuth(admin), 400);
        assertThat(problem.code()).isEqualTo(ErrorCode.VALIDATION_FAILED.name());
        assertThat(problem.errors())
                .extracting(Problem.FieldError::field)
                .contains("approvalNumber", "perSaleLimit", "barcodes[0]");
        assertThat(portal.refused(
                                HttpRequest.GET("/portal/v1/drugs?category=NOPE")
                                        .bearerAuth(admin),
                                400)
                        .code())
                .isEqualTo(ErrorCode.QUERY_PARAMETER_INVALID.name());
        assertThat(portal.refused(HttpRequest.GET("/portal/v1/drugs?limit=500").bearerAuth(admin), 400)
                        .code())
                .isEqualTo(ErrorCode.PAGE_LIMIT_INVALID.name());
        assertThat(portal.refused(HttpRequest.GET("/portal/v1/drugs/999999999").bearerAuth(admin), 404)
                        .code())
                .isEqualTo(ErrorCode.DRUG_NOT_FOUND.name());
        assertThat(portal.refused(
                                HttpRequest.PATCH("/portal/v1/drugs/1", Map.of("approvalNumber", "123"))
                                        .bearerAuth(admin),
                                400)
                        .errors())
                .extracting(Problem.FieldError::field)
                .containsExactly("approvalNumber");
    }

    @Test
    void anEditReachesTheCounterAtOnce() {
        DrugView drug = create(drug("T" + RUN + "改名前", "右美沙芬片", barcode()));
        assertThat(publicLookup(drug.barcodes().get(0)).name()).isEqualTo("T" + RUN + "改名前");
        DrugView edited = portal.call(
                HttpRequest.PATCH(
                        "/portal/v1/drugs/" + drug.id(), Map.of("name", "T" + RUN + "改名后", "perSaleLimit", 1)),
                admin,
                DrugView.class);
        assertThat(edited.name()).isEqualTo("T" + RUN + "改名后");
        assertThat(publicLookup(drug.barcodes().get(0)).name()).isEqualTo("T" + RUN + "改名后");
        assertThat(publicLookup(drug.barcodes().get(0)).perSaleLimit()).isEqualTo(1);
    }

    @Test
    void aRetiredDrugNoLongerResolvesForNewSalesButStillShowsInOldOnes() throws Exception {
        DrugView drug = create(new DrugRequests.Create(
                "T" + RUN + "停用测试片",
                "氨酚伪麻片",
                "江城制药有限公司",
                "每片含盐酸伪麻黄碱30mg",
                "片剂",
                "盒",
                approvalNumber(),
                "EPHEDRINE_COMPOUND",
                false,
                null,
                List.of(barcode())));
        Actor clerk = clerk();
        String sold = sell(clerk, drug.id());

        DrugView retired = portal.call(
                HttpRequest.POST(
                        "/portal/v1/drugs/" + drug.id() + "/status",
                        new DrugRequests.StatusChange(DrugStatus.RETIRED, "厂家停产")),
                admin,
                DrugView.class);
        assertThat(retired.status()).isEqualTo(DrugStatus.RETIRED);

        portal.refused(
                HttpRequest.GET(
                        "/portal/v1/public/drugs/barcode/" + drug.barcodes().get(0)),
                404);
        assertThatThrownBy(() -> catalog.findByCode(drug.barcodes().get(0)))
                .isInstanceOfSatisfying(
                        CogovException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.DRUG_NOT_FOUND));
        assertThatThrownBy(() -> sell(clerk, drug.id()))
                .isInstanceOfSatisfying(
                        CogovException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.DRUG_NOT_FOUND));

        RegistrationDetail old =
                portal.call(HttpRequest.GET("/portal/v1/registrations/" + sold), admin, RegistrationDetail.class);
        assertThat(old.items()).extracting(RegistrationView.Item::drugName).containsExactly("T" + RUN + "停用测试片");

        assertThat(portal.refused(
                                HttpRequest.POST(
                                                "/portal/v1/drugs/" + drug.id() + "/status",
                                                new DrugRequests.StatusChange(DrugStatus.RETIRED, null))
                                        .bearerAuth(admin),
                                409)
                        .code())
                .isEqualTo(ErrorCode.DRUG_STATUS_TRANSITION_INVALID.name());
        assertThat(list("q=" + drug.approvalNumber().substring(5) + "&status=RETIRED")
                        .items())
                .extracting(DrugView::id)
                .containsExactly(drug.id());
        portal.call(
                HttpRequest.POST(
                        "/portal/v1/drugs/" + drug.id() + "/status",
                        new DrugRequests.StatusChange(DrugStatus.ACTIVE, "恢复生产")),
                admin,
                DrugView.class);
        assertThat(publicLookup(drug.barcodes().get(0)).id()).isEqualTo(drug.id());
    }

    @Test
    void aReportedCodeResolvesForEveryClerkAndTheReportingPharmaciesAreTold() throws Exception {
        String code = barcode();
        catalog.reportUnknownBarcode(clerk(), code, "白色盒子");
        catalog.reportUnknownBarcode(clerkOfPharmacyTwo(), code, "江城制药的止咳片");

        UnknownBarcodeView queued = queueRow(code, "NEW");
        assertThat(queued.pharmacies()).isEqualTo(2);
        assertThat(queued.notes()).containsExactly("白色盒子", "江城制药的止咳片");
        assertThat(queued.lastReportedAt()).isAfterOrEqualTo(queued.firstReportedAt());
        portal.refused(HttpRequest.GET("/portal/v1/public/drugs/barcode/" + code), 404);

        DrugView drug = create(drug("T" + RUN + "补录片", "右美沙芬片", barcode()));
        UnknownBarcodeView resolved = portal.call(
                HttpRequest.POST(
                        "/portal/v1/catalog/unknown-barcodes/" + code + "/resolve",
                        new DrugRequests.Resolve(drug.id(), null, null)),
                admin,
                UnknownBarcodeView.class);
        assertThat(resolved.status()).isEqualTo(UnknownBarcodeReportView.Status.RESOLVED);
        assertThat(resolved.drugId()).isEqualTo(drug.id());
        assertThat(publicLookup(code).id()).isEqualTo(drug.id());
        assertThat(queue("NEW")).extracting(UnknownBarcodeView::barcode).doesNotContain(code);
        assertThat(queueRow(code, "RESOLVED").pharmacies()).isEqualTo(2);

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(managersInbox()).anySatisfy(entry -> {
                    assertThat(entry.title()).isEqualTo("上报的条码已补录");
                    assertThat(entry.body()).contains(code, "T" + RUN + "补录片");
                }));

        assertThat(portal.refused(
                                HttpRequest.POST(
                                                "/portal/v1/catalog/unknown-barcodes/" + code + "/resolve",
                                                new DrugRequests.Resolve(null, null, "重复处理"))
                                        .bearerAuth(admin),
                                409)
                        .code())
                .isEqualTo(ErrorCode.UNKNOWN_BARCODE_ALREADY_HANDLED.name());
    }

    @Test
    void aReportedCodeIsResolvedByANewDrugOrRejectedWithAReason() throws Exception {
        String created = barcode();
        String rejected = barcode();
        catalog.reportUnknownBarcode(clerk(), created, null);
        catalog.reportUnknownBarcode(clerk(), rejected, "看不清");

        UnknownBarcodeView byNewDrug = portal.call(
                HttpRequest.POST(
                        "/portal/v1/catalog/unknown-barcodes/" + created + "/resolve",
                        new DrugRequests.Resolve(null, drug("T" + RUN + "新建补录片", "右美沙芬片"), null)),
                admin,
                UnknownBarcodeView.class);
        assertThat(publicLookup(created).id()).isEqualTo(byNewDrug.drugId());
        assertThat(publicLookup(created).name()).isEqualTo("T" + RUN + "新建补录片");

        UnknownBarcodeView no = portal.call(
                HttpRequest.POST(
                        "/portal/v1/catalog/unknown-barcodes/" + rejected + "/resolve",
                        new DrugRequests.Resolve(null, null, "非药品条码（保健食品）")),
                admin,
                UnknownBarcodeView.class);
        assertThat(no.status()).isEqualTo(UnknownBarcodeReportView.Status.REJECTED);
        assertThat(no.rejectReason()).isEqualTo("非药品条码（保健食品）");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(managersInbox())
                        .anySatisfy(entry -> assertThat(entry.body()).contains(rejected, "非药品条码（保健食品）")));
        // the pharmacy's report now says so
        assertThat(catalog.reportUnknownBarcode(clerk(), rejected, null)
                        .report()
                        .status())
                .isEqualTo(UnknownBarcodeReportView.Status.REJECTED);
    }

    @Test
    void badResolutionsAreRefusedWithAStableCode() throws Exception {
        String code = barcode();
        String path = "/portal/v1/catalog/unknown-barcodes/" + code + "/resolve";
        assertThat(portal.refused(
                                HttpRequest.POST(path, new DrugRequests.Resolve(1L, null, null))
                                        .bearerAuth(admin),
                                404)
                        .code())
                .isEqualTo(ErrorCode.UNKNOWN_BARCODE_NOT_FOUND.name());
        catalog.reportUnknownBarcode(clerk(), code, null);
        assertThat(portal.refused(
                                HttpRequest.POST(path, new DrugRequests.Resolve(1L, null, "两个都给"))
                                        .bearerAuth(admin),
                                400)
                        .code())
                .isEqualTo(ErrorCode.VALIDATION_FAILED.name());
        assertThat(portal.refused(
                                HttpRequest.POST(path, new DrugRequests.Resolve(null, null, " "))
                                        .bearerAuth(admin),
                                400)
                        .code())
                .isEqualTo(ErrorCode.VALIDATION_FAILED.name());
        assertThat(portal.refused(
                                HttpRequest.POST(path, new DrugRequests.Resolve(999_999_999L, null, null))
                                        .bearerAuth(admin),
                                404)
                        .code())
                .isEqualTo(ErrorCode.DRUG_NOT_FOUND.name());
        assertThat(portal.refused(
                                HttpRequest.POST(
                                                "/portal/v1/catalog/unknown-barcodes/12345/resolve",
                                                new DrugRequests.Resolve(1L, null, null))
                                        .bearerAuth(admin),
                                400)
                        .code())
                .isEqualTo(ErrorCode.BARCODE_INVALID.name());
        assertThat(portal.refused(
                                HttpRequest.GET("/portal/v1/catalog/unknown-barcodes?status=OPEN")
                                        .bearerAuth(admin),
                                400)
                        .code())
                .isEqualTo(ErrorCode.QUERY_PARAMETER_INVALID.name());
        // still open: nothing was half-done
        assertThat(queueRow(code, "NEW").pharmacies()).isEqualTo(1);
    }

    @Test
    void onlyTheCityAdministratorMaintainsTheCatalog() {
        assertThat(portal.refused(HttpRequest.GET("/portal/v1/drugs").bearerAuth(inspector), 403)
                        .code())
                .isEqualTo(ErrorCode.FORBIDDEN.name());
        assertThat(portal.refused(
                                HttpRequest.GET("/portal/v1/catalog/unknown-barcodes")
                                        .bearerAuth(inspector),
                                403)
                        .code())
                .isEqualTo(ErrorCode.FORBIDDEN.name());
        assertThat(portal.refused(
                                HttpRequest.POST("/portal/v1/drugs", drug("越权", "越权", barcode()))
                                        .bearerAuth(inspector),
                                403)
                        .code())
                .isEqualTo(ErrorCode.FORBIDDEN.name());
    }

    // ---------------------------------------------------------------- helpers

    private DrugView create(DrugRequests.Create request) {
        return portal.call(HttpRequest.POST("/portal/v1/drugs", request), admin, DrugView.class);
    }

    private Page<DrugView> list(String query) {
        return portal.call(HttpRequest.GET("/portal/v1/drugs?" + query), admin, DRUGS);
    }

    private List<UnknownBarcodeView> queue(String status) {
        return portal.call(
                        HttpRequest.GET("/portal/v1/catalog/unknown-barcodes?limit=200&status=" + status), admin, QUEUE)
                .items();
    }

    private UnknownBarcodeView queueRow(String code, String status) {
        return queue(status).stream()
                .filter(r -> r.barcode().equals(code))
                .findFirst()
                .orElseThrow(() -> new AssertionError(code + " not in the " + status + " queue"));
    }

    private DrugView publicLookup(String code) {
        return client.toBlocking()
                .retrieve(
                        HttpRequest.GET(
                                "/portal/v1/public/drugs/barcode/" + URLEncoder.encode(code, StandardCharsets.UTF_8)),
                        DrugView.class);
    }

    private List<InboxEntryView> managersInbox() throws Exception {
        Actor manager = new Actor(accountId("demo-manager"), Role.PHARMACY_MANAGER, 1L, "420106", null, null, null);
        return notifications.inbox(manager, null, PageRequest.of(200, null)).items();
    }

    static DrugRequests.Create drug(String name, String genericName, String... barcodes) {
        return new DrugRequests.Create(
                name,
                genericName,
                "江城制药有限公司",
                "15mg",
                "片剂",
                "盒",
                approvalNumber(),
                "DEXTROMETHORPHAN",
                true,
                null,
                List.of(barcodes));
    }

    static String approvalNumber() {
        return "国药准字H" + String.format("%08d", 80_000_000 + NEXT.incrementAndGet() % 10_000_000);
    }

    /** A checksum-valid EAN-13 that no demo drug has (theirs start 6971). */
    static String barcode() {
        return DemoData.ean13("693" + String.format("%09d", NEXT.incrementAndGet()));
    }

    private String sell(Actor clerk, long drugId) {
        LocalDate birth =
                LocalDate.of(1960, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(10_000));
        return registrations
                .register(
                        clerk,
                        UUID.randomUUID().toString(),
                        new RegistrationRequest(
                                new RegistrationRequest.Buyer(
                                        null,
                                        DocumentType.RESIDENT_ID,
                                        TestPersonalData.residentId(birth),
                                        TestPersonalData.COUNTER_BUYER_NAME),
                                List.of(new RegistrationRequest.Item(null, drugId, 1, "B20261", null, null)),
                                null,
                                OffsetDateTime.now(ZoneOffset.ofHours(8))))
                .number();
    }

    private Actor clerk() throws Exception {
        return new Actor(accountId("demo-clerk"), Role.PHARMACY_CLERK, 1L, "420106", null, "127.0.0.1", null);
    }

    private Actor clerkOfPharmacyTwo() throws Exception {
        return new Actor(accountId("demo-clerk-2"), Role.PHARMACY_CLERK, 2L, "420103", null, "127.0.0.1", null);
    }

    private long accountId(String openid) throws Exception {
        try (Connection c = devServices().openConnection();
                PreparedStatement ps = c.prepareStatement("SELECT id FROM account WHERE wechat_openid = ?")) {
            ps.setString(1, openid);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getLong(1);
            }
        }
    }
}
