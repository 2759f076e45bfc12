package com.cogov.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.cogov.contracts.account.AccountRequests;
import com.cogov.contracts.account.ProfileView;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
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

    PortalSessions portal;
    String districtInspector;
    String enterpriseUser;
    long cityAdminAccount;
    String saleInDistrict;
    String saleElsewhere;

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
        // pharmacy 2 is in 江汉区, outside 武昌区
        m.put(
                "POST /portal/v1/pharmacies/{id}/disable",
                Case.roleOnly(
                        () -> HttpRequest.POST("/portal/v1/pharmacies/2/disable", new AccountRequests.Reason("越权测试"))));
        return m;
    }

    @BeforeAll
    void signIn() {
        portal = new PortalSessions(client);
        String admin = portal.admin(devServices());
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
