package com.cogov.bff;

import static org.assertj.core.api.Assertions.assertThat;

import com.cogov.contracts.account.AccountRequests;
import com.cogov.contracts.account.Tokens;
import com.cogov.contracts.inspection.InspectionRequests;
import com.cogov.infra.dev.DevServicesTest;
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
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Object-level authorisation (OWASP IDOR): for every route that takes an id, a caller from another pharmacy gets
 * 403 or 404. The routes are read from the running app, so a new route with an id and no case here fails the build.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ObjectScopeMatrixTest implements DevServicesTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Router router;

    MiniProgramSessions mp;
    Tokens otherPharmacysManager;
    long clerkOfPharmacyOne;
    String registrationOfPharmacyOne;
    long inboxEntryOfPharmacyOnesClerk;
    Tokens otherDistrictsInspector;
    Tokens inspectorOfDistrictOne;
    long inspectionOfPharmacyOne;
    String photoOfPharmacyOnesInspection;
    long pharmacistOfPharmacyOne;
    long noticeToPharmacyOnesDistrict;

    @Inject
    com.cogov.api.notice.NoticeService notices;

    /** route -> the request another pharmacy's manager makes against pharmacy 1's object, or null if not scoped. */
    Map<String, LongFunction<MutableHttpRequest<?>>> matrix() {
        Map<String, LongFunction<MutableHttpRequest<?>>> m = new TreeMap<>();
        m.put("GET /mp/v1/drugs/barcode/{code}", null); // the catalog is public: no owner
        // the public search: trading pharmacies and the catalog are everyone's to read (PublicSearchTest)
        m.put("GET /mp/v1/public/pharmacies/{id}", null);
        m.put("GET /mp/v1/public/drugs/{id}", null);
        // a pharmacist of pharmacy 1 (demo data): another pharmacy's manager finds no such pharmacist
        m.put(
                "POST /mp/v1/pharmacy/pharmacists/{id}/duty",
                id -> HttpRequest.POST(
                        "/mp/v1/pharmacy/pharmacists/" + pharmacistOfPharmacyOne + "/duty",
                        new com.cogov.contracts.pharmacy.PharmacistRequests.Duty(true)));
        m.put(
                "POST /mp/v1/pharmacy/clerks/{id}/disable",
                id -> HttpRequest.POST(
                        "/mp/v1/pharmacy/clerks/" + id + "/disable", new AccountRequests.Reason("越权测试")));
        m.put(
                "POST /mp/v1/pharmacy/clerks/{id}/enable",
                id -> HttpRequest.POST("/mp/v1/pharmacy/clerks/" + id + "/enable", new AccountRequests.Reason("越权测试")));
        m.put(
                "POST /mp/v1/pharmacy/clerks/{id}/activation-code",
                id -> HttpRequest.POST("/mp/v1/pharmacy/clerks/" + id + "/activation-code", ""));
        m.put(
                "GET /mp/v1/registrations/{number}",
                id -> HttpRequest.GET("/mp/v1/registrations/" + registrationOfPharmacyOne));
        m.put(
                "POST /mp/v1/registrations/{number}/void",
                id -> HttpRequest.POST(
                        "/mp/v1/registrations/" + registrationOfPharmacyOne + "/void",
                        new com.cogov.contracts.registration.VoidRequest("越权测试")));
        // an inbox entry is its recipient's: anyone else's is not found
        m.put(
                "POST /mp/v1/inbox/{id}/read",
                id -> HttpRequest.POST("/mp/v1/inbox/" + inboxEntryOfPharmacyOnesClerk + "/read", ""));
        // a topic is no one's object: each caller opts themselves in or out
        m.put("PUT /mp/v1/notification-subscriptions/{topic}", null);
        m.put("DELETE /mp/v1/notification-subscriptions/{topic}", null);
        // the pharmacy's side of inspections: another pharmacy's inspection is not found
        m.put(
                "GET /mp/v1/pharmacy/inspections/{id}",
                id -> HttpRequest.GET("/mp/v1/pharmacy/inspections/" + inspectionOfPharmacyOne));
        m.put(
                "POST /mp/v1/pharmacy/inspections/{id}/acknowledge",
                id -> HttpRequest.POST("/mp/v1/pharmacy/inspections/" + inspectionOfPharmacyOne + "/acknowledge", ""));
        m.put(
                "POST /mp/v1/pharmacy/inspections/{id}/rectification",
                id -> HttpRequest.POST(
                        "/mp/v1/pharmacy/inspections/" + inspectionOfPharmacyOne + "/rectification",
                        new InspectionRequests.Rectification("越权测试", null)));
        m.put(
                "GET /mp/v1/inspections/photos/{photoId}",
                id -> HttpRequest.GET("/mp/v1/inspections/photos/" + photoOfPharmacyOnesInspection));
        // a file by signed link (WeChat's image check): without the file's own signature it is not found
        m.put(
                "GET /mp/v1/files/{id}",
                id -> HttpRequest.GET(
                        "/mp/v1/files/" + photoOfPharmacyOnesInspection + "?expires=4102444800&signature=forged"));
        // a notice to 武昌区's pharmacies is not found by 江汉区's manager (NoticeReadingTest: the readers' scope)
        m.put("GET /mp/v1/notices/{id}", id -> HttpRequest.GET("/mp/v1/notices/" + noticeToPharmacyOnesDistrict));
        m.put(
                "GET /mp/v1/notices/{id}/attachments/{fileId}",
                id -> HttpRequest.GET("/mp/v1/notices/" + noticeToPharmacyOnesDistrict
                        + "/attachments/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));
        m.put(
                "POST /mp/v1/notices/{id}/read",
                id -> HttpRequest.POST("/mp/v1/notices/" + noticeToPharmacyOnesDistrict + "/read", ""));
        // the inspector's routes: a manager's role may not use them (403); another district's inspector below (404)
        inspectorMatrix().forEach((route, request) -> m.put(route, id -> request.get()));
        return m;
    }

    /** route -> another district's inspector's request against district 420106's object: exactly 404. */
    Map<String, Supplier<MutableHttpRequest<?>>> inspectorMatrix() {
        Map<String, Supplier<MutableHttpRequest<?>>> m = new TreeMap<>();
        m.put("GET /mp/v1/inspector/pharmacies/{id}", () -> HttpRequest.GET("/mp/v1/inspector/pharmacies/1"));
        m.put(
                "GET /mp/v1/inspector/pharmacies/{id}/registrations",
                () -> HttpRequest.GET("/mp/v1/inspector/pharmacies/1/registrations"));
        m.put("GET /mp/v1/inspections/{id}", () -> HttpRequest.GET("/mp/v1/inspections/" + inspectionOfPharmacyOne));
        m.put(
                "POST /mp/v1/inspections/{id}/rectification/review",
                () -> HttpRequest.POST(
                        "/mp/v1/inspections/" + inspectionOfPharmacyOne + "/rectification/review",
                        new InspectionRequests.Review(true, "越权测试")));
        return m;
    }

    @BeforeAll
    void createAManagerOfAnotherPharmacy() throws Exception {
        try (Connection c = devServices().openConnection()) {
            c.createStatement()
                    .executeUpdate(
                            "INSERT IGNORE INTO account (wechat_openid, role, display_name, pharmacy_id, district_code)"
                                    + " VALUES ('idor-manager-2', 'PHARMACY_MANAGER', '二号店长', 2, '420103')");
        }
        try (Connection c = devServices().openConnection();
                PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO notification_inbox (account_id, notice_key, topic, title, body)"
                                + " SELECT id, ?, 'SYSTEM', '越权测试', '越权测试' FROM account"
                                + " WHERE wechat_openid = 'demo-clerk'",
                        Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, "idor:" + UUID.randomUUID());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                inboxEntryOfPharmacyOnesClerk = keys.getLong(1);
            }
        }
        try (Connection c = devServices().openConnection();
                ResultSet rs = c.createStatement()
                        .executeQuery("SELECT MIN(id) FROM pharmacy_pharmacist WHERE pharmacy_id = 1")) {
            rs.next();
            pharmacistOfPharmacyOne = rs.getLong(1);
        }
        noticeToPharmacyOnesDistrict = NoticeFixture.published(
                devServices(), notices, com.cogov.contracts.notice.NoticeAudience.PHARMACIES, "420106");
        mp = new MiniProgramSessions(client);
        otherPharmacysManager = mp.signIn("idor-manager-2");
        clerkOfPharmacyOne = mp.signIn("demo-clerk").profile().accountId();
        try (Connection c = devServices().openConnection()) {
            c.createStatement()
                    .executeUpdate("INSERT IGNORE INTO account (wechat_openid, role, display_name, district_code)"
                            + " VALUES ('idor-inspector-2', 'DISTRICT_INSPECTOR', '江汉区检查员', '420103')");
        }
        otherDistrictsInspector = mp.signIn("idor-inspector-2");
        inspectorOfDistrictOne = mp.signIn("demo-inspector");
        InspectionFixture inspections = new InspectionFixture(client);
        photoOfPharmacyOnesInspection = inspections.upload(inspectorOfDistrictOne);
        double[] door;
        try (Connection c = devServices().openConnection()) {
            door = InspectionFixture.coordinatesOf(c, 1);
        }
        inspectionOfPharmacyOne = inspections
                .record(
                        inspectorOfDistrictOne,
                        inspections.body(
                                inspectorOfDistrictOne,
                                1,
                                door,
                                r -> InspectionFixture.rectify(
                                        new InspectionRequests.Record(
                                                r.pharmacyId(),
                                                r.checklist(),
                                                r.findings(),
                                                r.disposition(),
                                                null,
                                                null,
                                                r.location(),
                                                List.of(photoOfPharmacyOnesInspection),
                                                null),
                                        LocalDate.now(ZoneId.of("Asia/Shanghai"))
                                                .plusDays(5))))
                .id();
        registrationOfPharmacyOne = new Counter(client, devServices())
                .register(mp.signIn("demo-clerk"), Counter.sale(Counter.adultId(), Counter.item(Counter.EPHEDRINE, 1)))
                .number();
    }

    @Test
    void everyRouteWithAnIdHasACrossScopeCase() {
        var routesWithIds = router.uriRoutes()
                .filter(r -> !"HEAD".equals(r.getHttpMethodName())) // authorised exactly like its GET
                .map(r -> r.getHttpMethodName() + " " + r.getUriMatchTemplate().toString())
                .filter(r -> r.contains(" /mp/") && r.contains("{"))
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        assertThat(routesWithIds)
                .as("add a cross-scope case to ObjectScopeMatrixTest.matrix() for each new route that takes an id")
                .isSubsetOf(matrix().keySet());
    }

    @Test
    void anotherDistrictsInspectorCannotReachThisDistrictsObjects() {
        inspectorMatrix().forEach((route, request) -> {
            int status = mp.refusedWithAnyOf(request.get().bearerAuth(otherDistrictsInspector.accessToken()));
            assertThat(status).as(route).isEqualTo(404);
        });
        assertThat(mp.refusedWithAnyOf(HttpRequest.GET("/mp/v1/inspections/photos/" + photoOfPharmacyOnesInspection)
                        .bearerAuth(otherDistrictsInspector.accessToken())))
                .isEqualTo(404);
        // while this district's inspector reaches them, so the 404s above are about scope
        for (String route : List.of(
                "GET /mp/v1/inspector/pharmacies/{id}",
                "GET /mp/v1/inspector/pharmacies/{id}/registrations",
                "GET /mp/v1/inspections/{id}")) {
            assertThat(client.toBlocking()
                            .exchange(
                                    inspectorMatrix().get(route).get().bearerAuth(inspectorOfDistrictOne.accessToken()),
                                    String.class)
                            .code())
                    .as(route)
                    .isEqualTo(200);
        }
        assertThat(client.toBlocking()
                        .exchange(
                                HttpRequest.GET("/mp/v1/inspections/photos/" + photoOfPharmacyOnesInspection)
                                        .bearerAuth(inspectorOfDistrictOne.accessToken()),
                                byte[].class)
                        .code())
                .isEqualTo(200);
    }

    @Test
    void anotherPharmacysManagerCannotReachThisPharmacysObjects() {
        matrix().forEach((route, request) -> {
            if (request != null) {
                int status = mp.refusedWithAnyOf(
                        request.apply(clerkOfPharmacyOne).bearerAuth(otherPharmacysManager.accessToken()));
                assertThat(status).as(route).isIn(403, 404);
            }
        });
        // and nothing happened to the clerk or the sale
        assertThat(mp.signIn("demo-clerk").profile().accountId()).isEqualTo(clerkOfPharmacyOne);
        assertThat(mp.call(
                                HttpRequest.GET("/mp/v1/registrations/" + registrationOfPharmacyOne),
                                mp.signIn("demo-clerk"),
                                com.cogov.contracts.registration.RegistrationView.class)
                        .status())
                .isEqualTo(com.cogov.contracts.registration.RegistrationView.Status.ACTIVE);
    }
}
