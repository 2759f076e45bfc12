package com.cogov.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.cogov.api.account.AccountService;
import com.cogov.api.shared.Actor;
import com.cogov.api.shared.CogovException;
import com.cogov.contracts.account.AccountRequests;
import com.cogov.contracts.account.AccountView;
import com.cogov.contracts.account.IssuedCredential;
import com.cogov.contracts.account.Role;
import com.cogov.contracts.account.Tokens;
import com.cogov.contracts.error.ErrorCode;
import com.cogov.contracts.paging.Page;
import com.cogov.contracts.pharmacy.DistrictView;
import com.cogov.contracts.pharmacy.ManagerActivation;
import com.cogov.contracts.pharmacy.PharmacyChangeKind;
import com.cogov.contracts.pharmacy.PharmacyChangeView;
import com.cogov.contracts.pharmacy.PharmacyRequests;
import com.cogov.contracts.pharmacy.PharmacyStatus;
import com.cogov.contracts.pharmacy.PharmacyView;
import com.cogov.infra.dev.DemoData;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The pharmacy lifecycle on the portal (issue 17 §3), as the city's administrator and 武昌区's inspector use it: add,
 * find, edit, transfer, suspend and reopen, a manager's activation code; every change in the pharmacy's history and the
 * data centre's outbox.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PharmacyLifecycleTest implements PortalTest {

    @SuppressWarnings({"unchecked", "rawtypes"})
    static final Argument<Page<PharmacyView>> PHARMACIES = (Argument) Argument.of(Page.class, PharmacyView.class);

    static final String WUCHANG = "420106";
    static final String JIANGHAN = "420103";
    static final String HONGSHAN = "420111";

    private static final Random RANDOM = new Random();

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    AccountService accounts;

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

    /** A new pharmacy's request, its licence number and credit code unique to this run. */
    static PharmacyRequests.Create newPharmacy(String district, String name) {
        return new PharmacyRequests.Create(
                "鄂CB-T" + UUID.randomUUID().toString().substring(0, 8),
                DemoData.creditCode("91" + district, RANDOM),
                name,
                district,
                "武汉市测试路" + RANDOM.nextInt(500) + "号",
                new BigDecimal("30.546000"),
                new BigDecimal("114.316000"),
                "08:00-22:00",
                "027-88886666");
    }

    PharmacyView create(String token, PharmacyRequests.Create request) {
        return portal.call(HttpRequest.POST("/portal/v1/pharmacies", request), token, PharmacyView.class);
    }

    PharmacyView get(long id) {
        return portal.call(HttpRequest.GET("/portal/v1/pharmacies/" + id), admin, PharmacyView.class);
    }

    PharmacyView status(long id, PharmacyStatus status, String reason) {
        return portal.call(
                HttpRequest.POST(
                        "/portal/v1/pharmacies/" + id + "/status", new PharmacyRequests.StatusChange(status, reason)),
                admin,
                PharmacyView.class);
    }

    @Test
    void anAddedPharmacyIsFoundByNameItsInitialsAddressOrLicenceWithItsHistoryAndReachesTheOutbox()
            throws SQLException {
        PharmacyRequests.Create request = newPharmacy(WUCHANG, "楚康大药房（测试新增店）");
        PharmacyView created = create(admin, request);
        assertThat(created.id()).isPositive();
        assertThat(created.status()).isEqualTo(PharmacyStatus.ACTIVE);
        assertThat(created.districtName()).isEqualTo("武昌区");
        assertThat(created.version()).isEqualTo(1);

        // by name through the search piece (a substring, or the pinyin initials of 楚康大药房), by address or licence
        for (String q : List.of(
                "测试新增店", "ckdyf", request.address(), request.licenseNumber().substring(3))) {
            Page<PharmacyView> found =
                    portal.call(HttpRequest.GET("/portal/v1/pharmacies?q=" + encode(q)), admin, PHARMACIES);
            assertThat(found.items()).as(q).extracting(PharmacyView::id).contains(created.id());
        }
        PharmacyView read = get(created.id());
        assertThat(read.history()).hasSize(1);
        assertThat(read.history().get(0).kind()).isEqualTo(PharmacyChangeKind.CREATED);
        assertThat(outbox("pharmacy", created.id())).containsExactly("1:PHARMACY_CREATED");
    }

    @Test
    void aCreditCodeIsCheckedAndALicenceNumberIsUnique() {
        PharmacyRequests.Create good = newPharmacy(WUCHANG, "查验药房");
        String code = good.creditCode();
        char wrongCheck = code.charAt(17) == '0' ? '1' : '0';
        var badCode = portal.refused(
                HttpRequest.POST("/portal/v1/pharmacies", withCreditCode(good, code.substring(0, 17) + wrongCheck))
                        .bearerAuth(admin),
                400);
        assertThat(badCode.code()).isEqualTo("CREDIT_CODE_INVALID");
        assertThat(badCode.errors()).extracting("field").containsExactly("creditCode");

        // typed in lowercase from the licence: accepted, stored upper-case
        PharmacyView created = create(admin, withCreditCode(good, code.toLowerCase()));
        assertThat(created.creditCode()).isEqualTo(code);

        var taken = portal.refused(
                HttpRequest.POST("/portal/v1/pharmacies", newPharmacyWithLicence(good.licenseNumber()))
                        .bearerAuth(admin),
                409);
        assertThat(taken.code()).isEqualTo("LICENSE_NUMBER_TAKEN");
    }

    @Test
    void badInputIsA4xxWithAStableCodeNeverA500() {
        PharmacyRequests.Create good = newPharmacy(WUCHANG, "坏输入药房");
        var unknownDistrict = portal.refused(
                HttpRequest.POST("/portal/v1/pharmacies", inDistrict(good, "420199"))
                        .bearerAuth(admin),
                404);
        assertThat(unknownDistrict.code()).isEqualTo("DISTRICT_NOT_FOUND");
        Map<String, Object> offMap = new java.util.HashMap<>(Map.of(
                "licenseNumber", good.licenseNumber(),
                "creditCode", good.creditCode(),
                "name", good.name(),
                "districtCode", WUCHANG,
                "address", good.address(),
                "latitude", 95,
                "longitude", 114.3));
        var outOfRange =
                portal.refused(HttpRequest.POST("/portal/v1/pharmacies", offMap).bearerAuth(admin), 400);
        assertThat(outOfRange.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(outOfRange.errors())
                .extracting("field")
                .anyMatch(f -> f.toString().contains("latitude"));

        long id = create(admin, good).id();
        assertThat(portal.refused(
                                HttpRequest.POST(
                                                "/portal/v1/pharmacies/" + id + "/status",
                                                Map.of("status", "BANKRUPT", "reason", "x"))
                                        .bearerAuth(admin),
                                400)
                        .code())
                .isIn("MALFORMED_REQUEST", "VALIDATION_FAILED");
        assertThat(portal.refused(
                                HttpRequest.POST(
                                                "/portal/v1/pharmacies/" + id + "/transfer",
                                                new PharmacyRequests.Transfer(WUCHANG, "同区调动"))
                                        .bearerAuth(admin),
                                409)
                        .code())
                .isEqualTo("TRANSFER_SAME_DISTRICT");
        assertThat(portal.refused(
                                HttpRequest.PATCH("/portal/v1/pharmacies/" + id, Map.of("latitude", 30.5))
                                        .bearerAuth(admin),
                                400)
                        .errors())
                .extracting("field")
                .containsExactly("longitude");
        for (String query : List.of("status=BOGUS", "districtCode=42", "limit=0", "limit=abc", "cursor=%25%25")) {
            var refused = portal.refused(
                    HttpRequest.GET("/portal/v1/pharmacies?" + query).bearerAuth(admin), 400);
            assertThat(refused.code())
                    .as(query)
                    .isIn("QUERY_PARAMETER_INVALID", "PAGE_LIMIT_INVALID", "PAGE_CURSOR_INVALID");
        }
        assertThat(portal.refused(HttpRequest.GET("/portal/v1/pharmacies/abc").bearerAuth(admin), 400)
                        .code())
                .isEqualTo("MALFORMED_REQUEST");
        assertThat(portal.refused(
                                HttpRequest.GET("/portal/v1/pharmacies/999999999")
                                        .bearerAuth(admin),
                                404)
                        .code())
                .isEqualTo("PHARMACY_NOT_FOUND");
    }

    @Test
    void anEditKeepsTheOldValuesInTheHistoryAndAnEmptyEditMakesNoVersion() throws SQLException {
        PharmacyView created = create(admin, newPharmacy(WUCHANG, "搬家药房"));
        PharmacyView edited = portal.call(
                HttpRequest.PATCH(
                        "/portal/v1/pharmacies/" + created.id(),
                        Map.of("address", "武昌区新址路1号", "latitude", 30.55, "longitude", 114.32, "phone", "")),
                admin,
                PharmacyView.class);
        assertThat(edited.address()).isEqualTo("武昌区新址路1号");
        assertThat(edited.phone()).isNull();
        assertThat(edited.version()).isEqualTo(2);
        PharmacyChangeView change = get(created.id()).history().get(0);
        assertThat(change.kind()).isEqualTo(PharmacyChangeKind.EDITED);
        assertThat(change.changes())
                .extracting(PharmacyChangeView.FieldChange::field)
                .containsExactly("address", "latitude", "longitude", "phone");
        assertThat(change.changes().get(0).from()).isEqualTo(created.address());
        assertThat(change.changes().get(3).from()).isEqualTo("027-88886666");

        PharmacyView unchanged = portal.call(
                HttpRequest.PATCH(
                        "/portal/v1/pharmacies/" + created.id(), Map.of("latitude", 30.550000, "longitude", 114.32)),
                admin,
                PharmacyView.class);
        assertThat(unchanged.version()).isEqualTo(2);
        assertThat(outbox("pharmacy", created.id())).containsExactly("1:PHARMACY_CREATED", "2:PHARMACY_EDITED");
    }

    @Test
    void aDistrictInspectorWorksInTheirOwnDistrictOnly() {
        PharmacyView own = create(inspector, newPharmacy(WUCHANG, "辖区内新增药房"));
        assertThat(own.districtCode()).isEqualTo(WUCHANG);
        assertThat(portal.refused(
                                HttpRequest.POST("/portal/v1/pharmacies", newPharmacy(JIANGHAN, "辖区外药房"))
                                        .bearerAuth(inspector),
                                404)
                        .code())
                .isEqualTo("DISTRICT_NOT_FOUND");
        Page<PharmacyView> seen =
                portal.call(HttpRequest.GET("/portal/v1/pharmacies?limit=200"), inspector, PHARMACIES);
        assertThat(seen.items()).isNotEmpty().allMatch(p -> p.districtCode().equals(WUCHANG));
        portal.refused(
                HttpRequest.GET("/portal/v1/pharmacies?districtCode=" + JIANGHAN)
                        .bearerAuth(inspector),
                404);
        assertThat(portal.refused(
                                HttpRequest.POST(
                                                "/portal/v1/pharmacies/" + own.id() + "/transfer",
                                                new PharmacyRequests.Transfer(HONGSHAN, "越权调动"))
                                        .bearerAuth(inspector),
                                403)
                        .code())
                .isEqualTo("FORBIDDEN");
        portal.refused(HttpRequest.GET("/portal/v1/districts").bearerAuth(inspector), 403);
    }

    @Test
    void theListPagesByCursorNewestFirst() {
        String marker = "翻页药房" + UUID.randomUUID().toString().substring(0, 6);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(create(admin, newPharmacy(HONGSHAN, marker + i)).id());
        }
        List<Long> read = new ArrayList<>();
        String cursor = null;
        do {
            Page<PharmacyView> page = portal.call(
                    HttpRequest.GET("/portal/v1/pharmacies?limit=2&q=" + encode(marker)
                            + (cursor == null ? "" : "&cursor=" + cursor)),
                    admin,
                    PHARMACIES);
            page.items().forEach(p -> read.add(p.id()));
            cursor = page.nextCursor();
        } while (cursor != null);
        assertThat(read).containsExactly(ids.get(2), ids.get(1), ids.get(0));
    }

    @Test
    void aTransferMovesTheOpenAlertsAndStaffButNotWhatWasJudged() throws SQLException {
        PharmacyView pharmacy = create(admin, newPharmacy(WUCHANG, "调动药房"));
        long open = alert(pharmacy.id(), WUCHANG, "OPEN");
        long dismissed = alert(pharmacy.id(), WUCHANG, "DISMISSED");
        IssuedCredential clerk = portal.call(
                HttpRequest.POST(
                        "/portal/v1/accounts",
                        new AccountRequests.Create(Role.PHARMACY_CLERK, "调动店员", null, pharmacy.id(), null, null)),
                admin,
                IssuedCredential.class);

        PharmacyView moved = portal.call(
                HttpRequest.POST(
                        "/portal/v1/pharmacies/" + pharmacy.id() + "/transfer",
                        new PharmacyRequests.Transfer(HONGSHAN, "行政区划调整")),
                admin,
                PharmacyView.class);

        assertThat(moved.districtCode()).isEqualTo(HONGSHAN);
        assertThat(alertDistrict(open)).isEqualTo(HONGSHAN);
        assertThat(alertDistrict(dismissed)).isEqualTo(WUCHANG);
        assertThat(portal.call(
                                HttpRequest.GET(
                                        "/portal/v1/accounts/" + clerk.account().id()),
                                admin,
                                AccountView.class)
                        .districtCode())
                .isEqualTo(HONGSHAN);
        // 武昌区's inspector no longer finds it; the history says where it came from and why
        portal.refused(HttpRequest.GET("/portal/v1/pharmacies/" + pharmacy.id()).bearerAuth(inspector), 404);
        PharmacyChangeView change = get(pharmacy.id()).history().get(0);
        assertThat(change.kind()).isEqualTo(PharmacyChangeKind.TRANSFERRED);
        assertThat(change.reason()).isEqualTo("行政区划调整");
        assertThat(change.changes())
                .containsExactly(new PharmacyChangeView.FieldChange("districtCode", WUCHANG, HONGSHAN));
        assertThat(outbox("pharmacy", pharmacy.id())).containsExactly("1:PHARMACY_CREATED", "2:PHARMACY_TRANSFERRED");
    }

    @Test
    void suspendingEndsTheStaffsSessionsWithinASecondAndReopeningGivesBackOnlyWhatItTook() {
        PharmacyView pharmacy = create(inspector, newPharmacy(WUCHANG, "停业整顿药房"));
        ManagerActivation activation = portal.call(
                HttpRequest.POST("/portal/v1/pharmacies/" + pharmacy.id() + "/manager-activation", ""),
                inspector,
                ManagerActivation.class);
        assertThat(activation.activationCode()).hasSize(10);
        assertThat(activation.expiresAt()).isAfter(java.time.Instant.now());
        String openid = "manager-" + UUID.randomUUID();
        Tokens manager = bind(openid, activation.activationCode());
        assertThat(manager.profile().role()).isEqualTo(Role.PHARMACY_MANAGER);
        assertThat(manager.profile().pharmacyId()).isEqualTo(pharmacy.id());
        assertThat(me(manager)).isEqualTo(200);
        // a clerk the administrator disabled on their own, before the suspension
        IssuedCredential clerk = portal.call(
                HttpRequest.POST(
                        "/portal/v1/accounts",
                        new AccountRequests.Create(Role.PHARMACY_CLERK, "已停用店员", null, pharmacy.id(), null, null)),
                admin,
                IssuedCredential.class);
        portal.call(
                HttpRequest.POST(
                        "/portal/v1/accounts/" + clerk.account().id() + "/disable", new AccountRequests.Reason("离职")),
                admin,
                AccountView.class);

        PharmacyView suspended = portal.call(
                HttpRequest.POST(
                        "/portal/v1/pharmacies/" + pharmacy.id() + "/status",
                        new PharmacyRequests.StatusChange(PharmacyStatus.SUSPENDED, "停业整顿")),
                inspector,
                PharmacyView.class);
        assertThat(suspended.status()).isEqualTo(PharmacyStatus.SUSPENDED);
        await("the manager's token refused within the promised second")
                .atMost(Duration.ofSeconds(1))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> me(manager) == 401);
        assertThatThrownBy(() -> signIn(openid)) // what the manager's phone is told at its next sign-in
                .isInstanceOfSatisfying(CogovException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.ACCOUNT_DISABLED);
                    assertThat(e.getMessage()).contains("药店已暂停营业");
                });
        assertThat(portal.refused(
                                HttpRequest.POST("/portal/v1/pharmacies/" + pharmacy.id() + "/manager-activation", "")
                                        .bearerAuth(admin),
                                409)
                        .code())
                .isEqualTo("PHARMACY_SUSPENDED");

        status(pharmacy.id(), PharmacyStatus.ACTIVE, "整改完成");
        assertThat(me(signIn(openid))).isEqualTo(200);
        assertThat(portal.call(
                                HttpRequest.GET(
                                        "/portal/v1/accounts/" + clerk.account().id()),
                                admin,
                                AccountView.class)
                        .status())
                .as("disabled on their own: stays disabled")
                .isEqualTo(AccountView.Status.DISABLED);
        assertThat(get(pharmacy.id()).history())
                .extracting(PharmacyChangeView::kind)
                .containsExactly(
                        PharmacyChangeKind.STATUS_CHANGED,
                        PharmacyChangeKind.STATUS_CHANGED,
                        PharmacyChangeKind.CREATED);
    }

    @Test
    void aClosedPharmacyIsFinal() {
        PharmacyView pharmacy = create(admin, newPharmacy(JIANGHAN, "注销药房"));
        assertThat(status(pharmacy.id(), PharmacyStatus.CLOSED, "许可证注销").status())
                .isEqualTo(PharmacyStatus.CLOSED);
        assertThat(portal.refused(
                                HttpRequest.POST(
                                                "/portal/v1/pharmacies/" + pharmacy.id() + "/status",
                                                new PharmacyRequests.StatusChange(PharmacyStatus.ACTIVE, "想重开"))
                                        .bearerAuth(admin),
                                409)
                        .code())
                .isEqualTo("PHARMACY_STATUS_TRANSITION_INVALID");
        assertThat(portal.refused(
                                HttpRequest.PATCH("/portal/v1/pharmacies/" + pharmacy.id(), Map.of("name", "新名"))
                                        .bearerAuth(admin),
                                409)
                        .code())
                .isEqualTo("PHARMACY_CLOSED");
        assertThat(portal.refused(
                                HttpRequest.POST(
                                                "/portal/v1/accounts",
                                                new AccountRequests.Create(
                                                        Role.PHARMACY_CLERK, "新店员", null, pharmacy.id(), null, null))
                                        .bearerAuth(admin),
                                409)
                        .code())
                .isEqualTo("PHARMACY_CLOSED");
        Page<PharmacyView> closed = portal.call(
                HttpRequest.GET("/portal/v1/pharmacies?status=CLOSED&districtCode=" + JIANGHAN), admin, PHARMACIES);
        assertThat(closed.items()).extracting(PharmacyView::id).contains(pharmacy.id());
    }

    @Test
    void aNewManagerCodeForALostPhoneEndsTheOldBinding() {
        PharmacyView pharmacy = create(admin, newPharmacy(WUCHANG, "换手机药房"));
        String first = "lost-phone-" + UUID.randomUUID();
        Tokens old = bind(first, activation(pharmacy.id()).activationCode());
        ManagerActivation again = activation(pharmacy.id());
        Tokens renewed = bind("new-phone-" + UUID.randomUUID(), again.activationCode());
        assertThat(renewed.profile().accountId()).isEqualTo(old.profile().accountId());
        assertThat(me(old)).isEqualTo(401);
        assertThat(me(renewed)).isEqualTo(200);
        // the lost phone signs in as nobody's manager now
        assertThat(signIn(first).profile().role()).isEqualTo(Role.PUBLIC);
        // single use
        assertThatThrownBy(() -> bind("third-" + UUID.randomUUID(), again.activationCode()))
                .isInstanceOfSatisfying(
                        CogovException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ACTIVATION_CODE_INVALID));
    }

    @Test
    void theDistrictsAreATreeThatTheCityMaintainsWithoutDeleting() throws SQLException {
        String code = "4201" + (50 + RANDOM.nextInt(49));
        var tree = portal.call(
                HttpRequest.GET("/portal/v1/districts"), admin, com.cogov.contracts.pharmacy.DistrictNode.class);
        assertThat(tree.code()).isEqualTo("420100");
        assertThat(tree.children()).extracting("code").contains(WUCHANG, JIANGHAN);

        var added = portal.call(
                HttpRequest.POST("/portal/v1/districts", Map.of("code", code, "name", "长江新区")),
                admin,
                com.cogov.contracts.pharmacy.DistrictNode.class);
        assertThat(added.retired()).isFalse();
        assertThat(portal.refused(
                                HttpRequest.POST("/portal/v1/districts", Map.of("code", code, "name", "重复"))
                                        .bearerAuth(admin),
                                409)
                        .code())
                .isEqualTo("DISTRICT_CODE_TAKEN");
        assertThat(portal.refused(
                                HttpRequest.POST("/portal/v1/districts", Map.of("code", "430102", "name", "外市"))
                                        .bearerAuth(admin),
                                400)
                        .code())
                .isEqualTo("VALIDATION_FAILED");
        portal.call(
                HttpRequest.PATCH("/portal/v1/districts/" + code, Map.of("name", "长江新区（试）")),
                admin,
                com.cogov.contracts.pharmacy.DistrictNode.class);

        PharmacyView shop = create(admin, newPharmacy(code, "新区药房"));
        assertThat(portal.refused(
                                HttpRequest.PATCH("/portal/v1/districts/" + code, Map.of("retired", true))
                                        .bearerAuth(admin),
                                409)
                        .code())
                .isEqualTo("DISTRICT_HAS_PHARMACIES");
        portal.call(
                HttpRequest.POST(
                        "/portal/v1/pharmacies/" + shop.id() + "/transfer",
                        new PharmacyRequests.Transfer(HONGSHAN, "撤区并入洪山区")),
                admin,
                PharmacyView.class);
        var retired = portal.call(
                HttpRequest.PATCH("/portal/v1/districts/" + code, Map.of("retired", true)),
                admin,
                com.cogov.contracts.pharmacy.DistrictNode.class);
        assertThat(retired.retired()).isTrue();
        assertThat(retired.name()).isEqualTo("长江新区（试）");

        // gone from the public pickers, kept in the tree, refused for new pharmacies
        List<DistrictView> pickers = client.toBlocking()
                .retrieve(HttpRequest.GET("/portal/v1/public/districts"), Argument.listOf(DistrictView.class));
        assertThat(pickers).extracting(DistrictView::code).doesNotContain(code).contains(WUCHANG);
        assertThat(portal.call(
                                HttpRequest.GET("/portal/v1/districts"),
                                admin,
                                com.cogov.contracts.pharmacy.DistrictNode.class)
                        .children())
                .anyMatch(d -> d.code().equals(code) && d.retired());
        assertThat(portal.refused(
                                HttpRequest.POST("/portal/v1/pharmacies", newPharmacy(code, "撤区后药房"))
                                        .bearerAuth(admin),
                                409)
                        .code())
                .isEqualTo("DISTRICT_RETIRED");
        assertThat(outbox("district", Long.parseLong(code)))
                .containsExactly("1:DISTRICT_ADDED", "2:DISTRICT_RENAMED", "3:DISTRICT_RETIRED");
    }

    @Test
    void theDemoGivesTheInspectorASuspendedPharmacyAndAMovedOneWithTheirHistory() {
        PharmacyView suspended =
                portal.call(HttpRequest.GET("/portal/v1/pharmacies/57"), inspector, PharmacyView.class);
        assertThat(suspended.status()).isEqualTo(PharmacyStatus.SUSPENDED);
        assertThat(suspended.statusReason()).contains("停业整顿");
        assertThat(suspended.history())
                .extracting(PharmacyChangeView::kind)
                .containsExactly(PharmacyChangeKind.STATUS_CHANGED);
        PharmacyView moved = portal.call(HttpRequest.GET("/portal/v1/pharmacies/44"), inspector, PharmacyView.class);
        assertThat(moved.history().get(0).changes().get(0).to()).isEqualTo(moved.address());
        assertThat(get(59).status()).isEqualTo(PharmacyStatus.CLOSED);
    }

    // ---------------------------------------------------------------- helpers

    private Tokens signIn(String openid) {
        return accounts.signInWithWeChat("demo:" + openid, portal.caller());
    }

    /** What the manager's phone does: sign in through WeChat, then bind the code (as POST /mp/v1/auth/bind). */
    private Tokens bind(String openid, String code) {
        Tokens citizen = signIn(openid);
        Actor caller = new Actor(citizen.profile().accountId(), Role.PUBLIC, null, null, null, "10.9.9.9", null);
        return accounts.bind(caller, code, null);
    }

    private ManagerActivation activation(long pharmacyId) {
        return portal.call(
                HttpRequest.POST("/portal/v1/pharmacies/" + pharmacyId + "/manager-activation", ""),
                admin,
                ManagerActivation.class);
    }

    /** The status a token gets at GET /portal/v1/me. */
    private int me(Tokens tokens) {
        try {
            client.toBlocking().exchange(HttpRequest.GET("/portal/v1/me").bearerAuth(tokens.accessToken()));
            return 200;
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }

    private static PharmacyRequests.Create withCreditCode(PharmacyRequests.Create r, String creditCode) {
        return new PharmacyRequests.Create(
                r.licenseNumber(),
                creditCode,
                r.name(),
                r.districtCode(),
                r.address(),
                r.latitude(),
                r.longitude(),
                r.openingHours(),
                r.phone());
    }

    private static PharmacyRequests.Create inDistrict(PharmacyRequests.Create r, String district) {
        return new PharmacyRequests.Create(
                r.licenseNumber(),
                r.creditCode(),
                r.name(),
                district,
                r.address(),
                r.latitude(),
                r.longitude(),
                r.openingHours(),
                r.phone());
    }

    private static PharmacyRequests.Create newPharmacyWithLicence(String licence) {
        PharmacyRequests.Create r = newPharmacy(WUCHANG, "同证药房");
        return new PharmacyRequests.Create(
                licence,
                r.creditCode(),
                r.name(),
                r.districtCode(),
                r.address(),
                r.latitude(),
                r.longitude(),
                r.openingHours(),
                r.phone());
    }

    private static String encode(String q) {
        return java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The data centre's outbox rows of the object, as version:event in order. */
    private List<String> outbox(String type, long id) throws SQLException {
        try (Connection c = devServices().openConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT version, event_type FROM outbox WHERE aggregate_type = ? AND aggregate_id = ? ORDER BY version")) {
            ps.setString(1, type);
            ps.setLong(2, id);
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getInt(1) + ":" + rs.getString(2));
                }
            }
            return rows;
        }
    }

    private long alert(long pharmacyId, String district, String status) throws SQLException {
        try (Connection c = devServices().openConnection();
                PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO rule_alert (district_code, pharmacy_id, rule_code, severity, detail, status)"
                                + " VALUES (?,?,'PER_SALE_LIMIT','BLOCK','调动测试',?)",
                        Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, district);
            ps.setLong(2, pharmacyId);
            ps.setString(3, status);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private String alertDistrict(long alertId) throws SQLException {
        try (Connection c = devServices().openConnection();
                ResultSet rs = c.createStatement()
                        .executeQuery("SELECT district_code FROM rule_alert WHERE id = " + alertId)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
